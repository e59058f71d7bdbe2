/** The export formats on a hand-made selection: what survives escaping and quoting. */
import { buffer, text } from 'node:stream/consumers';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { graphml, nodeLinkJson, nodesCsv, relationshipsCsv, type ExportEdge, type ExportNode, type Selection } from '../../src/graph/export/index.js';

const node = (id: string, name: string, aliases: string[] = []): ExportNode => ({
  id, label: id.split(':')[0]!, key: id.split(':')[1]!, name, aliases, level: null,
  title: null, date: null, newspaper: null, page: null, place: null, source: null,
});
const nodes = [node('Company:甲&乙<有限>公司', '甲&乙<有限>公司', ['甲乙', '"甲乙"']), node('Person:张三', '张\u0001三')];
const edge: ExportEdge = {
  source: 'Person:张三', target: 'Company:甲&乙<有限>公司', type: 'WORKS_FOR', year: 2025, position: '工程师,组长', provenance: 'text',
  article: 'a1', evidence: '张三是“甲&乙”的工程师,组长。', evidenceStart: 0, evidenceEnd: 15,
  evidences: ['张三是“甲&乙”的工程师,组长。', '标题：张三'], support: 1, count: null, surfaces: ['张三\n'],
};
const selection: Selection = {
  description: 'a test', truncated: false,
  async *nodes() { yield nodes; },
  async *edges() { yield [edge]; },
};

describe('export formats', () => {
  it('GraphML escapes markup, drops characters XML cannot carry, and types its keys', async () => {
    const xml = await text(Readable.from(graphml(selection)));
    expect(xml).toContain('<node id="Company:甲&amp;乙&lt;有限&gt;公司">');
    expect(xml).toContain('<data key="n3">甲乙|&quot;甲乙&quot;</data>');
    expect(xml).toContain('张三</data>');
    expect(xml).not.toContain('\u0001');
    expect(xml).toMatch(/<key id="e1" for="edge" attr.name="year" attr.type="int"\/>/);
    expect(xml).toContain('<data key="e8">张三是“甲&amp;乙”的工程师,组长。\n标题：张三</data>');
  });

  it('CSV starts with a BOM and quotes commas, quotes and line breaks', async () => {
    const bytes = await buffer(nodesCsv(selection));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv.startsWith('\ufeffid,label,key,name,aliases,')).toBe(true);
    expect(csv).toContain('"甲乙|""甲乙"""');
    const rels = await text(relationshipsCsv(selection));
    expect(rels).toContain('"工程师,组长"');
    expect(rels).toContain('"张三是“甲&乙”的工程师,组长。\n标题：张三"');
    // A line break alone is quoted too, or pandas would read a row too many.
    expect(rels).toContain(',"张三\n"\n');
  });

  it('node-link JSON is valid JSON with lists kept as lists', async () => {
    const json = JSON.parse(await text(Readable.from(nodeLinkJson(selection))));
    expect(json).toMatchObject({ directed: true, multigraph: true, graph: { description: 'a test' } });
    expect(json.nodes[0]).toMatchObject({ id: 'Company:甲&乙<有限>公司', aliases: ['甲乙', '"甲乙"'] });
    expect(json.edges[0]).toMatchObject({ source: 'Person:张三', year: 2025, evidences: edge.evidences });
  });
});
