import { describe, expect, it } from 'vitest';
import { recognise } from '../../../src/extract/stages/recognise.js';
import { prepared } from '../../helpers/doc.js';

/** "type:surface=>name" of each mention. */
function mentions(text: string, meta = {}) {
  const d = recognise(prepared(text, meta));
  return d.mentions.map((m) => `${m.type}:${d.text.slice(m.start, m.end)}=>${m.name}`);
}

describe('organisations', () => {
  it('finds the full name back to where it starts, through parentheticals and unknown words', () => {
    const m = mentions('来自宁海精工机械（中国）有限公司的技师到场，由青州市总工会主办，在江川区人民医院举行。');
    expect(m).toContain('Company:宁海精工机械（中国）有限公司=>宁海精工机械（中国）有限公司');
    expect(m).toContain('Union:青州市总工会=>青州市总工会');
    expect(m).toContain('Organization:江川区人民医院=>江川区人民医院');
  });

  it('reads a leading group (领导小组) as a body', () => {
    expect(mentions('由江州市委人才工作领导小组主办的颁奖典礼举行。')).toContain('Organization:江州市委人才工作领导小组=>江州市委人才工作领导小组');
  });

  it('keeps a bare 市/省/区 prefix for resolution', () => {
    expect(mentions('市总工会、省人大常委会和区教育局负责人参加。').filter((x) => /总工会|常委会|教育局/.test(x))).toEqual([
      'Union:市总工会=>市总工会',
      'Organization:省人大常委会=>省人大常委会',
      'Organization:区教育局=>区教育局',
    ]);
  });

  it('does not take generic phrases for names', () => {
    const m = mentions('全市各级工会要推动基层工会建设，发挥创新工作室作用，让工会工作迈上新台阶。');
    expect(m.filter((x) => /^(Union|Company|Organization)/.test(x))).toEqual([]);
  });

  it('keeps the body of a department or union as an entity of its own', () => {
    const m = mentions('长风银行江州分行工会举办活动，江州市总工会女职工部协办。');
    expect(m).toEqual(
      expect.arrayContaining([
        'Union:长风银行江州分行工会=>长风银行江州分行工会',
        'Company:长风银行江州分行=>长风银行江州分行',
        'Union:江州市总工会女职工部=>江州市总工会女职工部',
        'Union:江州市总工会=>江州市总工会',
      ]),
    );
  });

  it('ties a short form to the full name: 简称 and the start of the name', () => {
    const m = mentions('江州远航重工有限公司（简称“远航重工”）和北京长青智能科技股份有限公司参展。远航重工和长青智能均获奖。');
    expect(m).toContain('Company:远航重工=>远航重工');
    expect(m.filter((x) => x.startsWith('Company:长青智能=>'))).toHaveLength(1);
  });
});

describe('honours', () => {
  it('knows the national and provincial titles of crafts and union work, unquoted, with their level', () => {
    const m = mentions('中国工艺美术大师、江州漆器厂厂长王晓川和全国优秀工会工作者李立维，江苏省巾帼建功标兵赵一凡。');
    expect(m).toEqual(expect.arrayContaining(['Title:中国工艺美术大师=>中国工艺美术大师', 'Title:全国优秀工会工作者=>全国优秀工会工作者', 'Title:江苏省巾帼建功标兵=>江苏省巾帼建功标兵']));
    expect(mentions('他是一名工会工作者，喜欢工艺美术。').filter((x) => x.startsWith('Title'))).toEqual([]);
  });

  it('knows the decorations of the Hong Kong and Macau SARs, as headings of a list too', () => {
    const m = mentions('特區政府公布授勳名單，會員王晓川榮獲銀紫荊星章。\n榮譽勳章\n李立维\n金蓮花榮譽勳章\n赵一凡');
    expect(m.filter((x) => x.startsWith('Award'))).toEqual(['Award:银紫荆星章=>银紫荆星章', 'Award:荣誉勋章=>荣誉勋章', 'Award:金莲花荣誉勋章=>金莲花荣誉勋章']);
  });

  it('reads a sector system as the level of its honours (全国邮政系统先进个人, 江西省交通系统劳动模范)', () => {
    const m = mentions('江州市分公司荣获2018-2021年度全国邮政系统先进集体，驾驶员李鹏荣获全国邮政系统先进个人，王芳是江西省交通系统劳动模范。');
    expect(m.filter((x) => x.startsWith('Title'))).toEqual(['Title:全国邮政系统先进集体=>全国邮政系统先进集体', 'Title:全国邮政系统先进个人=>全国邮政系统先进个人', 'Title:江西省交通系统劳动模范=>江西省交通系统劳动模范']);
  });

  it('reads an honour that needs context when it is coordinated with one just read', () => {
    expect(mentions('全国劳动模范、时代楷模，江州供电公司班长钱海生。').filter((x) => x.startsWith('Title'))).toEqual(['Title:全国劳动模范=>全国劳动模范', 'Title:时代楷模=>时代楷模']);
    expect(mentions('他说，要做新时代楷模。').filter((x) => x.startsWith('Title'))).toEqual([]);
  });

  it('reads the level written before the honour, and canonical names', () => {
    const m = mentions('他是全国劳模，也是浙江省劳动模范、2019年度“鹏城工匠”和首都劳动奖章获得者。');
    expect(m).toEqual(
      expect.arrayContaining([
        'Title:全国劳模=>全国劳动模范',
        'Title:浙江省劳动模范=>浙江省劳动模范',
        'Award:首都劳动奖章=>首都劳动奖章',
      ]),
    );
    expect(m.some((x) => x.endsWith('=>鹏城工匠'))).toBe(true);
  });

  it('splits a coordination of levels and carries the level along a list', () => {
    const names = mentions('会议表彰了全国和省劳动模范、先进工作者，以及省五一劳动奖章获得者。', { place: '江苏省' })
      .filter((x) => /^(Title|Award)/.test(x))
      .map((x) => x.split('=>')[1]);
    expect(names).toEqual(['全国劳动模范', '省劳动模范', '省先进工作者', '省五一劳动奖章']);
  });

  it('does not take generic honour words for honours', () => {
    const m = mentions('要大力弘扬劳模精神、工匠精神，发挥劳动模范示范引领作用，劳模工匠助企行。');
    expect(m.filter((x) => /^(Title|Award)/.test(x))).toEqual([]);
  });

  it('reads a competition placing as an award', () => {
    const m = mentions('他是第二届全国“匠心杯”数控技能大赛车工组冠军。');
    expect(m).toContain('Award:第二届全国“匠心杯”数控技能大赛车工组冠军=>全国“匠心杯”数控技能大赛车工组冠军');
  });
});

describe('people', () => {
  it('finds names after bylines, offices, honours and employers, and in lists', () => {
    const names = mentions(
      '本报讯（记者 林晓东 通讯员 周一鸣）全国劳动模范、宁海精工机械有限公司高级技师钱文海，市领导赵国庆、孙立、欧阳明辉出席，宁海精工机械有限公司吴建华分享经验。',
    )
      .filter((x) => x.startsWith('Person'))
      .map((x) => x.split('=>')[1]);
    expect(names).toEqual(['林晓东', '周一鸣', '钱文海', '赵国庆', '孙立', '欧阳明辉', '吴建华']);
  });

  it('finds a name again wherever it recurs', () => {
    const m = mentions('焊工钱文海获奖。谈到荣誉，钱文海说这属于团队。');
    expect(m.filter((x) => x === 'Person:钱文海=>钱文海')).toHaveLength(2);
  });

  it('accepts a name that is also a word only with cues on both sides', () => {
    expect(mentions('通讯员高峰报道 近日，全市掀起学习高峰。').filter((x) => x.startsWith('Person'))).toEqual(['Person:高峰=>高峰']);
  });

  it('takes names joined by middle dots wherever they stand, but not slogans, in one pass over several dots', () => {
    const people = mentions('以“中国梦·劳动美”为主题，护师阿依古丽·吐尔逊和焊工买买提·艾力·托合提参加，阿依古丽·吐尔逊发言。')
      .filter((x) => x.startsWith('Person'))
      .map((x) => x.split('=>')[1]);
    expect(people).toEqual(['阿依古丽·吐尔逊', '买买提·艾力·托合提', '阿依古丽·吐尔逊']);
  });

  it('starts a middle-dot name after the word or function word before it', () => {
    const people = mentions('记全国五一劳动奖章获得者艾合买提·托合提。马新民为热依拉·买买提颁奖。')
      .filter((x) => x.startsWith('Person'))
      .map((x) => x.split('=>')[1]);
    expect(people).toEqual(expect.arrayContaining(['艾合买提·托合提', '热依拉·买买提']));
    expect(people.some((p) => /^(得者|为)/.test(p!))).toBe(false);
  });

  it('takes a name that only looks like it starts with a surname between an office and a verb', () => {
    const people = mentions('自治区党委副书记、自治区主席孟和巴图主持会议。').filter((x) => x.startsWith('Person'));
    expect(people.map((x) => x.split('=>')[1])).toEqual(['孟和巴图']);
  });

  it('rejects common words that start with a surname character', () => {
    const m = mentions('他高度重视这份荣誉，相关负责人表示，要展现新作为。');
    expect(m.filter((x) => x.startsWith('Person'))).toEqual([]);
  });
});
