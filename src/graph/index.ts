/** The graph layer: Neo4j access, schema, writer. Knows nothing of jieba or the extraction stages. */
export { DeadlineError, Graph, Neo4jNoAnswerError, type Gate, type GraphOptions, type GraphTarget, type RequestBudget } from './client.js';
export { applySchema, readSchemaStatements, SCHEMA_DIR } from './schema.js';
export { GraphWriter, type WriteSummary, type WriterOptions } from './writer/writer.js';
export { graphCounts, type GraphCounts } from './stats.js';
export { normaliseName } from './names.js';
export { bodyNodes, type BodyNode } from './bodies.js';
