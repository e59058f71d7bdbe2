// Laurel graph schema for Neo4j 5.26. Applied at every start by
// src/graph/schema.ts, one statement at a time (statements end with `;`);
// every statement is idempotent (IF NOT EXISTS, or IF EXISTS for a drop).

// Entity keys. An entity's key is its normalised canonical name; people who
// share a name but not an employer get `name#2`, `name#3` (src/graph/writer/identity.ts).
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT title_key IF NOT EXISTS FOR (n:Title) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT award_key IF NOT EXISTS FOR (n:Award) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT union_key IF NOT EXISTS FOR (n:Union) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT company_key IF NOT EXISTS FOR (n:Company) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;

// Lookups by name: `norm` is the normalised name without the `#n` suffix, so
// one seek finds every namesake.
CREATE INDEX person_norm IF NOT EXISTS FOR (n:Person) ON (n.norm);
CREATE INDEX title_norm IF NOT EXISTS FOR (n:Title) ON (n.norm);
CREATE INDEX award_norm IF NOT EXISTS FOR (n:Award) ON (n.norm);
CREATE INDEX union_norm IF NOT EXISTS FOR (n:Union) ON (n.norm);
CREATE INDEX company_norm IF NOT EXISTS FOR (n:Company) ON (n.norm);
CREATE INDEX organization_norm IF NOT EXISTS FOR (n:Organization) ON (n.norm);

// Facts are kept one relationship per supporting article; reloading or
// deleting an article finds its facts through these.
CREATE INDEX holds_title_article IF NOT EXISTS FOR ()-[r:HOLDS_TITLE]-() ON (r.article);
CREATE INDEX received_article IF NOT EXISTS FOR ()-[r:RECEIVED]-() ON (r.article);
CREATE INDEX works_for_article IF NOT EXISTS FOR ()-[r:WORKS_FOR]-() ON (r.article);
CREATE INDEX honoured_by_article IF NOT EXISTS FOR ()-[r:HONOURED_BY]-() ON (r.article);
CREATE INDEX conferred_by_article IF NOT EXISTS FOR ()-[r:CONFERRED_BY]-() ON (r.article);

// Lexicon facts (provenance 'lexicon', one per type and ends) count the
// articles that assert them (`support`) and carry a key (`fact`) that each
// such article lists in `lexiconFacts`; withdrawing an article, or listing
// its facts, finds them by that key.
CREATE INDEX holds_title_fact IF NOT EXISTS FOR ()-[r:HOLDS_TITLE]-() ON (r.fact);
CREATE INDEX received_fact IF NOT EXISTS FOR ()-[r:RECEIVED]-() ON (r.fact);
CREATE INDEX works_for_fact IF NOT EXISTS FOR ()-[r:WORKS_FOR]-() ON (r.fact);
CREATE INDEX honoured_by_fact IF NOT EXISTS FOR ()-[r:HONOURED_BY]-() ON (r.fact);
CREATE INDEX conferred_by_fact IF NOT EXISTS FOR ()-[r:CONFERRED_BY]-() ON (r.fact);

// No index on a fact's provenance: it has two values, so it never narrowed
// a search; kept up to date on every fact it cost a loader a third of its
// speed, and it led the planner to look lexicon facts up through it (every
// such fact, per row) instead of between their two ends. Graphs of earlier
// versions lose it here.
DROP INDEX holds_title_provenance IF EXISTS;
DROP INDEX received_provenance IF EXISTS;
DROP INDEX works_for_provenance IF EXISTS;
DROP INDEX honoured_by_provenance IF EXISTS;
DROP INDEX conferred_by_provenance IF EXISTS;

// Full-text search over every entity's name and aliases. The cjk analyzer
// indexes Chinese as overlapping character bigrams, so 劳动模范 finds
// 全国劳动模范. `aliasText` is the aliases joined by spaces.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Person|Title|Award|Union|Company|Organization) ON EACH [n.name, n.aliasText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
