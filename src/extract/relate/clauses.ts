/** Clause boundaries: Chinese news states one fact per clause, between ，。；. */

/** What may come before a body that is the subject of its clause: time words, 由/经, a dateline. */
export const SUBJECT_LEAD = /^(本报讯|[（(][^）)]*[）)]|近日|日前|昨天|今天|昨日|今日|此前|随后|同时|目前|今年|去年|当天|\d{4}年|\d{1,2}月\d{1,2}日|\d{1,2}月|“五一”前夕|五一前夕|前夕|期间|上午|下午|[，、\s])*(由|经)?$/;

/** Start of the clause containing `at`: after the last ，。；：！？ before it. */
export function clauseStartBefore(text: string, at: number, floor: number): number {
  for (let i = at - 1; i >= floor; i--) if (/[，。；：！？]/.test(text[i]!)) return i + 1;
  return floor;
}

/** End of the clause starting at `from`: the next ，。； outside 《》 and quotes. */
export function clauseEnd(text: string, from: number, limit: number): number {
  let depth = 0;
  for (let i = from; i < limit; i++) {
    const ch = text[i]!;
    if (ch === '《' || ch === '“') depth++;
    else if ((ch === '》' || ch === '”') && depth > 0) depth--;
    else if (depth === 0 && /[，。；！？]/.test(ch)) return i;
  }
  return limit;
}
