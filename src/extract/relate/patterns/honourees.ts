/**
 * 获奖职工中，…A…；…B…: the people of a paragraph that opens by introducing
 * the honourees (or a 名单/风采 heading) hold the story's latest individual
 * honour, as of its year; the list runs on over the paragraphs that each
 * introduce an honouree by name.
 */
import type { EntityType } from '../../../domain/model.js';
import type { EntityMention } from '../../document.js';
import { sentenceContaining } from '../../document.js';
import { lexicon } from '../../lexicon.js';
import { storyStart } from '../../stages/resolve.js';
import { honourRelation, isHonour } from '../kinds.js';
import type { Pattern } from '../pattern.js';
import { headingAt } from './sections.js';
import { yearIn } from '../years.js';

/** Lines inside a list of honourees that hold no honouree: a whole-line note in brackets, a table row, a place heading. */
const LIST_FURNITURE = /^([（(][^）)]*[）)]|\|.*\|)$|^[\u4e00-\u9fff]{2,10}(区|县|市|州|盟|旗|镇|乡)$/;

/** A sentence introducing the holders listed after it (the first row may run on): 获得2013年全国五一劳动奖章的会员有： */
const HOLDERS_INTRO = /^(?=(?:获得|获评|荣获|入选|当选)[^，。；：]{2,30}的[^，。；：]{0,10}(?:有|是|为|分别是|分别为)：)/;

/** The honour a story names most (the latest of those named most): 16名省劳模…全省劳动模范…和先进工作者 → 劳动模范. */
function dominant<T extends { name: string }>(named: T[]): T | undefined {
  const counts = new Map<string, number>();
  for (const x of named) counts.set(x.name, (counts.get(x.name) ?? 0) + 1);
  let best: T | undefined;
  for (const x of named) if (!best || counts.get(x.name)! >= counts.get(best.name)!) best = x;
  return best;
}

export const honourees: Pattern = {
  name: 'honourees',
  start: (view, sink) => ({
    sentence(s, si) {
      const sentence = view.text.slice(s.start, s.end);
      const head =
        /^(在)?(本年度|今年的?|此次|本次|本届|首批|这批)?(获奖职工|获奖者|获评者|受表彰者|获得者|入选者|获奖人员|受表彰的[^，。；]{0,12}|(?:得奖|受奖|获奖)[^，。；]{1,8}?|(?:获得|获评|入选|当选)的?[^，。；]{0,12}的?[^，。；]{0,4})(中|当中)/.exec(sentence) ??
        // 本年度“苏州大工匠”平均年龄46岁…: a paragraph about this year's honourees, before their profiles.
        /^(本年度|今年的|本届|此次|本次|这批|首批|新一届)“?(?=\S)/.exec(sentence) ??
        // …陕西省五一劳动奖章获得者名单（16名） / 龙江工匠风采: a list of names or profiles follows.
        /^(?=.*名单(（[^）]*）)?$)/.exec(sentence) ??
        // 现将受表彰人员名单摘登如下：(and the list's first heading, when it runs on)
        /^(?=.*名单[^，。；]{0,16}如下：[\u4e00-\u9fff]{0,10}$)/.exec(sentence) ??
        (sentence.length <= 16 ? /^(?=.*(风采|名录|简介|事迹|巡礼|群像|掠影|谱)$)/.exec(sentence) : null) ??
        // 获得2013年全国五一劳动奖章的会员有：, then a line per person.
        HOLDERS_INTRO.exec(sentence);
      if (!head) return;
      const intro = HOLDERS_INTRO.test(sentence);
      const listHead = head[0] === '' && (intro || /名单|风采|名录|简介|事迹|巡礼|群像|掠影|谱/.test(sentence));
      if (!head[3] && !listHead && !view.entriesIn(s.start + head[0].length, s.start + head[0].length + 14).some((x) => isHonour(x.type) && x.m.start === s.start + head[0].length)) return;
      const story = storyStart(view.doc, s.start);
      const lx = lexicon();
      const individual = (x: { m: EntityMention; name: string; type: EntityType }) => isHonour(x.type) && !lx.scoped.find((h) => x.name.endsWith(h.core))?.collective;
      const headEnd = listHead ? s.end : s.start + head[0].length + (head[3] ? 0 : 14);
      // The honour named in the head (在受表彰的全国劳动模范中), else the story's latest individual honour.
      const honour =
        view.sorted.find((x) => individual(x) && x.m.start >= s.start && x.m.end <= headEnd) ??
        dominant(view.sorted.filter((x) => individual(x) && x.m.end <= s.start && x.m.start >= story));
      if (!honour) return;
      // An introduction names its own honour: a collective one (获得工人先锋号的是：) lists no people.
      if (intro && honour.m.start < s.start) return;
      if (/集体/.test(head[0])) return;
      const where = sentenceContaining(view.doc, honour.m.start)!;
      const year = honour.m.year ?? yearIn(view.text.slice(where.start, where.end), view.doc.setting.year) ?? view.doc.setting.year;
      const siblings = new Set(
        view.entriesIn(story, s.start)
          .filter((x) => individual(x) && x.name !== honour.name)
          .map((x) => x.name),
      );
      // The head's paragraph, and the paragraphs after it that each introduce an honouree by name and
      // office (…公司焊工班班长岳建军，…); one that opens with an official speaking ends the list.
      let paragraph = s.paragraph;
      for (const [k, x] of view.doc.sentences.entries()) {
        if (k < si || storyStart(view.doc, x.start) !== story) continue;
        // A heading naming its own honour (一、江州市优秀护士) starts a list the sections pattern reads.
        if (k > si && headingAt(view, x)) break;
        // Rows after an introduction: each names a person; a row naming an honour introduces the next list.
        if (intro && k > si && (view.mentionsIn(x).some((m) => isHonour(m.type)) || !view.mentionsIn(x).some((m) => m.type === 'Person'))) break;
        // A note on the list (（共100名，按…排列）) or a table's header and rule rows: not the end of it.
        if (k > si) {
          const line = view.text.slice(x.start, x.end).trim();
          if (LIST_FURNITURE.test(line) && !view.mentionsIn(x).some((m) => m.type === 'Person')) {
            paragraph = x.paragraph;
            continue;
          }
        }
        if (x.paragraph !== paragraph) {
          const first = view.mentionsIn(x)[0];
          // A paragraph about the holder of a sibling honour of the same event (全国先进工作者 after 全国劳动模范) ends the list.
          const sibling = view.mentionsIn(x).find((m) => isHonour(m.type) && siblings.has(view.canonical(m).name));
          const firstPerson = view.mentionsIn(x).find((m) => m.type === 'Person');
          if (sibling && firstPerson && sibling.start < firstPerson.start) break;
          const opensWithName = first && x.paragraph === paragraph + 1 && view.mentionsIn(x).some((m) => m.type === 'Person' && m.start - x.start < 40);
          if (!opensWithName || /^[^，。；]{0,40}?(表示|指出|强调|要求|介绍)/.test(view.text.slice(x.start, x.end))) break;
          paragraph = x.paragraph;
        }
        for (const p of view.mentionsIn(x).filter((m) => m.type === 'Person' && !view.bylineNames.has(m.name))) {
          sink.add(honourRelation(honour.type), p, honour, k, 'honourees', { year });
        }
      }
    },
  }),
};
