/**
 * Small hand-written ArticleExtractions for writer tests: names are found in
 * the text to give mentions real offsets and evidence sentences. The names are
 * invented; none comes from the seeds.
 */
import type { EntityType, RelationType } from '../../src/domain/model.js';
import type { ArticleExtraction, Evidence, ExtractedEntity, ExtractedRelation } from '../../src/extract/contract.js';

interface EntitySpec {
  type: EntityType;
  name: string;
  aliases?: string[];
  level?: string;
}

interface RelationSpec {
  type: RelationType;
  from: string;
  to: string;
  fromType?: EntityType;
  toType?: EntityType;
  year?: number;
  position?: string;
}

function sentences(text: string): Evidence[] {
  const out: Evidence[] = [];
  const re = /[^。！？\n]+[。！？]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ sentence: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

export function article(
  id: string,
  text: string,
  entities: EntitySpec[],
  relations: RelationSpec[] = [],
  inferred: RelationSpec[] = [],
): ArticleExtraction {
  const sents = sentences(text);
  const sentenceAt = (i: number) => sents.find((s) => s.start <= i && i < s.end)!;
  const ents: ExtractedEntity[] = entities.map((e) => {
    const mentions = [];
    for (const surface of [e.name, ...(e.aliases ?? [])]) {
      for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + surface.length)) {
        mentions.push({ surface, start: i, end: i + surface.length, evidence: sentenceAt(i) });
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    return { type: e.type, name: e.name, aliases: e.aliases ?? [], ...(e.level ? { level: e.level } : {}), mentions };
  });
  const rel = (r: RelationSpec, provenance: 'text' | 'lexicon'): ExtractedRelation => {
    const evidence = provenance === 'text' ? sents.find((s) => s.sentence.includes(r.from) && s.sentence.includes(r.to)) : undefined;
    return { ...r, provenance, ...(evidence ? { evidence } : {}) };
  };
  return {
    article: { id, text, meta: { title: `标题${id}`, date: '2025-05-01', newspaper: '测试日报', page: '01', source: `${id}.txt` } },
    entities: ents,
    relations: relations.map((r) => rel(r, 'text')),
    inferred: inferred.map((r) => rel(r, 'lexicon')),
  };
}
