/**
 * The forms people write honours in, from the honours lexicon
 * (src/domain/lexicon/honours.json): a short form for the canonical one
 * (全国劳模 for 全国劳动模范, 五一劳动奖 for 五一劳动奖章), and an honour
 * given at many levels written without its level (五一劳动奖章 for
 * 全国五一劳动奖章, 北京市五一劳动奖章, …).
 */
import honours from '../domain/lexicon/honours.json' with { type: 'json' };
import { normaliseName } from '../graph/names.js';

/** [short form, canonical form]: named honours' aliases whole, scoped cores' aliases at the end of a name. */
const WHOLE: [string, string][] = honours.named.flatMap((h) => ((h as { aliases?: string[] }).aliases ?? []).map((a): [string, string] => [a, h.name]));
const ENDINGS: [string, string][] = honours.scoped.flatMap((h) => ((h as { aliases?: string[] }).aliases ?? []).map((a): [string, string] => [a, h.core]));
const CORES = new Set(honours.scoped.map((h) => h.core));

/** The name as given, then with a short form replaced by the canonical one. */
export function honourSpellings(name: string): string[] {
  const norm = normaliseName(name);
  const spellings = [norm];
  for (const [short, full] of WHOLE) if (norm === short) spellings.push(full);
  for (const [short, full] of ENDINGS) {
    if (norm.endsWith(short) && !norm.endsWith(full)) spellings.push(norm.slice(0, norm.length - short.length) + full);
  }
  return [...new Set(spellings)];
}

/** The honour `name` names at every level when written without one (五一劳动奖章, 劳模), else undefined. */
export function bareHonour(name: string): string | undefined {
  return honourSpellings(name).find((s) => CORES.has(s));
}
