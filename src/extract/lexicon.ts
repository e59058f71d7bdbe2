/**
 * The lexicons the stages consult, built once per process from the data in
 * src/domain/lexicon and from jieba's own dictionary (word frequencies and
 * tags, used to tell names from common words).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { EntityType } from '../domain/model.js';
import honoursData from '../domain/lexicon/honours.json' with { type: 'json' };
import organisationsData from '../domain/lexicon/organisations.json' with { type: 'json' };
import placesData from '../domain/lexicon/places.json' with { type: 'json' };
import positionsData from '../domain/lexicon/positions.json' with { type: 'json' };
import surnamesData from '../domain/lexicon/surnames.json' with { type: 'json' };
import { WordSet } from './text.js';

export type HonourLevel = 'national' | 'provincial' | 'municipal' | 'district' | 'sector';

export interface ScopedHonour {
  core: string;
  aliases: string[];
  type: Extract<EntityType, 'Title' | 'Award'>;
  canonicalPlace: 'admin' | 'written';
  /** Only meaningful with an explicit place (工匠 alone is generic). */
  needsPlace: boolean;
  collective: boolean;
  conferredBy: Partial<Record<HonourLevel, string[]>>;
}

export interface NamedHonour {
  name: string;
  aliases: string[];
  type: Extract<EntityType, 'Title' | 'Award'>;
  level: HonourLevel;
  place?: string;
  conferredBy: string[];
  /** Also an everyday phrase: an honour only where the text treats it as one. */
  needsContext: boolean;
}

export interface Province {
  name: string;
  short: string[];
  municipality: boolean;
  aliases: string[];
}

export interface NationalBody {
  name: string;
  type: EntityType;
  aliases: string[];
}

export interface Lexicon {
  /** jieba dictionary: word → frequency and tag. */
  word(w: string): { freq: number; tag: string } | undefined;
  /** Laurel's own words given to jieba as a user dictionary (honours, offices, places), and their tags. */
  userWords: ReadonlyMap<string, { freq: number; tag: string }>;
  surnames: { common: Set<string>; rare: Set<string>; compound: Set<string> };
  provinces: Province[];
  /** Any way of writing a province (浙江, 浙江省, 浙) → its full name. */
  provinceByForm: Map<string, Province>;
  /** City short name (宁波) → full province name (浙江省). */
  cityProvince: Map<string, string>;
  /** Literary names of cities (鹏城) → the city's short name (深圳). */
  cityAliases: Map<string, string>;
  scoped: ScopedHonour[];
  named: NamedHonour[];
  competition: { events: string[]; placings: string[] };
  offices: WordSet;
  occupations: WordSet;
  /** Offices and occupations together. */
  positions: WordSet;
  bylines: WordSet;
  /** Grades written before an occupation (高级教师, 首席技师): part of the position. */
  ranks: WordSet;
  officeOf: Record<string, string>;
  orgSuffixes: WordSet;
  orgSuffixType: Map<string, EntityType>;
  /** Parts inside a body: all of them, and the internal ones that fold into a position. */
  units: WordSet;
  internalUnits: WordSet;
  /** Where a body's workers are: a branch, workshop or station named after the body (某邮政局|某某支局). */
  bodyParts: WordSet;
  partyCommittees: WordSet;
  /** A party committee's departments, bodies in their own right (组织部, 宣传部). */
  departments: WordSet;
  genericModifiers: WordSet;
  genericNames: Set<string>;
  national: NationalBody[];
  /** News organisations: national names, newspaper endings, the endings of media names, and words that name none. */
  media: { national: Set<string>; newspapers: WordSet; endings: WordSet; notNames: Set<string> };
  /** Short endings written after a place and the full ending they stand for (妇联 → 妇女联合会). */
  shortEndings: Map<string, string>;
}

let cached: Lexicon | undefined;

export function lexicon(): Lexicon {
  return (cached ??= build());
}

const require = createRequire(import.meta.url);

/** jieba's main dictionary, as nodejieba ships it. */
export function jiebaDictPath(): string {
  return (require('nodejieba') as { DEFAULT_DICT: string }).DEFAULT_DICT;
}

function build(): Lexicon {
  const words = new Map<string, { freq: number; tag: string }>();
  for (const line of readFileSync(jiebaDictPath(), 'utf8').split('\n')) {
    const [w, f, t] = line.split(' ');
    if (w && f) words.set(w, { freq: Number(f), tag: t ?? '' });
  }
  const provinces: Province[] = placesData.provinces.map((p) => ({
    name: p.name,
    short: p.short,
    municipality: 'municipality' in p && p.municipality === true,
    aliases: 'aliases' in p ? (p.aliases as string[]) : [],
  }));
  const provinceByForm = new Map<string, Province>();
  for (const p of provinces) {
    for (const f of [p.name, ...p.short, ...p.aliases]) provinceByForm.set(f, p);
  }
  const cityProvince = new Map<string, string>();
  for (const [province, cities] of Object.entries(placesData.cities)) {
    for (const c of cities) cityProvince.set(c, province);
  }
  const cityAliases = new Map(Object.entries(placesData.cityAliases));
  const scoped: ScopedHonour[] = honoursData.scoped.map((h) => ({
    core: h.core,
    aliases: 'aliases' in h ? (h.aliases as string[]) : [],
    type: h.type as ScopedHonour['type'],
    canonicalPlace: h.canonicalPlace as ScopedHonour['canonicalPlace'],
    needsPlace: 'needsPlace' in h && h.needsPlace === true,
    collective: 'collective' in h && h.collective === true,
    conferredBy: ('conferredBy' in h ? h.conferredBy : {}) as ScopedHonour['conferredBy'],
  }));
  const named: NamedHonour[] = honoursData.named.map((h) => ({
    name: h.name,
    aliases: 'aliases' in h ? (h.aliases as string[]) : [],
    type: h.type as NamedHonour['type'],
    level: h.level as HonourLevel,
    place: 'place' in h ? (h.place as string) : undefined,
    conferredBy: 'conferredBy' in h ? (h.conferredBy as string[]) : [],
    needsContext: 'needsContext' in h && h.needsContext === true,
  }));
  const orgSuffixType = new Map<string, EntityType>();
  for (const [type, list] of Object.entries(organisationsData.suffixes)) {
    for (const suffix of list) if (!orgSuffixType.has(suffix)) orgSuffixType.set(suffix, type as EntityType);
  }
  const userWords = new Map<string, { freq: number; tag: string }>();
  const add = (w: string, tag: string, freq = 20000) => {
    if (w.length >= 2 && !userWords.has(w)) userWords.set(w, { freq, tag });
  };
  for (const h of scoped) for (const w of [h.core, ...h.aliases]) add(w, 'nz');
  for (const h of named) for (const w of [h.name, ...h.aliases]) add(w, 'nz');
  for (const w of [...positionsData.offices, ...positionsData.occupations, ...positionsData.bylines]) add(w, 'n');
  for (const w of orgSuffixType.keys()) add(w, 'n', 5000);
  for (const b of organisationsData.national) for (const w of [b.name, ...b.aliases]) add(w, 'nt');
  for (const p of provinces) for (const w of [p.name, ...p.short]) add(w, 'ns', 5000);
  for (const c of cityProvince.keys()) {
    add(c, 'ns', 3000);
    add(`${c}市`, 'ns', 3000);
  }
  return {
    word: (w) => words.get(w),
    userWords,
    surnames: {
      common: new Set(surnamesData.common),
      rare: new Set(surnamesData.rare),
      compound: new Set(surnamesData.compound),
    },
    provinces,
    provinceByForm,
    cityProvince,
    cityAliases,
    scoped,
    named,
    competition: honoursData.competition,
    offices: new WordSet(positionsData.offices),
    occupations: new WordSet(positionsData.occupations),
    positions: new WordSet([...positionsData.offices, ...positionsData.occupations]),
    bylines: new WordSet(positionsData.bylines),
    ranks: new WordSet(positionsData.ranks),
    officeOf: positionsData.officeOf,
    orgSuffixes: new WordSet(orgSuffixType.keys()),
    orgSuffixType,
    units: new WordSet([...organisationsData.units.internal, ...organisationsData.units.departments]),
    internalUnits: new WordSet(organisationsData.units.internal),
    bodyParts: new WordSet(organisationsData.units.parts),
    partyCommittees: new WordSet(organisationsData.partyCommittees),
    departments: new WordSet(organisationsData.units.departments),
    genericModifiers: new WordSet(organisationsData.generic),
    genericNames: new Set(organisationsData.genericNames),
    national: organisationsData.national as NationalBody[],
    media: {
      national: new Set(organisationsData.media.national),
      newspapers: new WordSet(organisationsData.media.newspapers),
      endings: new WordSet(organisationsData.media.endings),
      notNames: new Set(organisationsData.media.notNames),
    },
    shortEndings: new Map(Object.entries(organisationsData.shortEndings)),
  };
}
