/**
 * What Neo4j Browser needs to show Laurel's graph well, served by Laurel:
 *
 *   GET /browser/style.grass   the GraSS style: each label's colour, size and caption
 *                              (`name`; an article's title, else its id), relationships
 *                              captioned with their type and year (or position)
 *   GET /browser/guide.html    a `:play` guide: the research queries, one slide each
 *
 * A Neo4j that Laurel starts applies both when Browser connects
 * (src/graph/provision/browser.ts); with a Neo4j of your own, run
 * `:style <laurel>/browser/style.grass` and `:play <laurel>/browser/guide.html`.
 * Browser fetches them from its own origin, so both allow any origin (CORS).
 */
import type { FastifyPluginAsync } from 'fastify';
import { ARTICLE_LABEL, ENTITY_TYPES, RELATION_TYPE_NAMES, RELATION_TYPES } from '../../domain/model.js';
import { BROWSER_GUIDE_PATH, BROWSER_STYLE_PATH } from '../../graph/provision/browser.js';
import { LABEL_STYLES, RELATION_COLOURS } from '../palette.js';

export interface BrowserPluginOptions {
  /** The explorer's path, for links from the guide. */
  explorerPath: string;
}

export const browserPlugin: FastifyPluginAsync<BrowserPluginOptions> = async (app, opts) => {
  const grass = renderGrass();
  // Any origin may read these two public files. Neo4j Browser sends Pragma and
  // Cache-Control with its request, so it asks first (a preflight). Only these
  // two paths answer one: a CORS plugin would answer preflights for every path.
  for (const path of [BROWSER_STYLE_PATH, BROWSER_GUIDE_PATH]) {
    app.options(path, async (_req, reply) =>
      reply
        .code(204)
        .header('access-control-allow-origin', '*')
        .header('access-control-allow-methods', 'GET, HEAD')
        .header('access-control-allow-headers', 'pragma, cache-control, content-type')
        .header('access-control-max-age', '3600')
        .send(),
    );
  }
  app.get(BROWSER_STYLE_PATH, async (_req, reply) =>
    reply.type('text/plain; charset=utf-8').header('access-control-allow-origin', '*').header('cache-control', 'no-cache').send(grass),
  );
  app.get(BROWSER_GUIDE_PATH, async (req, reply) => {
    const laurel = `${req.protocol}://${req.headers.host ?? 'localhost'}`;
    return reply
      .type('text/html; charset=utf-8')
      .header('access-control-allow-origin', '*')
      .header('cache-control', 'no-cache')
      .send(renderGuide(laurel, opts.explorerPath));
  });
};

/** Browser's GraSS: CSS-like rules per label (`node.Person`) and type (`relationship.HOLDS_TITLE`). */
export function renderGrass(): string {
  const rule = (selector: string, props: Record<string, string>) =>
    `${selector} {\n${Object.entries(props)
      .map(([k, v]) => `  ${k}: ${v};`)
      .join('\n')}\n}\n`;
  const diameter = (size: number) => `${Math.round(size * 1.6)}px`;
  const rules = [
    rule('node', { diameter: '50px', color: '#A5ABB6', 'border-color': '#9AA1AC', 'border-width': '2px', 'text-color-internal': '#FFFFFF', 'font-size': '10px' }),
    rule('relationship', { color: '#A5ABB6', 'shaft-width': '1px', 'font-size': '8px', padding: '3px', 'text-color-external': '#000000', 'text-color-internal': '#FFFFFF', caption: "'<type>'" }),
    ...([...ENTITY_TYPES, ARTICLE_LABEL] as const).map((l) => {
      const s = LABEL_STYLES[l];
      // Articles carry `name` too: their title, or their id when they have none.
      return rule(`node.${l}`, { color: s.color, 'border-color': s.border, 'text-color-internal': s.text, diameter: diameter(s.size), caption: "'{name}'" });
    }),
    ...[...RELATION_TYPE_NAMES, 'MENTIONS'].map((t) => {
      const attributes: readonly string[] = t === 'MENTIONS' ? [] : RELATION_TYPES[t as keyof typeof RELATION_TYPES].attributes;
      const detail = attributes.includes('year') ? ' {year}' : attributes.includes('position') ? ' {position}' : '';
      // The type is written out: Browser 5 replaces <type> only in a caption that is nothing else.
      return rule(`relationship.${t}`, { color: RELATION_COLOURS[t]!, 'shaft-width': t === 'MENTIONS' ? '1px' : '2px', caption: `'${t}${detail}'` });
    }),
  ];
  // No comment line: Browser's GraSS parser reads an apostrophe or a colon in one as syntax.
  return rules.join('\n');
}

const FACTS = RELATION_TYPE_NAMES.join('|');

interface Slide {
  title: string;
  /** Trusted HTML written here, not user input. */
  html: string;
  query?: string;
}

function slides(laurel: string, explorerPath: string): Slide[] {
  return [
    {
      title: 'Laurel: honours in Chinese news, as a graph',
      html: `<p>People (<code>:Person</code>), honorary titles (<code>:Title</code>, 全国劳动模范 …), medals and awards (<code>:Award</code>),
        unions (<code>:Union</code>), companies and other bodies, read from news articles (<code>:Article</code>).
        Facts are <code>HOLDS_TITLE</code>, <code>RECEIVED</code>, <code>WORKS_FOR</code>, <code>HONOURED_BY</code> and <code>CONFERRED_BY</code>,
        each with <code>year</code>, <code>position</code>, the <code>evidence</code> sentence (all of them in <code>evidences</code>),
        its <code>article</code> and <code>provenance</code> (text, or Laurel's honours lexicon).</p>
        <p>Click a query on the next slides to put it in the editor, then run it. Laurel's own views:
        <a href="${laurel}${explorerPath}" target="_blank" rel="noopener">GraphQL explorer</a>,
        <a href="${laurel}${explorerPath}/graph" target="_blank" rel="noopener">graph view</a>,
        <a href="${laurel}/export/graph.graphml" target="_blank" rel="noopener">GraphML download</a>.</p>`,
      query: 'MATCH (n) RETURN labels(n)[0] AS label, count(*) AS nodes ORDER BY nodes DESC',
    },
    {
      title: 'Holders of an honour',
      html: '<p>Who holds a title, the year, the sentence that says so and the article, with their employers and positions.</p>',
      query: `MATCH (p:Person)-[h:HOLDS_TITLE]->(t:Title {name: '全国劳动模范'})
OPTIONAL MATCH (p)-[w:WORKS_FOR]->(employer)
RETURN p.name AS person, h.year AS year, h.evidence AS evidence, h.article AS article,
       collect(DISTINCT employer.name + ' ' + coalesce(w.position, '')) AS employers
ORDER BY person`,
    },
    {
      title: 'Who honoured whom',
      html: '<p>Bodies that honoured people directly, across articles, drawn as a graph.</p>',
      query: 'MATCH (p:Person)-[r:HONOURED_BY]->(b) RETURN p, r, b',
    },
    {
      title: 'Paths between two people',
      html: `<p>The shortest connection over facts (never through articles). Set the two names first with
        <code>:param from =&gt; '…'</code> and <code>:param to =&gt; '…'</code>; this one links a holder of 全国劳动模范 to the people around a union.</p>`,
      query: `MATCH (a:Person)-[:HOLDS_TITLE]->(:Title {name: '全国劳动模范'})
WITH a ORDER BY a.name LIMIT 1
MATCH (b:Person)-[:WORKS_FOR]->(:Union) WHERE b <> a
WITH a, b ORDER BY b.name LIMIT 25
MATCH p = shortestPath((a)-[:${FACTS}*..6]-(b))
RETURN p LIMIT 3`,
    },
    {
      title: 'A neighbourhood',
      html: '<p>Everything within two facts of a body: who works for it, what it confers, who holds that.</p>',
      query: `MATCH p = (u:Union {name: '中华全国总工会'})-[:${FACTS}*1..2]-()
RETURN p LIMIT 100`,
    },
    {
      title: 'Full-text search over names',
      html: '<p>The <code>entity_names</code> index reads Chinese in character pairs (the cjk analyzer), so 劳动模范 finds 全国劳动模范 and 北京市劳动模范.</p>',
      query: `CALL db.index.fulltext.queryNodes('entity_names', '劳动模范') YIELD node, score
RETURN labels(node)[0] AS label, node.name AS name, score`,
    },
    {
      title: 'Evidence and articles',
      html: '<p>Every fact keeps the sentences of its article that state it, the most explicit first, with their offsets in the article text.</p>',
      query: `MATCH (p:Person)-[r:HOLDS_TITLE|RECEIVED]->(h), (a:Article {id: r.article})
RETURN p.name AS person, h.name AS honour, r.evidences AS sentences, a.title AS article, a.date AS date
LIMIT 25`,
    },
  ];
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Browser's guide format: an article of <slide>s; `pre.runnable` queries go to the editor on a click. */
export function renderGuide(laurel: string, explorerPath: string): string {
  const body = slides(laurel, explorerPath)
    .map(
      (s) => `  <slide class="row-fluid">
    <div class="col-sm-12">
      <h3>${escapeHtml(s.title)}</h3>
      ${s.html}
      ${s.query ? `<pre class="pre-scrollable code runnable">${escapeHtml(s.query)}</pre>` : ''}
    </div>
  </slide>`,
    )
    .join('\n');
  return `<article class="guide">
<carousel class="deck container-fluid">
${body}
</carousel>
</article>
`;
}
