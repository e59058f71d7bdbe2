/**
 * Stage 4, situate: when and where the article is set. The year resolves
 * 今年 and the year of honours conferred at the article's event; the place
 * resolves bare 市委, 省总工会, 市劳动模范. Metadata wins; otherwise the text
 * decides (a dateline, then the years and places it names most).
 */
import type { Doc, Setting } from '../document.js';
import { lexicon, type Lexicon } from '../lexicon.js';

const DATELINE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const NUMERIC_DATE = /(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const YEAR = /(?<![\d—–\-~～至到])((?:19|20)\d{2})\s*年(?![代底初末前后间])/g;

export function situate(doc: Doc): Doc {
  return { ...doc, setting: { ...yearOf(doc), ...placeOf(doc) } };
}

function yearOf(doc: Doc): Pick<Setting, 'year' | 'date'> {
  const metaDate = doc.meta.date;
  if (metaDate) return { year: Number(metaDate.slice(0, 4)), date: metaDate };
  // A page header or dateline near the top fixes the date.
  const top = doc.text.slice(0, 300);
  // Or a web page's 发布时间：2025-04-30: whichever comes first.
  const head = [DATELINE.exec(top), NUMERIC_DATE.exec(top)].filter((m) => m !== null).sort((a, b) => a.index - b.index)[0];
  if (head) {
    const [, y, m, d] = head;
    return { year: Number(y), date: `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}` };
  }
  const counts = new Map<number, number>();
  for (const m of doc.text.matchAll(YEAR)) {
    const before = doc.text.slice(Math.max(0, m.index - 3), m.index);
    const after = doc.text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    if (/出生|生于|于$/.test(before) || /^出生/.test(after)) continue;
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  if (!counts.size) return {};
  const [year] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
  return { year };
}

/** The province and city the article names most, counted over jieba's words. */
function placeOf(doc: Doc): Pick<Setting, 'province' | 'city'> {
  const lx = lexicon();
  if (doc.meta.place) return parsePlace(doc.meta.place);
  const provinceScore = new Map<string, number>();
  const cityScore = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  const initials = placeInitials(lx);
  for (const t of doc.tokens) {
    const w = t.word;
    // Most words cannot start a place: one array lookup spares the map lookups.
    if (!initials[w.charCodeAt(0)]) continue;
    const province = lx.provinceByForm.get(w) ?? (w.endsWith('省') ? lx.provinceByForm.get(w.slice(0, -1)) : undefined);
    if (province && w.length >= 2) {
      bump(provinceScore, province.name, 1);
      continue;
    }
    // A city counts fully written as a city (宁波市), half as a bare name (宁波海天…).
    const stem = w.endsWith('市') ? w.slice(0, -1) : w;
    const city = lx.cityAliases.get(stem) ?? stem;
    const cityProvince = lx.cityProvince.get(city);
    if (cityProvince && city.length >= 2) {
      const n = w.endsWith('市') ? 1 : 0.5;
      bump(cityScore, city, n);
      bump(provinceScore, cityProvince, n);
    }
  }
  const province = best(provinceScore);
  if (!province) return {};
  const p = lx.provinceByForm.get(province)!;
  if (p.municipality) return { province, city: province };
  const cities = [...cityScore].filter(([c]) => lx.cityProvince.get(c) === province);
  const city = best(new Map(cities));
  return { province, city: city ? `${city}市` : undefined };
}

let initialsCache: { lx: Lexicon; bits: Uint8Array } | undefined;

/** First code units of every way of writing a province or city. */
function placeInitials(lx: Lexicon): Uint8Array {
  if (initialsCache?.lx !== lx) {
    const bits = new Uint8Array(0x10000);
    for (const form of [...lx.provinceByForm.keys(), ...lx.cityProvince.keys(), ...lx.cityAliases.keys()]) bits[form.charCodeAt(0)] = 1;
    initialsCache = { lx, bits };
  }
  return initialsCache.bits;
}

/** "浙江省宁波市" or "北京市" or "宁波" → province and city. */
export function parsePlace(place: string): Pick<Setting, 'province' | 'city'> {
  const lx = lexicon();
  for (const p of lx.provinces) {
    for (const form of [p.name, ...p.short]) {
      if (place.startsWith(form)) {
        if (p.municipality) return { province: p.name, city: p.name };
        const rest = place.slice(form.length).replace(/^省/, '').replace(/市$/, '');
        return { province: p.name, city: rest ? `${rest}市` : undefined };
      }
    }
  }
  const city = place.replace(/市$/, '');
  const province = lx.cityProvince.get(city);
  return province ? { province, city: `${city}市` } : {};
}

function best(scores: Map<string, number>): string | undefined {
  let top: string | undefined;
  let max = 0;
  for (const [k, v] of scores) if (v > max) [top, max] = [k, v];
  return top;
}
