/**
 * The export formats, each an async stream of text chunks written as the
 * selection's pages arrive (nothing is held beyond a page):
 *
 * - GraphML with typed keys (NetworkX read_graphml, Gephi, Cytoscape, yEd);
 * - CSV: nodes.csv and relationships.csv, UTF-8 with a byte-order mark
 *   (Excel reads UTF-8 without one as the local code page, garbling
 *   Chinese; pandas and R skip it) and a header row;
 * - node-link JSON (NetworkX node_link_graph, d3, graphology's import).
 *
 * Lists become one text in GraphML and CSV: aliases and surfaces joined by
 * `|`, evidence sentences one per line (a sentence never holds a line break).
 */
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import type { ExportEdge, ExportNode } from './records.js';
import type { Selection } from './selection.js';

export const FORMATS = ['graphml', 'csv', 'json'] as const;
export type ExportFormat = (typeof FORMATS)[number];

export const LIST_SEPARATOR = '|';
export const SENTENCE_SEPARATOR = '\n';

type Column<T> = { name: string; type: 'string' | 'int'; value: (x: T) => string | number | null };

const NODE_COLUMNS: Column<ExportNode>[] = [
  { name: 'label', type: 'string', value: (n) => n.label },
  { name: 'key', type: 'string', value: (n) => n.key },
  { name: 'name', type: 'string', value: (n) => n.name },
  { name: 'aliases', type: 'string', value: (n) => (n.aliases.length ? n.aliases.join(LIST_SEPARATOR) : null) },
  { name: 'level', type: 'string', value: (n) => n.level },
  { name: 'title', type: 'string', value: (n) => n.title },
  { name: 'date', type: 'string', value: (n) => n.date },
  { name: 'newspaper', type: 'string', value: (n) => n.newspaper },
  { name: 'page', type: 'string', value: (n) => n.page },
  { name: 'place', type: 'string', value: (n) => n.place },
  { name: 'source', type: 'string', value: (n) => n.source },
];

const int = (v: number | null) => (v === null || v === undefined ? null : Math.trunc(v));

const EDGE_COLUMNS: Column<ExportEdge>[] = [
  { name: 'type', type: 'string', value: (e) => e.type },
  { name: 'year', type: 'int', value: (e) => int(e.year) },
  { name: 'position', type: 'string', value: (e) => e.position },
  { name: 'provenance', type: 'string', value: (e) => e.provenance },
  { name: 'article', type: 'string', value: (e) => e.article },
  { name: 'evidence', type: 'string', value: (e) => e.evidence },
  { name: 'evidence_start', type: 'int', value: (e) => int(e.evidenceStart) },
  { name: 'evidence_end', type: 'int', value: (e) => int(e.evidenceEnd) },
  { name: 'evidences', type: 'string', value: (e) => (e.evidences.length ? e.evidences.join(SENTENCE_SEPARATOR) : null) },
  { name: 'support', type: 'int', value: (e) => int(e.support) },
  { name: 'count', type: 'int', value: (e) => int(e.count) },
  { name: 'surfaces', type: 'string', value: (e) => (e.surfaces.length ? e.surfaces.join(LIST_SEPARATOR) : null) },
];

/** Characters per chunk yielded: a page of edges is megabytes of text, and streams buffer whole chunks. */
const CHUNK = 1 << 16;

/** The texts `each` makes of a page's items, joined into chunks of about CHUNK characters. */
function* chunks<T>(items: readonly T[], each: (x: T) => string): Generator<string> {
  let buffer = '';
  for (const x of items) {
    buffer += each(x);
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

// ---- GraphML

/** XML 1.0 cannot carry most control characters even escaped; they are dropped. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function xml(s: string | number): string {
  return String(s).replace(NOT_XML, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

function graphmlData<T>(columns: Column<T>[], prefix: string, x: T): string {
  let out = '';
  columns.forEach((c, i) => {
    const v = c.value(x);
    if (v !== null && v !== undefined && v !== '') out += `<data key="${prefix}${i}">${xml(v)}</data>`;
  });
  return out;
}

export async function* graphml(selection: Selection): AsyncGenerator<string> {
  const keys = [
    ...NODE_COLUMNS.map((c, i) => `  <key id="n${i}" for="node" attr.name="${c.name}" attr.type="${c.type}"/>`),
    ...EDGE_COLUMNS.map((c, i) => `  <key id="e${i}" for="edge" attr.name="${c.name}" attr.type="${c.type}"/>`),
    '  <key id="g0" for="graph" attr.name="description" attr.type="string"/>',
    '  <key id="g1" for="graph" attr.name="truncated" attr.type="boolean"/>',
  ];
  yield `<?xml version="1.0" encoding="UTF-8"?>
<!-- Laurel: Chinese news about honours as a graph (${xml(selection.description)}) -->
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
${keys.join('\n')}
  <graph id="laurel" edgedefault="directed">
    <data key="g0">${xml(selection.description)}</data>
    <data key="g1">${selection.truncated}</data>
`;
  for await (const page of selection.nodes()) {
    yield* chunks(page, (n) => `    <node id="${xml(n.id)}">${graphmlData(NODE_COLUMNS, 'n', n)}</node>\n`);
  }
  for await (const page of selection.edges()) {
    yield* chunks(page, (e) => `    <edge source="${xml(e.source)}" target="${xml(e.target)}">${graphmlData(EDGE_COLUMNS, 'e', e)}</edge>\n`);
  }
  yield '  </graph>\n</graphml>\n';
}

// ---- CSV

/** nodes.csv: `id` then the node columns. */
export function nodesCsv(selection: Selection): Readable {
  return csv(['id', ...NODE_COLUMNS.map((c) => c.name)], selection.nodes(), (n: ExportNode) => [n.id, ...NODE_COLUMNS.map((c) => c.value(n))]);
}

/** relationships.csv: `source`, `target`, then the edge columns. */
export function relationshipsCsv(selection: Selection): Readable {
  return csv(['source', 'target', ...EDGE_COLUMNS.map((c) => c.name)], selection.edges(), (e: ExportEdge) => [e.source, e.target, ...EDGE_COLUMNS.map((c) => c.value(e))]);
}

function csv<T>(header: string[], pages: AsyncIterable<T[]>, row: (x: T) => (string | number | null)[]): Readable {
  async function* rows() {
    for await (const page of pages) for (const x of page) yield row(x);
  }
  // objectMode in, text out; the stringifier pauses the rows when its reader is slow.
  return Readable.from(rows()).pipe(stringify({ header: true, columns: header, bom: true, quoted_match: /[\r\n]/ }));
}

// ---- node-link JSON

export async function* nodeLinkJson(selection: Selection): AsyncGenerator<string> {
  yield `{"directed":true,"multigraph":true,"graph":${JSON.stringify({ name: 'laurel', description: selection.description, truncated: selection.truncated })},\n"nodes":[`;
  let first = true;
  for await (const page of selection.nodes()) {
    yield* chunks(page, (n) => `${first ? ((first = false), '\n') : ',\n'}${JSON.stringify(compact(n))}`);
  }
  yield '\n],\n"edges":[';
  first = true;
  for await (const page of selection.edges()) {
    yield* chunks(page, (e) => `${first ? ((first = false), '\n') : ',\n'}${JSON.stringify(compact({ ...e, year: int(e.year) }))}`);
  }
  yield '\n]}\n';
}

/** Drops null fields and empty lists, which NetworkX would otherwise keep as attributes. */
function compact<T extends object>(x: T): Partial<T> {
  return Object.fromEntries(Object.entries(x).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))) as Partial<T>;
}
