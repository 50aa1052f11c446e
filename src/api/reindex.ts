/**
 * `dateline reindex`: finds stored articles whose layers another version of a component made (their
 * recorded provenance differs from the current pipeline's) and analyses them again from their stored
 * text. Each batch's layers, article diagnostics, resolved day and provenance are replaced in one
 * transaction; then entity totals, merged events and stories are filed again from every article in
 * ingest order in one more (the store marks them stale in the first, so a reindex cut short between
 * the two is finished by the next run). The database ends equal to a fresh ingest under the current pipeline.
 */
import { DatelineError } from '../core/errors.js';
import { componentVersions, type ComponentVersion, type Pipeline } from '../core/pipeline.js';
import type { AnalyzedInput, Store } from '../store/store.js';
import { defaultPipeline } from './default-pipeline.js';

export interface ReindexOptions {
  /** Count what would be re-analysed; write nothing. */
  dryRun?: boolean;
  /** Only articles whose version of this component differs (they are analysed by the whole pipeline). */
  component?: string;
  pipeline?: Pipeline;
  /** Articles per rewrite transaction; default 64. */
  batchSize?: number;
  onBatch?: (done: number, total: number) => void;
}

export interface ReindexSummary {
  /** The current pipeline's components and versions. */
  components: ComponentVersion[];
  /** Articles whose stored provenance differs. */
  stale: number;
  /** Articles analysed again and rewritten (0 on a dry run). */
  reindexed: number;
  batches: number;
  /** Whether entity totals, merged events and stories were filed again. */
  rebuilt: boolean;
  /** Whether an earlier reindex had left them to rebuild. */
  resumed: boolean;
}

export function reindex(store: Store, options: ReindexOptions = {}): ReindexSummary {
  const pipeline = options.pipeline ?? defaultPipeline();
  const components = componentVersions(pipeline.components);
  if (options.component !== undefined && !components.some((c) => c.name === options.component)) {
    throw new DatelineError('USAGE', { message: `--component: no component named '${options.component}' (the pipeline has ${components.map((c) => c.name).join(', ')})` });
  }
  const ids = store.staleArticles(components, options.component !== undefined ? { component: options.component } : {});
  const resumed = store.derivedStale();
  const summary: ReindexSummary = { components, stale: ids.length, reindexed: 0, batches: 0, rebuilt: false, resumed };
  if (options.dryRun) return summary;
  const size = Math.max(1, options.batchSize ?? 64);
  for (let i = 0; i < ids.length; i += size) {
    const analyzed: AnalyzedInput[] = [];
    for (const id of ids.slice(i, i + size)) {
      const stored = store.getArticle(id);
      if (stored) analyzed.push(pipeline.run(stored.article));
    }
    store.rewriteArticles(analyzed);
    summary.reindexed += analyzed.length;
    summary.batches++;
    options.onBatch?.(summary.reindexed, ids.length);
  }
  if (summary.reindexed > 0 || resumed) {
    store.rebuildDerived();
    summary.rebuilt = true;
  }
  return summary;
}
