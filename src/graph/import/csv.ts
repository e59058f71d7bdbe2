/**
 * Bulk import: the graph GraphWriter would write for a corpus, as CSV files
 * for `neo4j-admin database import full`, which builds a new database from
 * them far faster than transactions can.
 *
 * The same plan (plan.ts), identity rule (identity.ts) and rows (rows.ts) as
 * the online writer, applied in order over the whole corpus in memory: people
 * who share a name are told apart by their employers exactly as loading the
 * articles one batch after another would, lexicon facts count the articles
 * asserting them, text facts keep their article. Articles, mentions and text
 * facts stream to disk as they come; entities and lexicon facts, which later
 * articles add to, are written at the end. A corpus must name each article
 * once: a later article with an id already seen is skipped and reported
 * (loading online would replace the earlier one).
 *
 * The files: `nodes/<Label>.csv` and `relationships/<TYPE>.<text|lexicon>.csv`,
 * each with a `.header.csv` beside it, and `laurel-import.json`, the
 * manifest that neo4jAdminImportArgs() turns into the command line.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ARTICLE_LABEL, ENTITY_TYPES, MENTIONS, RELATION_TYPE_NAMES, type RelationType } from '../../domain/model.js';
import type { ArticleExtraction } from '../../extract/contract.js';
import { personOccurrences, resolvePeople, type Namesake } from '../writer/identity.js';
import { ARTICLE_PROPERTY_TYPES, FACT_PROPERTY_TYPES, MENTION_PROPERTY_TYPES, planArticle, type PropertyType } from '../writer/plan.js';
import { aliasText, batchRows, entityId, mergeAliases, type EntityRow, type Properties, type PropertyValue } from '../writer/rows.js';

export const MANIFEST = 'laurel-import.json';
/** Between the elements of an array value: a character no name or sentence contains (U+001F, unit separator). */
const ARRAY_DELIMITER = '\u001f';

type Columns = Record<string, PropertyType>;

const ENTITY_COLUMNS: Columns = { key: 'string', name: 'string', norm: 'string', aliases: 'string[]', aliasText: 'string', level: 'string' };
const ARTICLE_COLUMNS: Columns = { id: 'string', ...ARTICLE_PROPERTY_TYPES, lexiconFacts: 'string[]' };
const TEXT_FACT_COLUMNS: Columns = { ...FACT_PROPERTY_TYPES, provenance: 'string', article: 'string' };
const LEXICON_FACT_COLUMNS: Columns = { ...FACT_PROPERTY_TYPES, provenance: 'string', fact: 'string', support: 'int' };

export interface ImportGroup {
  /** The label of a node file, or the type of a relationship file. */
  name: string;
  /** Relative to the import folder. */
  header: string;
  file: string;
  rows: number;
  /** Whether a value spans lines (the article text): neo4j-admin reads such files more slowly, so it is told which. */
  multiline: boolean;
}

export interface ImportManifest {
  version: 1;
  arrayDelimiter: string;
  nodes: ImportGroup[];
  relationships: ImportGroup[];
  /** What the import will hold, as graphCounts() will count it once imported. */
  counts: { labels: Record<string, number>; relationships: Record<string, number> };
  /** Relations that were not written, per article, with the reason (as the online writer reports them). */
  skipped: { article: string; reason: string }[];
  /** Articles left out because an earlier one had their id. */
  duplicates: string[];
}

/** One CSV file written in large chunks, with a header file beside it. */
class CsvFile {
  private readonly fd: number;
  private buffer = '';
  rows = 0;
  multiline = false;

  constructor(
    private readonly dir: string,
    readonly name: string,
    readonly path: string,
    private readonly columns: string[],
  ) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    this.fd = openSync(join(dir, path), 'w');
  }

  write(values: string[]): void {
    const line = values.join(',');
    if (!this.multiline && /[\r\n]/.test(line)) this.multiline = true;
    this.buffer += `${line}\n`;
    this.rows++;
    if (this.buffer.length > 1 << 20) this.flush();
  }

  close(): ImportGroup {
    this.flush();
    closeSync(this.fd);
    const header = this.path.replace(/\.csv$/, '.header.csv');
    writeFileSync(join(this.dir, header), `${this.columns.join(',')}\n`);
    return { name: this.name, header, file: this.path, rows: this.rows, multiline: this.multiline };
  }

  private flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}

function quote(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}

/** A property as a CSV field: empty (no property) for null, strings quoted, arrays joined. */
function field(value: PropertyValue | undefined, type: PropertyType): string {
  if (value === null || value === undefined) return '';
  if (type.endsWith('[]')) return quote((value as (string | number)[]).map(String).join(ARRAY_DELIMITER));
  if (type === 'string') return quote(String(value));
  if (type === 'int') {
    if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${JSON.stringify(value)}`);
    return String(value);
  }
  return String(value);
}

function header(columns: Columns, ids: string[]): string[] {
  return [...ids, ...Object.entries(columns).map(([k, t]) => (t === 'string' ? k : `${k}:${t === 'int' ? 'long' : t === 'int[]' ? 'long[]' : t}`))];
}

const columnLists = new WeakMap<Columns, [string, PropertyType][]>();

function values(columns: Columns, props: Record<string, PropertyValue | undefined>, where: string): string[] {
  for (const k in props) {
    if (!(k in columns)) throw new Error(`${where}: property "${k}" has no declared type for the bulk import (src/graph/writer/plan.ts)`);
  }
  let list = columnLists.get(columns);
  if (!list) columnLists.set(columns, (list = Object.entries(columns)));
  return list.map(([k, t]) => field(props[k], t));
}

interface LexiconFact {
  type: RelationType;
  from: string;
  to: string;
  props: Properties;
  fact: string;
  support: number;
}

export class BulkImport {
  private readonly articles: CsvFile;
  private readonly mentions: CsvFile;
  private readonly textFacts = new Map<RelationType, CsvFile>();
  private readonly entities = new Map<string, EntityRow>();
  private readonly lexiconFacts = new Map<string, LexiconFact>();
  private readonly namesakes = new Map<string, Namesake[]>();
  private readonly seen = new Set<string>();
  private readonly skipped: ImportManifest['skipped'] = [];
  private readonly duplicates: string[] = [];

  /** Writes into `dir` (created if missing; files of an earlier import there are replaced). */
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.articles = new CsvFile(dir, ARTICLE_LABEL, `nodes/${ARTICLE_LABEL}.csv`, header(ARTICLE_COLUMNS, [':ID']));
    this.mentions = new CsvFile(dir, MENTIONS, `relationships/${MENTIONS}.csv`, header(MENTION_PROPERTY_TYPES, [':START_ID', ':END_ID']));
  }

  /** Adds articles, in corpus order (the order decides which namesake gets `name#2`). */
  add(extractions: ArticleExtraction[]): void {
    const plans = [];
    for (const x of extractions) {
      if (this.seen.has(x.article.id)) {
        this.duplicates.push(x.article.id);
        continue;
      }
      this.seen.add(x.article.id);
      plans.push(planArticle(x));
    }
    const occurrences = personOccurrences(plans);
    const keys = resolvePeople(occurrences, this.namesakes);
    const personKey = new Map(occurrences.map((o, i) => [`${o.article}\u0000${o.norm}`, keys[i]!]));
    const rows = batchRows(plans, (ref, article) => (ref.label === 'Person' ? personKey.get(`${article}\u0000${ref.norm}`)! : ref.norm));
    for (const p of plans) for (const reason of p.skipped) this.skipped.push({ article: p.id, reason });

    for (const a of rows.articles) {
      this.articles.write([quote(`${ARTICLE_LABEL}:${a.id}`), ...values(ARTICLE_COLUMNS, { id: a.id, ...a.props, lexiconFacts: a.lexiconFacts }, `article ${a.id}`)]);
    }
    for (const e of rows.entities) {
      const id = entityId(e.label, e.key);
      const stored = this.entities.get(id);
      if (stored) {
        stored.aliases = mergeAliases(stored.aliases, e.aliases, stored.name);
        stored.level = e.level ?? stored.level;
      } else {
        this.entities.set(id, { ...e, aliases: mergeAliases([], e.aliases, e.name) });
      }
    }
    for (const m of rows.mentions) {
      this.mentions.write([quote(`${ARTICLE_LABEL}:${m.article}`), quote(m.entity), ...values(MENTION_PROPERTY_TYPES, m.props, `a mention in ${m.article}`)]);
    }
    for (const f of rows.textFacts) {
      let file = this.textFacts.get(f.type);
      if (!file) this.textFacts.set(f.type, (file = new CsvFile(this.dir, f.type, `relationships/${f.type}.text.csv`, header(TEXT_FACT_COLUMNS, [':START_ID', ':END_ID']))));
      file.write([quote(f.from), quote(f.to), ...values(TEXT_FACT_COLUMNS, f.props, `a fact of ${f.article}`)]);
    }
    for (const f of rows.lexiconFacts) {
      const fact = f.fact!;
      const stored = this.lexiconFacts.get(fact) ?? { type: f.type, from: f.from, to: f.to, props: {}, fact, support: 0 };
      // As `SET r += row.props` does: a null removes.
      for (const [k, v] of Object.entries(f.props)) {
        if (v === null) delete stored.props[k];
        else stored.props[k] = v;
      }
      stored.support++;
      this.lexiconFacts.set(fact, stored);
    }
  }

  /** Writes the entities, the lexicon facts, the headers and the manifest. */
  finish(): ImportManifest {
    const nodes = [this.articles.close()];
    for (const label of ENTITY_TYPES) {
      const rows = [...this.entities.values()].filter((e) => e.label === label);
      if (!rows.length) continue;
      const file = new CsvFile(this.dir, label, `nodes/${label}.csv`, header(ENTITY_COLUMNS, [':ID']));
      for (const e of rows) {
        file.write([quote(entityId(e.label, e.key)), ...values(ENTITY_COLUMNS, { key: e.key, name: e.name, norm: e.norm, aliases: e.aliases.length ? e.aliases : null, aliasText: aliasText(e.aliases), level: e.level }, entityId(e.label, e.key))]);
      }
      nodes.push(file.close());
    }
    const relationships = [this.mentions.close(), ...[...this.textFacts.values()].map((f) => f.close())];
    for (const type of RELATION_TYPE_NAMES) {
      const facts = [...this.lexiconFacts.values()].filter((f) => f.type === type);
      if (!facts.length) continue;
      const file = new CsvFile(this.dir, type, `relationships/${type}.lexicon.csv`, header(LEXICON_FACT_COLUMNS, [':START_ID', ':END_ID']));
      for (const f of facts) file.write([quote(f.from), quote(f.to), ...values(LEXICON_FACT_COLUMNS, { ...f.props, fact: f.fact, support: f.support }, f.fact)]);
      relationships.push(file.close());
    }
    const count = (groups: ImportGroup[]) => {
      const out: Record<string, number> = {};
      for (const g of groups) out[g.name] = (out[g.name] ?? 0) + g.rows;
      return out;
    };
    const manifest: ImportManifest = {
      version: 1,
      arrayDelimiter: 'U+001F',
      nodes: nodes.filter((g) => g.rows > 0),
      relationships: relationships.filter((g) => g.rows > 0),
      counts: {
        labels: Object.fromEntries([...ENTITY_TYPES, ARTICLE_LABEL].map((l) => [l, count(nodes)[l] ?? 0])),
        relationships: Object.fromEntries([...RELATION_TYPE_NAMES, MENTIONS].map((t) => [t, count(relationships)[t] ?? 0])),
      },
      skipped: this.skipped,
      duplicates: this.duplicates,
    };
    writeFileSync(join(this.dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  }
}

export function readManifest(dir: string): ImportManifest {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST), 'utf8');
  } catch {
    throw new Error(`${dir} holds no ${MANIFEST}: write the import with \`laurel import <articles…> --out ${dir}\` first`);
  }
  const manifest = JSON.parse(text) as ImportManifest;
  if (manifest.version !== 1) throw new Error(`${join(dir, MANIFEST)}: unknown version ${manifest.version}`);
  return manifest;
}

/**
 * The arguments of `neo4j-admin` that import the folder into `database`
 * (which must not run; existing files are replaced). Paths are absolute, or
 * relative to `base` when given (for a command shown to the user).
 */
export function neo4jAdminImportArgs(dir: string, manifest: ImportManifest, database: string, base?: string): string[] {
  const path = (p: string) => (base === undefined ? join(dir, p) : relative(base, join(dir, p)) || '.');
  const multiline = [...manifest.nodes, ...manifest.relationships].filter((g) => g.multiline).map((g) => path(g.file));
  return [
    'database',
    'import',
    'full',
    `--array-delimiter=${manifest.arrayDelimiter}`,
    ...(multiline.length ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`] : []),
    ...manifest.nodes.map((g) => `--nodes=${g.name}=${path(g.header)},${path(g.file)}`),
    ...manifest.relationships.map((g) => `--relationships=${g.name}=${path(g.header)},${path(g.file)}`),
    '--overwrite-destination=true',
    database,
  ];
}

