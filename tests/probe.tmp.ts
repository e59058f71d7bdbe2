import { analysed } from './helpers/doc.js';
const [text, meta] = [process.argv[2]!, JSON.parse(process.argv[3] ?? '{}')];
const d = analysed(text, meta);
console.log(d.mentions.map((m) => `${m.type}:${d.text.slice(m.start, m.end)}=>${m.name}(${m.cue})`).join('\n'));
console.log(d.relations.map((r) => [r.type, r.from, r.to, r.year ?? '', r.position ?? '', r.rule].join('|')).join('\n'));
