/**
 * A queue worker that stops for good inside its first write transaction (after the first article row),
 * after saying so in the marker file: the queue tests kill it there with SIGKILL.
 * Usage: node queue-crash-child.js <postgres-url> <marker-file>
 */
import { writeFileSync } from 'node:fs';
import { work } from './queue.js';

const [url, marker] = process.argv.slice(2);
await work(url, {
  afterArticleWrite: (id) => {
    writeFileSync(marker, id);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
});
