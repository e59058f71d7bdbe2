/**
 * The headline of an article whose metadata gives no title: the first line
 * of the text that reads as a headline, past the page furniture a newspaper
 * page starts with (date, page number, e-mail, editors, 上接第6版). When the
 * text opens straight with its body (本报讯…, or a running sentence), there
 * is no headline and no title is made up.
 */

/** Lines a printed page carries above its articles. */
const FURNITURE = [
  /^\d{1,3}$/, // page number
  /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/, // the page's date
  /e-?mail|@|https?:\/\/|www\./i,
  /^(本版|责任|美术|图片|校对|编辑|热线|电话|转自|来源|本文来源)/,
  /^[（(]\s*[上下]转|^[（(]\s*(上接|下转|接第|转第)/,
];

/** How a body opens: a dateline, or a wire service. */
const BODY_START = /^(本报讯|本报|新华社|中新社|人民网|央广网|据)/;
/** A headline does not end like a sentence or a clause. */
const SENTENCE_END = /[。！？；，：,;:]$/;
const MAX_HEADLINE = 64;

export function headline(text: string): string | undefined {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw
      .replace(/^\s*#{1,6}\s+/, '') // a Markdown heading
      .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
      .replace(/[\s\u3000]+/g, ' ');
    if (!line) continue;
    if (FURNITURE.some((re) => re.test(line))) continue;
    const han = line.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0;
    if (han < 4) continue;
    if (BODY_START.test(line) || SENTENCE_END.test(line) || line.length > MAX_HEADLINE) return undefined;
    return line;
  }
  return undefined;
}
