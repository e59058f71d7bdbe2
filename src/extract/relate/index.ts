/**
 * Stage 7, relate: the relations of SPEC section 4, each with the sentence
 * that states it.
 *
 * Relations are found by small named patterns (./patterns), each a function
 * over a shared read-only view of the document (DocView) that puts what it
 * finds into a relation sink. PATTERNS is their order: for each sentence every
 * pattern's sentence step runs in this order (a later one may read what an
 * earlier one found in the same sentence), then every pattern's end step.
 */
import type { EntityType } from '../../domain/model.js';
import type { Doc, DocRelation } from '../document.js';
import type { Pattern } from './pattern.js';
import { appositive } from './patterns/appositive.js';
import { clauses } from './patterns/clauses.js';
import { companyStaff } from './patterns/company-staff.js';
import { countedGroup } from './patterns/counted-group.js';
import { enumeration } from './patterns/enumeration.js';
import { honouredThroughConferral } from './patterns/honoured-through-conferral.js';
import { honourees } from './patterns/honourees.js';
import { issuers } from './patterns/issuers.js';
import { honouring } from './patterns/honouring.js';
import { listRows } from './patterns/list-rows.js';
import { listSharesHonours } from './patterns/list-shares-honours.js';
import { nameThenOffice } from './patterns/name-then-office.js';
import { sections } from './patterns/sections.js';
import { serialSubjects } from './patterns/serial-subjects.js';
import { storyHonourYears } from './patterns/story-honour-years.js';
import { tableRow } from './patterns/table-row.js';
import { RelationSink } from './sink.js';
import { DocView } from './view.js';

export const PATTERNS: readonly Pattern[] = [
  appositive, // 全国劳动模范、某公司副总经理张三; headline bylines; NAME，ORG POSITION，…
  nameThenOffice, // 勞動部某某部長、某某司長: the office after the name
  listSharesHonours, // 劳动模范代表陈大鹏、王广洋: the honour before a 、-list is everyone's
  companyStaff, // X等5名公司代表
  clauses, // NAME今年获得…, NAME被ORG授予…, NAME获此殊荣, NAME是…, NAME在ORG任职…
  serialSubjects, // 某医院主任A，某小学校长B，某社理事C被授予X: the series shares C's honour
  countedGroup, // 表彰了甲、乙等10名“X”: each name of the group holds X
  honouring, // ORG授予/表彰/走访慰问…NAME, TITLE由ORG评选
  sections, // 一、江州市优秀护士 / lines of names under it
  honourees, // 获奖职工中，… / 名单 headings: the paragraphs of honourees that follow
  enumeration, // …分别是A、B, 10名“X”是：
  tableRow, // | 张三 | 某公司 | 焊工 |
  listRows, // 张三（某公司焊工）, 某医院：张三、李四, 上海：张三 某大学教师
  issuers, // ORG关于表彰…的决定, a signature, 由A、B举办的评选: conferred by, and honoured by for every holder
  honouredThroughConferral, // end: holders of an honour a body confers were honoured by it
  storyHonourYears, // end: the year a story gives an honour's conferral
];

export function relate(doc: Doc, patterns: readonly Pattern[] = PATTERNS): Doc {
  const view = new DocView(doc);
  const sink = new RelationSink(view);
  const runs = patterns.map((p) => p.start(view, sink));
  for (const [si, s] of doc.sentences.entries()) for (const run of runs) run.sentence?.(s, si);
  for (const run of runs) run.end?.();
  return { ...doc, relations: [...sink.relations] };
}

export function relationEnds(doc: Doc, r: DocRelation): { fromType: EntityType; toType: EntityType } {
  const type = (name: string, allowed: readonly EntityType[]) => doc.entities.find((e) => e.name === name && allowed.includes(e.type))?.type;
  const spec = { HOLDS_TITLE: [['Person'], ['Title']], RECEIVED: [['Person'], ['Award']], WORKS_FOR: [['Person'], ['Organization', 'Union', 'Company']], HONOURED_BY: [['Person'], ['Organization', 'Union', 'Company']], CONFERRED_BY: [['Title', 'Award'], ['Organization', 'Union', 'Company']] } as const;
  const [from, to] = spec[r.type];
  return { fromType: type(r.from, from) ?? from[0], toType: type(r.to, to) ?? to[0] };
}
