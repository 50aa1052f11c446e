/** What ingest recorded about bad files, lines and records, as stored. */
import type { Diagnostic } from '../core/diagnostics.js';
import { paged, type DiagnosticCount, type PageArgs, type Paged, type ReadStore } from '../store/queries.js';
import type { DiagnosticFilter } from '../store/store.js';

export function listDiagnostics(store: ReadStore, filter: DiagnosticFilter, page: PageArgs): Paged<Diagnostic> {
  return paged(store.diagnostics({ ...filter, ...page }), store.countDiagnostics(filter), page);
}

/** How many of each severity and code the store holds, most frequent first. */
export function diagnosticCounts(store: ReadStore): DiagnosticCount[] {
  return store.queries.diagnosticCounts();
}
