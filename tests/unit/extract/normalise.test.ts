import { describe, expect, it } from 'vitest';
import { originalText } from '../../../src/extract/document.js';
import { normalise } from '../../../src/extract/stages/normalise.js';
import { sentences } from '../../../src/extract/stages/sentences.js';
import { article } from '../../helpers/doc.js';

const norm = (text: string) => normalise(article(text));

/** Every character of the normalised text maps back to a character of the original it came from. */
function expectMapsBack(text: string) {
  const d = norm(text);
  expect(d.toOriginal.length).toBe(d.text.length + 1);
  for (let i = 0; i < d.text.length; i++) {
    const ch = d.text[i]!;
    if (/[\u4e00-\u9fff]/.test(ch)) expect(d.original[d.toOriginal[i]!], `text[${i}]`).toBeDefined();
  }
  return d;
}

describe('normalise', () => {
  it('joins a newspaper column broken inside names, keeping the map to the original', () => {
    const column = [
      '本报讯 记者王海燕报道 日前，',
      '青州市总工会召开学习会，传达',
      '学习全国劳动模范孙立\n群的先进事迹，要求全市各',
      '级工会组织广大职工向劳模学',
      '习。',
    ].join('\n');
    const d = expectMapsBack(column);
    expect(d.text).toContain('全国劳动模范孙立群的先进事迹');
    expect(d.text).toContain('要求全市各级工会');
    const at = d.text.indexOf('孙立群');
    expect(originalText(d, { start: at, end: at + 3 })).toBe('孙立群');
    expect(d.original.slice(d.toOriginal[at]!, d.toOriginal[at + 2]! + 1)).toBe('孙立\n群');
  });

  it('joins a signing body spaced out to the page width, and only a line that ends like a body', () => {
    const text = '决定授予王晓川“江州工匠”称号。\n江 州 市 武 陵 区 卫生局\n王 军 李 明 赵 强\n';
    const d = norm(text);
    expect(d.text).toContain('\n江州市武陵区卫生局\n');
    expect(d.text).toContain('王军 李明 赵强');
    expectMapsBack(text);
  });

  it('keeps the breaks of a headline stack', () => {
    const d = norm('强化学习抓落实\n凝聚力量促发展\n\n本报讯 记者李明报道 日前，市总工会召开会议。');
    expect(d.text.startsWith('强化学习抓落实\n凝聚力量促发展\n\n')).toBe(true);
  });

  it('turns full-width letters and digits into ASCII but keeps Chinese punctuation', () => {
    const d = norm('２０２５年，ＡＩ技术（试点）：成效显著！');
    expect(d.text).toBe('2025年，AI技术（试点）：成效显著！');
  });

  it('converts traditional characters to simplified and maps them back to the traditional original', () => {
    const d = expectMapsBack('全國勞動模範陳志強在香港工會聯合會發言。');
    expect(d.text).toBe('全国劳动模范陈志强在香港工会联合会发言。');
    const at = d.text.indexOf('陈志强');
    expect(originalText(d, { start: at, end: at + 3 })).toBe('陳志強');
  });

  it('strips Markdown headings, emphasis and links', () => {
    const d = norm('# 技能大赛落幕\n\n**全国技术能手**周建国说：[详见](http://example.org)第二版。');
    expect(d.text).toBe('技能大赛落幕\n\n全国技术能手周建国说：详见第二版。');
  });

  it('rejoins a sentence that a photo caption and credit interrupted, moving the caption after it', () => {
    const d = norm('会议要求，要培养更多“江城\n\n图为会议现场。\n\n本报记者 陈明 摄\n\n大工匠”，推动高质量发展。');
    expect(d.text).toContain('培养更多“江城大工匠”，推动高质量发展。');
    expect(d.text.indexOf('图为会议现场')).toBeGreaterThan(d.text.indexOf('推动高质量发展'));
  });

  it('does not run a byline line into the body that follows it', () => {
    const d = norm('钱文海 全国劳动模范、宁海精工机械有限公司高级技师，车间主任\n\n习惯了凌晨到岗，他说这是本分。');
    expect(d.text).toContain('车间主任\n\n习惯了');
  });

  it('splits sentences at 。！？； and at line breaks', () => {
    const d = sentences(norm('他说：“这是荣誉。”然后离开！下一步？\n\n标题一行\n\n新段落；完'));
    expect(d.sentences.map((s) => d.text.slice(s.start, s.end))).toEqual(['他说：“这是荣誉。”', '然后离开！', '下一步？', '标题一行', '新段落；', '完']);
    expect(d.sentences.map((s) => s.paragraph)).toEqual([0, 0, 0, 1, 2, 2]);
  });

  it('keeps table rows as lines of their own and a comma that groups digits', () => {
    const d = norm(['| 姓名 | 工作单位 |', '|---|---|', '| 张三 | 某某有限公司 |', '', '全省1,000名职工获奖, 其中一线职工占七成。'].join('\n'));
    expect(d.text).toContain('| 姓名 | 工作单位 |\n|---|---|\n| 张三 | 某某有限公司 |');
    expect(d.text).toContain('全省1,000名职工获奖，');
  });
});

