/** …获奖名单，…分别是ORG POS A、ORG POS B，以及C: the people listed receive the honour named before. */
import { lexicon } from '../../lexicon.js';
import { storyStart } from '../../stages/resolve.js';
import { honourRelation, isHonour } from '../kinds.js';
import type { Pattern } from '../pattern.js';
import { yearIn } from '../years.js';

/** A count of holders introducing their names: 10名“烟台工匠”是：, 3位全国劳模分别为： (the honour inside). */
const COUNTED_HOLDERS = /(?:\d+|[一二三四五六七八九十百]+)(?:名|位)[^，。；：]{2,24}?[”」’]?(?:分别)?(?:是|为|有)：/;
/** The honour just named, referred back to: 获此殊荣, 获得这一荣誉. */
const THIS_HONOUR = /获(得)?(此|这一|此项|该)(殊荣|荣誉|称号|奖章|奖项)/;

export const enumeration: Pattern = {
  name: 'enumeration',
  start: (view, sink) => ({
    sentence(s, si) {
      const text = view.text.slice(s.start, s.end);
      const counted = COUNTED_HOLDERS.exec(text);
      const list = /(分别是|分别为|包括|他们是|依次是|依次为)/.exec(text) ?? counted;
      if (!list) return;
      const at = s.start + (list === counted ? list.index + list[0].length - 2 : list.index);
      const ms = view.mentionsIn(s);
      const lx = lexicon();
      // The honour the list holds: named in the count (10名“烟台工匠”是：), or before the list with
      // 名单/获奖/表彰 between, or — when the sentence says the list is of winners (此次获奖的6名职工分别是) —
      // the story's latest individual honour.
      const honour =
        (list === counted ? ms.find((m) => isHonour(m.type) && m.start >= s.start + list.index && m.end <= at) : undefined) ??
        [...ms].reverse().find((m) => isHonour(m.type) && m.end <= at && /名单|获奖|获评|表彰|授予/.test(view.text.slice(m.end, at))) ??
        (/(获奖|获评|受表彰|入选)的?[^，。；]{0,10}$/.test(view.text.slice(s.start, at)) || THIS_HONOUR.test(view.text.slice(s.start, at))
          ? view.entriesIn(storyStart(view.doc, s.start), s.start)
              .reverse()
              .find((x) => isHonour(x.type) && !lx.scoped.find((h) => x.name.endsWith(h.core))?.collective)?.m
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
