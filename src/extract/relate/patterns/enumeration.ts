/** …获奖名单，…分别是ORG POS A、ORG POS B，以及C: the people listed receive the honour named before. */
import type { EntityType } from '../../../domain/model.js';
import { lexicon } from '../../lexicon.js';
import { storyStart } from '../../stages/resolve.js';
import { honourRelation, isHonour } from '../kinds.js';
import type { Pattern } from '../pattern.js';
import { yearIn } from '../years.js';

/** A count of holders introducing their names: 10名“烟台工匠”是：, 3位全国劳模分别为： (the honour inside). */
const COUNTED_HOLDERS = /(?:\d+|[一二三四五六七八九十百]+)(?:名|位)[^，。；：]{2,24}?[”」’]?(?:分别)?(?:是|为|有)：/;
/** A count that refers back to the holders just mentioned: 这13人分别是, 以上10名同志是. */
const BACK_COUNT = /^(这|这些|以上|上述|其中)[\d一二三四五六七八九十百]*(人|名|位)[^，。；]{0,8}$/;
/** The words that introduce a list of names. */
const LIST_MARKER = /(分别是|分别为|包括|他们是|依次是|依次为|的有|的是|名单如下|如下：)/;
/** What may stand between an honour and the list of its holders: 的有, 人员名单，分别是, 共10人，分别为. */
const HOLDERS_BETWEEN = /^[”」’]?(荣誉称号|称号)?(的|获得者|人员|获奖)?(名单|榜单)?[^，。；“”]{0,10}[，]?[^，。；“”]{0,8}$/;
/** The honour just named, referred back to: 获此殊荣, 获得这一荣誉. */
const THIS_HONOUR = /获(得)?(此|这一|此项|该)(殊荣|荣誉|称号|奖章|奖项)/;

export const enumeration: Pattern = {
  name: 'enumeration',
  start: (view, sink) => ({
    sentence(s, si) {
      const text = view.text.slice(s.start, s.end);
      const counted = COUNTED_HOLDERS.exec(text);
      const list = counted ?? LIST_MARKER.exec(text);
      if (!list) return;
      const at = s.start + (list === counted ? list.index + list[0].length - 2 : list.index);
      const ms = view.mentionsIn(s);
      const lx = lexicon();
      const individual = (m: { name: string; type: EntityType }) => isHonour(m.type) && !lx.scoped.find((h) => m.name.endsWith(h.core))?.collective;
      // The honour the list holds: named in the count (10名“烟台工匠”是：), or just before the list
      // (被命名为“X”的有…, …获奖名单，分别是), or — when the sentence says the list is of winners
      // (此次获奖的6名职工分别是) — the story's latest individual honour.
      const honour =
        (list === counted ? ms.find((m) => isHonour(m.type) && m.start >= s.start + list.index && m.end <= at) : undefined) ??
        [...ms].reverse().find((m) => individual(view.canonical(m)) && m.end <= at && HOLDERS_BETWEEN.test(view.text.slice(m.end, at))) ??
        (/(获奖|获评|受表彰|入选)的?[^，。；]{0,10}$/.test(view.text.slice(s.start, at)) || THIS_HONOUR.test(view.text.slice(s.start, at)) || BACK_COUNT.test(view.text.slice(s.start, at))
          ? view.entriesIn(storyStart(view.doc, s.start), s.start)
              .reverse()
              .find((x) => individual(x))?.m
          : undefined);
      if (!honour) return;
      const h = view.canonical(honour);
      const year = honour.year ?? yearIn(text, view.doc.setting.year) ?? view.doc.setting.year;
      for (const p of ms.filter((m) => m.type === 'Person' && m.start > at && !view.bylineNames.has(m.name))) {
        sink.add(honourRelation(h.type), p, h, si, 'enumeration', { year });
      }
    },
  }),
};
