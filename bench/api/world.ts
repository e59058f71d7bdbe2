/**
 * A synthetic but realistic world of honours news, for the API benchmark:
 * people (surname and given-name pools, surnames Zipf-distributed, so
 * namesakes happen), companies, organisations and unions in real provinces
 * and cities, and honours built from Laurel's own honours lexicon at national,
 * provincial and municipal level. Popularity follows power laws, so a few
 * honours, employers and people are hubs and most appear once.
 *
 * article(i) writes article i as the extractor would hand it to the writer:
 * text with sentences, entities with mentions at their offsets, text facts
 * with evidence, and the lexicon's CONFERRED_BY facts as `inferred`.
 * Deterministic: the same seed gives the same articles.
 */
import { readFileSync } from 'node:fs';
import type { EntityType } from '../../src/domain/model.js';
import type { ArticleExtraction, Evidence, ExtractedEntity, ExtractedRelation } from '../../src/extract/contract.js';

const lexicon = (name: string) => JSON.parse(readFileSync(new URL(`../../src/domain/lexicon/${name}.json`, import.meta.url), 'utf8'));

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws ranks 0..n-1 with P(rank k) ∝ 1/(k+1)^s. */
export function zipf(n: number, s: number): (r: number) => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cdf[k] = sum += 1 / Math.pow(k + 1, s);
  return (r) => {
    const x = r * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

// Common given-name characters (general usage, no particular person).
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉鹏飞斌波宁春梅海燕雪琳晨阳光亮成宇浩然博涵晓东云峰岩松林森泽凯旭健俊鑫瑞晶玲丹莉慧颖佳欣怡婷倩蕾薇琴兵彬力新立永宏德福贵荣庆昌盛金银宝山川江河湖洪清源春秋冬夏天星月月';
const BRAND = '华宏兴盛鑫瑞康泰恒远星辰海天金鼎东方长城新安中联远航青禾蓝海卓越启明博达万通广源信达';
const INDUSTRY = ['精密机械', '电力', '建设', '铁路', '汽车', '化工', '钢铁', '港口', '电子', '物流', '食品', '纺织', '能源', '通信', '航空', '船舶', '建材', '医药', '水务', '燃气'];
const COMPANY_SUFFIX = ['有限公司', '有限公司', '集团有限公司', '股份有限公司'];
const ORG_KIND = ['人民医院', '第一中学', '实验小学', '职业技术学院', '科学研究院', '中心医院', '疾病预防控制中心', '供电服务中心', '市政工程管理处'];
const FILLER = [
  '扎根一线二十余年，攻克多项技术难题。',
  '他带领团队完成了多项技术革新，累计为企业节约成本数百万元。',
  '她始终坚持把工作做细做实，得到了同事和群众的一致认可。',
  '多年来，他坚守岗位、精益求精，培养了一批技术骨干。',
  '表彰大会号召广大职工向先进学习，立足岗位建功立业。',
  '在新的岗位上，她继续发挥示范带头作用。',
  '据介绍，此次受表彰的先进个人来自生产、科研和服务一线。',
  '会议强调，要大力弘扬劳模精神、劳动精神、工匠精神。',
];

interface Place {
  province: string;
  city: string;
}

interface Body {
  type: EntityType;
  name: string;
  place: Place;
}

interface Person {
  name: string;
  employer: number;
  position: string;
}

interface HonourTemplate {
  core: string;
  type: 'Title' | 'Award';
  aliases: string[];
  /** Conferring bodies by level, with {province}/{city} placeholders. */
  conferredBy: Partial<Record<'national' | 'provincial' | 'municipal', string[]>>;
  /** Named honours have one fixed name and level. */
  named?: string;
}

type Level = 'national' | 'provincial' | 'municipal';

export interface WorldOptions {
  seed: number;
  articles: number;
}

export class World {
  readonly people: Person[] = [];
  readonly companies: Body[] = [];
  readonly organisations: Body[] = [];
  private readonly places: Place[] = [];
  private readonly honours: HonourTemplate[] = [];
  private readonly positions: string[];
  private readonly surnames: string[];
  private readonly pickPerson: (r: number) => number;
  private readonly pickEmployer: (r: number) => number;
  private readonly pickHonour: (r: number) => number;
  private readonly pickSurname: (r: number) => number;

  constructor(private readonly opts: WorldOptions) {
    const random = rng(opts.seed);
    const places = lexicon('places') as { provinces: { name: string }[]; cities: Record<string, string[]> };
    for (const p of places.provinces) {
      const cities = places.cities[p.name];
      if (cities?.length) for (const c of cities) this.places.push({ province: p.name, city: `${c}市` });
      else this.places.push({ province: p.name, city: p.name });
    }
    const surnames = lexicon('surnames') as { common: string };
    this.surnames = [...surnames.common];
    this.pickSurname = zipf(this.surnames.length, 1.1);
    const positions = lexicon('positions') as { occupations: string[] };
    this.positions = positions.occupations.filter((p) => p.length >= 2 && p.length <= 5);

    const honours = lexicon('honours') as {
      scoped: { core: string; type: 'Title' | 'Award'; aliases?: string[]; collective?: boolean; conferredBy?: HonourTemplate['conferredBy'] }[];
      named: { name: string; type: 'Title' | 'Award'; conferredBy?: string[] }[];
    };
    // Individual honours only (collective ones go to bodies); the lexicon's order is roughly by prominence.
    for (const h of honours.scoped) if (!h.collective) this.honours.push({ core: h.core, type: h.type, aliases: h.aliases ?? [], conferredBy: h.conferredBy ?? {} });
    for (const h of honours.named) this.honours.push({ core: h.name, type: h.type, aliases: [], conferredBy: { national: h.conferredBy ?? [] }, named: h.name });
    this.pickHonour = zipf(this.honours.length, 1.3);

    // Bodies: about one company per eight articles, one organisation per forty.
    const pickPlace = zipf(this.places.length, 0.8);
    const nCompanies = Math.max(200, Math.round(opts.articles / 8));
    const names = new Set<string>();
    while (this.companies.length < nCompanies) {
      const place = this.places[pickPlace(random())]!;
      const brand = BRAND[Math.floor(random() * BRAND.length)]! + BRAND[Math.floor(random() * BRAND.length)]!;
      const name = `${place.city.replace(/市$/, '')}${brand}${INDUSTRY[Math.floor(random() * INDUSTRY.length)]}${COMPANY_SUFFIX[Math.floor(random() * COMPANY_SUFFIX.length)]}`;
      if (names.has(name)) continue;
      names.add(name);
      this.companies.push({ type: 'Company', name, place });
    }
    const nOrgs = Math.max(50, Math.round(opts.articles / 40));
    while (this.organisations.length < nOrgs) {
      const place = this.places[pickPlace(random())]!;
      const name = `${place.city}${ORG_KIND[Math.floor(random() * ORG_KIND.length)]}`;
      if (names.has(name)) continue;
      names.add(name);
      this.organisations.push({ type: 'Organization', name, place });
    }
    const employers = this.companies.length + this.organisations.length;
    this.pickEmployer = zipf(employers, 1.05);

    // People: about 1.2 per article; people are drawn per article from a
    // power law, so some are written about again and again.
    const nPeople = Math.round(opts.articles * 1.2);
    for (let i = 0; i < nPeople; i++) {
      const given = GIVEN[Math.floor(random() * GIVEN.length)]! + (random() < 0.75 ? GIVEN[Math.floor(random() * GIVEN.length)]! : '');
      this.people.push({
        name: this.surnames[this.pickSurname(random())]! + given,
        employer: this.pickEmployer(random()),
        position: this.positions[Math.floor(random() * this.positions.length)]!,
      });
    }
    this.pickPerson = zipf(nPeople, 0.75);
  }

  /** The chair of a province's union: one person per province, in many stories. */
  private chair(province: string): string {
    let h = 0;
    for (const ch of province) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return this.surnames[h % 40]! + GIVEN[h % GIVEN.length]! + GIVEN[(h >>> 8) % GIVEN.length]!;
  }

  employer(i: number): Body {
    return i < this.companies.length ? this.companies[i]! : this.organisations[i - this.companies.length]!;
  }

  /** Article i, as extraction hands it to the writer. */
  article(i: number): ArticleExtraction {
    const random = rng(this.opts.seed * 7919 + i);
    const id = `bench-${String(i).padStart(7, '0')}`;
    const year = 2010 + Math.floor(random() * 16);
    const date = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;

    // Who: 1 to 8 honourees, mostly 1 to 3; a quarter drawn uniformly (one-off people), the rest by popularity.
    const r = random();
    const count = r < 0.5 ? 1 : r < 0.85 ? 2 + Math.floor(random() * 2) : 4 + Math.floor(random() * 5);
    const who = new Set<number>();
    while (who.size < count) who.add(random() < 0.25 ? Math.floor(random() * this.people.length) : this.pickPerson(random()));
    const people = [...who].map((p) => this.people[p]!);

    // What: an honour by popularity, at a level; its place is the first honouree's employer's.
    const template = this.honours[this.pickHonour(random())]!;
    const place = this.employer(people[0]!.employer).place;
    const lv = random();
    const level: Level = template.named ? 'national' : lv < 0.4 ? 'national' : lv < 0.75 ? 'provincial' : 'municipal';
    const honourName = template.named ?? (level === 'national' ? `全国${template.core}` : level === 'provincial' ? `${place.province}${template.core}` : `${place.city}${template.core}`);
    const conferrers = (template.conferredBy[level] ?? []).map((c) => c.replace('{province}', place.province).replace('{city}', place.city));
    const bodyType = (name: string): EntityType => (/工会$/.test(name) ? 'Union' : 'Organization');

    const doc = new DocBuilder(id);
    const prefix = level === 'national' ? '全国' : level === 'provincial' ? place.province : place.city;
    const honour = doc.entity(template.type, honourName, template.named ? [] : template.aliases.map((a) => `${prefix}${a}`), level);
    const relations: ExtractedRelation[] = [];
    const inferred: ExtractedRelation[] = conferrers.map((c) => ({ type: 'CONFERRED_BY', from: honourName, to: c, fromType: honour.type, toType: bodyType(c), provenance: 'lexicon' }));

    doc.sentence(`${year}年，${place.city}召开表彰大会，${count}名先进个人受到表彰。`);
    const conferrer = conferrers[0];
    for (const p of people) {
      const body = this.employer(p.employer);
      const employer = doc.entity(body.type, body.name);
      const person = doc.entity('Person', p.name);
      const verb = template.type === 'Title' ? `荣获“${honourName}”称号` : `获得${honourName}`;
      const ev = doc.sentence(`${body.name}${p.position}${p.name}${verb}。`, [employer, person, honour]);
      relations.push({ type: template.type === 'Title' ? 'HOLDS_TITLE' : 'RECEIVED', from: p.name, to: honourName, year, evidence: ev, provenance: 'text' });
      relations.push({ type: 'WORKS_FOR', from: p.name, to: body.name, position: p.position, evidence: ev, provenance: 'text' });
      doc.sentence(FILLER[Math.floor(random() * FILLER.length)]!);
    }
    if (conferrer) {
      const body = doc.entity(bodyType(conferrer), conferrer);
      const names = people.map((p) => p.name).join('、');
      const ev = doc.sentence(`${conferrer}决定，授予${names}${honourName}。`, [body, ...people.map((p) => doc.entity('Person', p.name)), honour]);
      for (const p of people) relations.push({ type: 'HONOURED_BY', from: p.name, to: conferrer, year, evidence: ev, provenance: 'text' });
    }
    // A provincial union's chair speaks in about a third of the stories.
    if (random() < 0.3) {
      const union = doc.entity('Union', `${place.province}总工会`);
      const person = doc.entity('Person', this.chair(place.province));
      const ev = doc.sentence(`${union.name}主席${person.name}出席会议并讲话。`, [union, person]);
      relations.push({ type: 'WORKS_FOR', from: person.name, to: union.name, position: '主席', evidence: ev, provenance: 'text' });
    }
    doc.sentence(FILLER[Math.floor(random() * FILLER.length)]!);

    return {
      article: { id, text: doc.text, meta: { title: `${place.city}表彰${honourName}获得者`, date, newspaper: '工人日报（合成）', page: String(1 + Math.floor(random() * 8)).padStart(2, '0'), place: place.city, source: `${id}.txt` } },
      entities: doc.entities(),
      relations,
      inferred,
    };
  }
}

/** Builds an article's text sentence by sentence, recording entity mentions with their offsets. */
class DocBuilder {
  text = '';
  private readonly byKey = new Map<string, ExtractedEntity>();

  constructor(readonly id: string) {}

  entity(type: EntityType, name: string, aliases: string[] = [], level?: string): ExtractedEntity {
    const key = `${type}:${name}`;
    let e = this.byKey.get(key);
    if (!e) {
      e = { type, name, aliases, ...(level ? { level } : {}), mentions: [] };
      this.byKey.set(key, e);
    }
    return e;
  }

  sentence(s: string, mentioned: ExtractedEntity[] = []): Evidence {
    const start = this.text.length;
    const evidence = { sentence: s, start, end: start + s.length };
    for (const e of mentioned) {
      const at = s.indexOf(e.name);
      if (at >= 0 && !e.mentions.some((m) => m.start === start + at)) e.mentions.push({ surface: e.name, start: start + at, end: start + at + e.name.length, evidence });
    }
    this.text += s;
    return evidence;
  }

  entities(): ExtractedEntity[] {
    return [...this.byKey.values()];
  }
}
