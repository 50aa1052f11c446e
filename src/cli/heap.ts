/**
 * The V8 heap bound `dateline ingest` runs under when the user set none. Ingest keeps about 120 MB live
 * (models, caches, one batch); 384 MB of old space keeps peak RSS
 * under 500 MB on BBC without measurable slowdown (256 MB cost ~8% CPU in GC). Measured in docs/benchmarks.md ("mem").
 */
export const INGEST_OLD_SPACE_MB = 384;

const HEAP_FLAG = /--max[-_]old[-_]space[-_]size/;

/**
 * Node flags to re-run the CLI with, or null to run in this process: only for `ingest`, and never when
 * the heap size was already chosen (on the command line, in NODE_OPTIONS, or by an earlier re-run).
 */
export function ingestHeapArgs(argv: readonly string[], execArgv: readonly string[], env: NodeJS.ProcessEnv): string[] | null {
  if (argv[0] !== 'ingest') return null;
  if (env.DATELINE_HEAP_SET) return null;
  if (execArgv.some((a) => HEAP_FLAG.test(a)) || HEAP_FLAG.test(env.NODE_OPTIONS ?? '')) return null;
  return [`--max-old-space-size=${INGEST_OLD_SPACE_MB}`];
}

/**
 * The environment of the re-run ingest child. Two glibc malloc arenas instead of one per thread keep
 * native memory from fragmenting across zlib, SQLite and the worker threads: BBC ×3 as one JSONL peaked
 * at 503 MB RSS with the default and 478 MB with two, at the same CPU (docs/benchmarks.md, "mem").
 */
export function ingestChildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, DATELINE_HEAP_SET: '1', MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' };
}
