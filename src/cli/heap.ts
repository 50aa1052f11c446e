/**
 * The V8 heap bound `dateline ingest` runs under when the user set none. Ingest keeps about 160 MB live
 * on long news (models, gazetteers, caches, one batch). A lower bound trims peak RSS but runs out of
 * heap on a large article sooner (256 MB failed on a 2 M-character one, the analysis cap); 256 MB also
 * cost GC time. Measured in docs/benchmarks.md ("mem", "hostile16").
 */
export const INGEST_OLD_SPACE_MB = 384;
/**
 * Young-generation semi-space, MB (V8's default is 16 on 64-bit). With the malloc settings of
 * ingestChildEnv: 560 → 506 MB peak RSS on 1,500 long news records at the same CPU (docs/benchmarks.md, "hostile16").
 */
export const INGEST_SEMI_SPACE_MB = 8;

const HEAP_FLAG = /--max[-_]old[-_]space[-_]size/;

/**
 * Node flags to re-run the CLI with, or null to run in this process: only for `ingest`, and never when
 * the heap size was already chosen (on the command line, in NODE_OPTIONS, or by an earlier re-run).
 */
export function ingestHeapArgs(argv: readonly string[], execArgv: readonly string[], env: NodeJS.ProcessEnv): string[] | null {
  if (argv[0] !== 'ingest') return null;
  if (env.DATELINE_HEAP_SET) return null;
  if (execArgv.some((a) => HEAP_FLAG.test(a)) || HEAP_FLAG.test(env.NODE_OPTIONS ?? '')) return null;
  return [`--max-old-space-size=${INGEST_OLD_SPACE_MB}`, `--max-semi-space-size=${INGEST_SEMI_SPACE_MB}`, '--expose-gc'];
}

/**
 * The environment of the re-run ingest child. Two glibc malloc arenas instead of one per thread keep
 * native memory from fragmenting across zlib, SQLite and the worker threads: BBC ×3 as one JSONL peaked
 * at 503 MB RSS with the default and 478 MB with two, at the same CPU (docs/benchmarks.md, "mem").
 * Blocks of 64 KB and more (zlib's per-row deflate state) are mapped and unmapped on their own, and
 * free memory past 1 MB at the heap's top goes back to the system, instead of both staying in the heap.
 * Each is kept when the user set it.
 */
export function ingestChildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    DATELINE_HEAP_SET: '1',
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2',
    MALLOC_MMAP_THRESHOLD_: env.MALLOC_MMAP_THRESHOLD_ ?? '65536',
    MALLOC_TRIM_THRESHOLD_: env.MALLOC_TRIM_THRESHOLD_ ?? '1048576',
  };
}
