import { describe, expect, it } from 'vitest';
import { analysed, entityKeys } from '../../helpers/doc.js';

describe('quoted honours', () => {
  it('reads a quoted name the text treats as an honour (称号, 名单, 授予, a count) as a Title or an Award', () => {
    const d = analysed('九江市妇联决定授予刘秀英等10人2019年度“九江好人·最美女性”荣誉称号。10位“九江最美职工”分别是：陈建国、王丽华。九江市总工会颁发“九江金牌工人奖”。');
    expect(entityKeys(d)).toEqual(expect.arrayContaining(['Title:九江好人·最美女性', 'Title:九江最美职工']));
  });

  it('takes a quoted honour whole, brackets included, over a lexicon honour inside it', () => {
    const d = analysed('授予王建华等30人“九江市先进生产(工作)者”称号，授予李明等5人“全国青年岗位能手标兵”称号。');
    const names = d.entities.filter((e) => e.type === 'Title').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['九江市先进生产（工作）者', '全国青年岗位能手标兵']));
    expect(names).not.toContain('全国青年岗位能手');
  });

  it('gives a coordination of quoted honours the place before the first (九江区“十佳护士长”、“十佳护士”名单)', () => {
    const d = analysed('九江区“十佳护士长”、“十佳护士”名单');
    expect(entityKeys(d)).toEqual(expect.arrayContaining(['Title:九江区十佳护士长', 'Title:九江区十佳护士']));
  });

  it('leaves slogans, events, epithets and campaigns alone', () => {
    const d = analysed('以“劳动最光荣”为主题的“五一”国际劳动节活动上，有着“女焊神”称号的王芳参加“寻找九江工匠”活动。');
    expect(d.entities.filter((e) => e.type === 'Title' || e.type === 'Award')).toEqual([]);
  });
});

describe('honours named by their context', () => {
  it('reads an unquoted honour between a conferring verb and 名单, and the same name elsewhere in the text', () => {
    const d = analysed('九江市总工会印发了《关于公布2024年九江工匠培育对象的通知》，共有20人入选九江工匠培育对象名单。这2人分别是：九江纺织有限公司挡车工王丽华，九江精工机械有限公司钳工陈建国。');
    expect(entityKeys(d)).toContain('Title:九江工匠培育对象');
    const keys = d.relations.map((r) => `${r.type}|${r.from}|${r.to}`);
    expect(keys).toEqual(expect.arrayContaining(['HOLDS_TITLE|王丽华|九江工匠培育对象', 'HONOURED_BY|陈建国|九江市总工会', 'CONFERRED_BY|九江工匠培育对象|九江市总工会']));
  });

  it('gives a bare level before a quote the article’s place (全省首届“十佳乡邮员”), and the bare quoted mentions the same name', () => {
    const d = analysed('本报讯 全省首届“十佳投递员”评选揭晓。10名“十佳投递员”分别是：王丽华、陈建国。', { place: '江西省九江市' });
    expect(d.entities.filter((e) => e.type === 'Title').map((e) => e.name)).toEqual(['江西省十佳投递员']);
  });
});

describe('superlative honours', () => {
  it('reads 最美X and 十佳X as an honour where the text places, counts or confers it, with the place before it', () => {
    const d = analysed('九江市总工会举行“新时代奋斗者——2022年九江市最美产业工人发布仪式”。这10名最美产业工人分别是王丽华、陈建国。');
    expect(d.entities.filter((e) => e.type === 'Title').map((e) => e.name)).toEqual(['九江市最美产业工人']);
    expect(d.relations.map((r) => `${r.type}|${r.from}|${r.to}`)).toContain('HOLDS_TITLE|陈建国|九江市最美产业工人');
  });

  it('leaves a superlative used as a description or an exhibition title alone', () => {
    const d = analysed('九江街道总工会举办“最美劳动者”专题摄影展，展现最美劳动者精神。');
    expect(d.entities.filter((e) => e.type === 'Title')).toEqual([]);
  });
});

describe('honours after a counted object', () => {
  it('reads 授予N个团组织X称号 and 获X称号, and 将A、B等N位同志表彰为“X”', () => {
    const d = analysed('近日，共青团九江市委作出表彰决定，授予29个团组织九江市五四红旗团委称号。其中，九江精工机械有限公司钳工王建军获九江市优秀共青团员称号。九江县将刘德华、陈建国等14位同志表彰为“优秀教师”。');
    const titles = d.entities.filter((e) => e.type === 'Title').map((e) => e.name);
    expect(titles).toEqual(expect.arrayContaining(['九江市五四红旗团委', '九江市优秀共青团员']));
    const keys = d.relations.map((r) => `${r.type}|${r.from}|${r.to}`);
    expect(keys).toContain('HOLDS_TITLE|王建军|九江市优秀共青团员');
    expect(keys.some((k) => k.startsWith('HOLDS_TITLE|刘德华|'))).toBe(true);
  });
});

describe('medals by their ending', () => {
  it('reads a medal named by its ending, an ending coordinated after an award, and 全国“五一”劳动奖章', () => {
    const d = analysed('特区政府向王建华颁授金莲花荣誉勋章。九江市获得全国五一劳动奖状、奖章的集体和个人受到表彰。陈建国荣获全国“五一”劳动奖章。');
    const awards = d.entities.filter((e) => e.type === 'Award').map((e) => e.name);
    expect(awards).toEqual(expect.arrayContaining(['金莲花荣誉勋章', '全国五一劳动奖状', '全国五一劳动奖章']));
    expect(d.relations.map((r) => `${r.type}|${r.from}|${r.to}`)).toContain('RECEIVED|陈建国|全国五一劳动奖章');
  });

  it('does not take a generic medal word for a name (颁发奖章, 这枚奖章)', () => {
    const d = analysed('会上为他们颁发奖章，这枚奖章凝聚着汗水。');
    expect(d.entities.filter((e) => e.type === 'Award')).toEqual([]);
  });
});
