import { describe, expect, it } from 'vitest';
import { listRowEmployers } from '../../../../src/extract/recognise/bodies/list-rows.js';
import { analysed, prepared } from '../../../helpers/doc.js';

const cells = (text: string) => listRowEmployers(prepared(text)).map((m) => `${m.type}:${m.name}${m.placePrefix ? `@${m.placePrefix}` : ''}`);

describe('listRowEmployers', () => {
  it('reads the employer cell of NAME（EMPLOYER） rows: short company names, short names of other bodies, not places', () => {
    const text = '附：名单\n\n陈立（恒岳米业）\n\n何平（九江轻机）\n\n胡为（牌楼镇来龙村）\n\n邬进（市二医）\n\n王华（江州市恒岳企业管理咨询服务有限公司技术部部长）\n';
    expect(cells(text)).toEqual(['Company:恒岳米业', 'Company:九江轻机', 'Organization:市二医@市', 'Organization:江州市恒岳企业管理咨询服务有限公司技术部']);
  });

  it('reads NAME　EMPLOYER rows', () => {
    expect(cells('一、优秀护士\n王小琴 市人民医院\n冯爱素 恒岳机电 技术员\n')).toEqual(['Organization:市人民医院@市', 'Company:恒岳机电']);
  });

  it('needs at least two rows: one line is not a list', () => {
    expect(cells('记者陈立（恒岳米业）报道。')).toEqual([]);
    expect(cells('陈立（恒岳米业）\n')).toEqual([]);
  });

  it('gives the whole company where a name inside it would stop the walk back from its ending, and places 市二医', () => {
    const e = analysed('附：名单\n王吉松(江州县王森企业管理咨询服务有限公司)\n邬进辉(市二医)\n', { place: '湖北省荆门市' }).entities.map((x) => `${x.type}:${x.name}`);
    expect(e).toEqual(expect.arrayContaining(['Company:江州县王森企业管理咨询服务有限公司', 'Organization:荆门市二医']));
    expect(e).not.toContain('Company:管理咨询服务有限公司');
  });
});
