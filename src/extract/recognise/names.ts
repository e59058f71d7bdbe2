/**
 * What a Chinese personal name looks like, shared by the people recognisers:
 * a surname from the lexicon and one or two given characters that are not
 * function words, or (for Tibetan, Uyghur and Mongolian names) a run of
 * characters that are not Chinese words.
 */
import type { Lexicon } from '../lexicon.js';
import { allHan } from '../text.js';

/** Characters that do not occur inside a given name where the cues are weak. */
export const NOT_IN_NAME = /[的了是在与等及为从把被向对就也都而或之其这那个们着过地很更最又再还已将会能要可所以于说道上下中内外年日时分第二三四五六七八九十百千万亿两几各每本该此]/;
/**
 * Characters that never occur inside a given name. The rest of NOT_IN_NAME
 * do (胡从柱, 刘更生, 周四根, 王千榕) and are taken where the cues leave no
 * doubt: a credit, a list of names, an office on one side and a stop on the other.
 */
export const NEVER_IN_NAME = /[的了是与等及把被对就也都而或这那个们着过很最还已该此每各说摄]/;

/** A surname and a form of address, not a name (杨师傅, 王老师, 李大姐). */
export const ADDRESS = /^(师傅|老师|大姐|大哥|阿姨|先生|女士|同志|小姐|师|工|总|姐|哥|叔|伯|婶|嫂|某|老|嫂子|书记|主任|局长|院长|部长|市长|县长|区长|镇长|省长|处长|科长|厂长|校长|所长|站长|队长|社长|会长|理事长|董事长|经理|主席|委员|议员|秘书)$/;

/** Surnames that are also prepositions or conjunctions: 向张三等 is 向 + 张三, 奖状和奖章 no name. */
export const PREPOSITION_SURNAMES = new Set([...'向和于同经由对及与']);

/** A place ends like this (武进区, 江北县); a given name does not. */
export const PLACE_END = /[省市区县镇乡]$/;

export interface Surname {
  length: number;
  rare: boolean;
}

const COMPOUND: Surname = { length: 2, rare: false };
const COMMON: Surname = { length: 1, rare: false };
const RARE: Surname = { length: 1, rare: true };
let surnameBits: Uint8Array | undefined;

/** 1: common surname, 2: rare, 4: first character of a compound surname — one lookup per character. */
function surnameTable(lx: Lexicon): Uint8Array {
  if (!surnameBits) {
    surnameBits = new Uint8Array(0x10000);
    for (const c of lx.surnames.common) surnameBits[c.charCodeAt(0)]! |= 1;
    for (const c of lx.surnames.rare) surnameBits[c.charCodeAt(0)]! |= 2;
    for (const c of lx.surnames.compound) surnameBits[c.charCodeAt(0)]! |= 4;
  }
  return surnameBits;
}

export function surnameAt(text: string, i: number, lx: Lexicon): Surname | undefined {
  const bits = surnameTable(lx)[text.charCodeAt(i)]!;
  if (!bits) return undefined;
  if (bits & 4 && lx.surnames.compound.has(text.slice(i, i + 2))) return COMPOUND;
  if (bits & 1) return COMMON;
  if (bits & 2) return RARE;
  return undefined;
}

/**
 * A surname and a given name: Han, not a form of address, not a place;
 * `strict` keeps out every character of NOT_IN_NAME, otherwise only those
 * of NEVER_IN_NAME.
 */
export function validName(name: string, surnameLength: number, strict = true): boolean {
  if (!allHan(name) || PLACE_END.test(name)) return false;
  const given = name.slice(surnameLength);
  // 童家: a family's home, not a name; 黎明牌: a brand.
  if (given === '家' || given.endsWith('牌')) return false;
  if (ADDRESS.test(given)) return false;
  return !(strict ? NOT_IN_NAME : NEVER_IN_NAME).test(given);
}

/** Whether a string contains a Chinese word (two characters, frequent enough): 红色, 幸福, 劳动. */
export function madeOfWords(s: string, lx: Lexicon): boolean {
  for (let k = 0; k + 2 <= s.length; k++) {
    const w = lx.word(s.slice(k, k + 2));
    if (w && w.freq >= 50 && !w.tag.startsWith('nr')) return true;
  }
  return false;
}

/** A frequent word that is not a name (白金, 高峰): a name only where the context says so. */
export function commonWord(s: string, lx: Lexicon): boolean {
  const w = lx.word(s);
  return !!w && (!w.tag.startsWith('nr') || w.freq >= 500);
}

/** A province or city by any of its names (张家口, 常州, 江苏). */
export function isPlace(s: string, lx: Lexicon): boolean {
  return lx.provinceByForm.has(s) || lx.cityProvince.has(s) || lx.cityAliases.has(s);
}

/**
 * A name read off a list item or credit, where the layout already says a
 * name stands there: a surname and one or two given characters, or four to
 * six characters that are no Chinese words (尼玛拉毛, 布赫巴雅尔).
 */
export function listItemName(s: string, lx: Lexicon): 'name' | 'word' | undefined {
  if (!allHan(s) || isPlace(s, lx)) return undefined;
  const surname = surnameAt(s, 0, lx);
  if (surname && s.length - surname.length >= 1 && s.length - surname.length <= 2 && validName(s, surname.length, false)) {
    return commonWord(s, lx) ? 'word' : 'name';
  }
  if (s.length >= 4 && s.length <= 6 && !NOT_IN_NAME.test(s) && !lx.word(s) && !madeOfWords(s, lx)) return 'name';
  return undefined;
}
