import { describe, expect, it } from 'vitest';
import { recognise } from '../../../src/extract/stages/recognise.js';
import { prepared } from '../../helpers/doc.js';

/** The people recognised in a text, by name, in order of mention. */
function people(text: string): string[] {
  const d = recognise(prepared(text));
  return d.mentions.filter((m) => m.type === 'Person').map((m) => m.name);
}

/** The cue each person was found by, "name:cue". */
function cues(text: string): string[] {
  const d = recognise(prepared(text));
  return d.mentions.filter((m) => m.type === 'Person').map((m) => `${m.name}:${m.cue}`);
}

describe('people in lists', () => {
  it('takes every item of a list of names closed by a count, words and unsurnamed names included', () => {
    expect(people('江州市总工会授予骆明川、尼玛央宗、白金、付晓迪等23名职工“江州工匠”称号。')).toEqual(['骆明川', '尼玛央宗', '白金', '付晓迪']);
    expect(people('江州县甘德兴、宋立维2人获全国劳动模范荣誉称号。')).toEqual(['甘德兴', '宋立维']);
  });

  it('takes a list of three or more names without a count, after any word', () => {
    expect(people('这10名最美职工分别是龚小容、鲁一帆、侯双秀、邝大海，他们都来自生产一线。')).toEqual(['龚小容', '鲁一帆', '侯双秀', '邝大海']);
  });

  it('names the first member of a group an act or count closes', () => {
    expect(people('决定向骆明川等1132名选手颁发证书。大会对覃永秋等10名教师给予奖励。')).toEqual(['骆明川', '覃永秋']);
  });

  it('starts the first name after a preposition or the word before it', () => {
    expect(people('决定向王晓川、李立维、赵一凡等12名同志颁奖。')).toEqual(['王晓川', '李立维', '赵一凡']);
    expect(people('车间主任王芳、李立维、赵一凡等3人出席。')).toEqual(['王芳', '李立维', '赵一凡']);
  });

  it('leaves lists of places, trades and things alone', () => {
    expect(people('来自江苏、浙江、上海等5个省市的焊工、电工、钳工参加，获得金牌、银牌、铜牌等10枚奖牌。')).toEqual([]);
    expect(people('活动覆盖高温、高压、高空等3名以上作业人员。')).toEqual([]);
  });
});

describe('people in credits', () => {
  it('reads bylines, editors and photographers up to the next mark or credit', () => {
    expect(cues('（记者 骆于梅 摄）')).toEqual(['骆于梅:person:byline']);
    expect(people('责任编辑：邝道理来源：江州新闻网作者：甘修庆')).toEqual(['邝道理', '甘修庆']);
    expect(people('本报讯（记者石磊 通讯员周四根）近日')).toEqual(['石磊', '周四根']);
    expect(people('（责编：刘一杨、席秀琴）')).toEqual(['刘一杨', '席秀琴']);
  });

  it('reads names set apart by spaces in a credit bracket, after its source', () => {
    expect(cues('江州网5月3日电（骆一宏 李小馨）近日')).toEqual(['骆一宏:person:byline', '李小馨:person:byline']);
    expect(people('（江州日报 韦嘉明）')).toEqual(['韦嘉明']);
  });

  it('takes no byline word out of a longer word', () => {
    expect(people('2名工会工作者荣获“全国优秀工会工作者”称号。')).toEqual([]);
  });
});

describe('people after an epithet or a Taiwan office', () => {
  it('takes the name after 有着“X”称号的 and after 立委/议员', () => {
    expect(people('江州机车有限公司有着“女焊神”称号的钱海英也来了。')).toEqual(['钱海英']);
    expect(people('立委钱海生、县议员李立维到场致意。')).toEqual(['钱海生', '李立维']);
  });

  it('reads no name after a 的 that follows other words', () => {
    expect(people('这是他们有着共同目标的原因。')).toEqual([]);
  });
});

describe('people in a list of bracketed notes', () => {
  it('takes each name after the previous person’s note, and no village for a name', () => {
    expect(people('获得称号的是：王晓川（江州县青山镇长梁村、江州天地农业开发有限公司董事长）、郭平（江州区兴旺种猪场场长）、赵丽（江州县晨帆农机专业合作社理事长）')).toEqual(['王晓川', '郭平', '赵丽']);
  });
});

describe('names without a Han surname in captions', () => {
  it('takes four characters after an office closed by a comma, and after 获得者——', () => {
    expect(people('“全国五一劳动奖章”获得者——江州高原农业有限公司董事长达瓦顿珠，带领员工种菜。')).toEqual(['达瓦顿珠']);
    expect(people('“江州工匠”荣誉称号获得者——尼玛扎西，坚守岗位25年。')).toEqual(['尼玛扎西']);
  });

  it('takes no words for a name after an office', () => {
    expect(people('公司董事长兼总经理，负责全面工作。')).toEqual([]);
  });
});

describe('a preposition after a name', () => {
  it('ends the name before 在/为 after an office, and keeps a function-word character inside it', () => {
    expect(people('江州农业开发有限公司技术总监谢珺在主持人的引导下发言。')).toEqual(['谢珺']);
    expect(people('江州钢铁公司焊工胡从柱，今年获得表彰。')).toEqual(['胡从柱']);
  });
});

describe('a name ending in 村', () => {
  it('is a reporter’s name in a credit, never a village after an office', () => {
    expect(people('（记者钱朝村摄）')).toEqual(['钱朝村']);
    expect(people('王晓川（江州县青山镇长梁村、江州天地农业开发有限公司董事长）')).toEqual(['王晓川']);
  });
});
