/**
 * A relation pattern: a small function over the shared read-only view of a
 * document that puts what it finds into the relation sink. `start` is called
 * once per document; the run it returns is called for each sentence in
 * order, then once at the end. Their order is the list in `index.ts`.
 */
import type { Sentence } from '../document.js';
import type { RelationSink } from './sink.js';
import type { DocView } from './view.js';

export interface PatternRun {
  /** Called for each sentence of the document, in order. */
  sentence?(s: Sentence, si: number): void;
  /** Called once, after every pattern has seen every sentence. */
  end?(): void;
}

export interface Pattern {
  readonly name: string;
  start(view: DocView, sink: RelationSink): PatternRun;
}
