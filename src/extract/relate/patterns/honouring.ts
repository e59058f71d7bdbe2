/**
 * A body that honours or confers, with the people and honours after it in
 * the clause: ORG走访慰问…NAME, ORG授予NAME“TITLE”称号, ORG印发《关于表彰…TITLE…的决定》,
 * ORG召开…“TITLE”命名大会; an official visiting on the body's behalf; and
 * TITLE由ORG（会同ORG2）…评选.
 */
import type { EntityType } from '../../../domain/model.js';
import type { EntityMention, Sentence } from '../../document.js';
import { lexicon } from '../../lexicon.js';
import { storyStart } from '../../stages/resolve.js';
import { SUBJECT_LEAD, clauseEnd, clauseStartBefore } from '../clauses.js';
import { honourRelation, isBody, isHonour } from '../kinds.js';
import type { Pattern } from '../pattern.js';
import type { RelationSink } from '../sink.js';
import type { DocView } from '../view.js';
import { yearIn } from '../years.js';

const HONOURING = /(走访慰问|慰问|看望|表彰|表扬|嘉奖|授予|颁授|颁发|颁奖|命名|认定|评为|评选|评定)/;
const CONFERRING = /(授予|颁授|命名|认定|评选|评为|评定|表彰|颁发)/;
/** A verb right before a person that gives the honour named after them: 授予X…奖章, 命名X为…, 认定X为…. */
const AWARDING = /(授予|命名|认定|评为|评定)了?$/;

/** The body whose visit (走访慰问) a story reports, by story start: later 看望 in it are its visits too. */
type VisitingBodies = Map<number, { name: string; type: EntityType }>;

export const honouring: Pattern = {
  name: 'honouring',
  start: (view, sink) => {
    const visitingBody: VisitingBodies = new Map();
    return { sentence: (s, si) => honouringIn(view, sink, visitingBody, s, view.mentionsIn(s), si) };
  },
};

function honouringIn(view: DocView, sink: RelationSink, visitingBody: VisitingBodies, s: Sentence, ms: EntityMention[], si: number): void {
  const text = view.text;
  // An act reported now (走访慰问, 表彰) happened in the article's year unless the sentence says otherwise.
  // Worked out only when a relation is added: most sentences add none.
  let known: number | undefined | null = null;
  const year = () => (known === null ? (known = yearIn(text.slice(s.start, s.end), view.doc.setting.year) ?? view.doc.setting.year) : known);
  const bodies = ms.filter((m) => isBody(m.type));
  for (const org of bodies) {
    // A body in a person's appositive (…公司模具钳工组长廖志坚) is an employer, not a subject; so is one whose spokesman speaks.
    if (lexicon().positions.startingAt(text, org.end) || text[org.start - 1] === '的' || /^(相关|有关)?负责人/.test(text.slice(org.end, org.end + 5))) continue;
    // The body must be the subject: only time words, 由/经 or a co-subject before it in its clause.
    const lead = text.slice(clauseStartBefore(text, org.start, s.start), org.start);
    // 被/受到 ORG 表彰 (the agent), or ORG《关于认定…》 (the author of a decision).
    const agent = /(被|受到|受|获)$/.test(lead) || text.startsWith('《关于', org.end);
    if (!agent && !SUBJECT_LEAD.test(lead) && !bodies.some((b) => b.end <= org.start && /^[、和与及]$/.test(text.slice(b.end, org.start)))) continue;
    // The act may follow in the next clauses when they have no subject of their own
    // (…作出决定，授予…，授予… / …举行发布仪式，经推荐评审，认定…).
    let end = clauseEnd(text, org.end, s.end);
    while (end < s.end && end - org.end < 200 && !bodies.concat(ms.filter((m) => m.type === 'Person')).some((m) => m.start === end + 1)) {
      const nextEnd = clauseEnd(text, end + 1, s.end);
      // A clause with no subject of its own continues the act: …决定，对…予以通报表彰，授予….
      if (!/^，(命名|授予|表彰|认定|评选|评定|颁发|被授予|经|并|同时|联合|对|向|为|决定|予以|特|现|分别|按照|根据)/.test(text.slice(end, end + 4))) break;
      end = nextEnd;
    }
    const tail = text.slice(org.end, end);
    const v = HONOURING.exec(tail.slice(0, 120));
    if (!v) continue;
    // ORG被授予/被评为…: the body is the one honoured (a collective), not the one honouring.
    if (/被[^，。；]{0,6}$/.test(tail.slice(0, v.index)) || /^的/.test(tail)) continue;
    const vAt = org.end + v.index;
    const between = ms.filter((m) => m !== org && m.start >= org.end && m.end <= vAt);
    // Co-subjects (市总工会会同市人社局) share the act; a person or other body in between is not allowed.
    const partners = between.filter((m) => isBody(m.type) && /^(会同|联合|和|与|及|、)/.test(text.slice(org.end, m.start).replace(/^[^会联和与及、]*/, '')));
    if (between.some((m) => m.type === 'Person' || (isBody(m.type) && !partners.includes(m)))) continue;
    if (bodies.some((b) => b !== org && b.end <= org.start && partners.length === 0 && /^(会同|联合|和|与|及|、)$/.test(text.slice(b.end, org.start)))) continue;
    const subjects = [org, ...partners];
    if (/(走访|慰问|看望)/.test(v[0])) visitingBody.set(storyStart(view.doc, s.start), view.canonical(org));
    const after = ms.filter((m) => m.start >= org.end && m.end <= end);
    if (CONFERRING.test(v[0])) {
      for (const h of after.filter((m) => isHonour(m.type))) {
        for (const b of subjects) sink.add('CONFERRED_BY', view.canonical(h), view.canonical(b), si, 'confers');
      }
    }
    if (/《/.test(tail.slice(0, v.index + 2))) continue;
    for (const p of after.filter((m) => m.type === 'Person' && m.start > vAt && !view.bylineNames.has(m.name))) {
      for (const b of subjects) sink.add('HONOURED_BY', p, view.canonical(b), si, 'honours', { year: year() });
      // 授予何建军等30名职工2019年甘肃省五一劳动奖章, 命名X等10人为“Y工匠”: the honour in the person's clause.
      if (!AWARDING.test(text.slice(Math.max(s.start, p.start - 4), p.start))) continue;
      const h = after.find((m) => isHonour(m.type) && m.start >= p.end && !/[，；。]/.test(text.slice(p.end, m.start)));
      if (h) {
        const honour = view.canonical(h);
        sink.add(honourRelation(honour.type), p, honour, si, 'awarded', { year: h.year ?? year() });
      }
    }
  }
  // 市总工会主席洪耀东带队，走访慰问了…蔡志鸿: an official visits on behalf of the body they lead.
  const visit = /(走访慰问|慰问|看望|走访|探望)/.exec(text.slice(s.start, s.end));
  if (visit) {
    const vAt = s.start + visit.index;
    const visitor = ms.filter((m) => m.type === 'Person' && m.end <= vAt).pop();
    const body = visitor && sink.relations.find((r) => r.type === 'WORKS_FOR' && r.from === view.canonical(visitor).name && r.sentence === si);
    const bodyEntity = body && view.doc.entities.find((e) => e.name === body.to && isBody(e.type));
    const carried = visitingBody.get(storyStart(view.doc, s.start));
    const by = bodyEntity ?? (!visitor && !bodies.some((b) => b.end <= vAt) ? carried : undefined);
    if (by) {
      visitingBody.set(storyStart(view.doc, s.start), by);
      for (const p of ms.filter((m) => m.type === 'Person' && m.start > vAt && !view.bylineNames.has(m.name))) {
        sink.add('HONOURED_BY', p, by, si, 'visit', { year: year() });
      }
    }
  }
  // TITLE由ORG（会同ORG2）每年评选命名; TITLE是ORG设立的荣誉称号.
  for (const h of ms.filter((m) => isHonour(m.type))) {
    const by = /^[”」’]?(由|经|是)/.exec(text.slice(h.end, h.end + 2));
    if (!by) continue;
    const end = clauseEnd(text, h.end, s.end);
    const v = (by[1] === '是' ? /(设立|设置|颁发|评选|授予)的/ : CONFERRING).exec(text.slice(h.end, end));
    if (!v) continue;
    const vAt = h.end + v.index;
    for (const b of bodies.filter((m) => m.start > h.end && m.end <= vAt)) sink.add('CONFERRED_BY', view.canonical(h), view.canonical(b), si, 'conferred-by');
  }
}
