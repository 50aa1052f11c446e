#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ingestChildEnv, ingestHeapArgs } from '../dist/cli/heap.js';

// `ingest` runs in a child with a bounded V8 heap unless the user chose one: live data stays near
// 200 MB, but an unbounded heap let garbage pile up to 480–580 MB RSS on BBC before V8 collected it.
// The child also runs with two malloc arenas (ingestChildEnv), which keeps native memory from fragmenting.
const heapArgs = ingestHeapArgs(process.argv.slice(2), process.execArgv, process.env);
if (heapArgs) {
  const child = spawnSync(process.execPath, [...heapArgs, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: ingestChildEnv(process.env),
  });
  if (child.error) throw child.error;
  process.exitCode = child.status ?? (child.signal ? 128 + 9 : 1);
} else {
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(process.argv.slice(2));
}
