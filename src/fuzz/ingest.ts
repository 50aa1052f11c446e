/**
 * Fuzzing ingest: any bytes, read as any format, decode and parse without an exception, and every
 * article that comes out has non-blank, well-formed text (no lone surrogate for the store).
 */
import fc from 'fast-check';
import type { InputFormat } from '../core/article.js';
import { parseBytes } from '../ingest/read.js';

const FORMATS: Array<InputFormat | undefined> = [undefined, 'text', 'markdown', 'json', 'jsonl', 'html', 'rss', 'atom', 'seed'];
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const RECORD = '{"title": "T", "text": "Drones struck Kyiv on Tuesday, officials said."}\n';

export const bytesArbitrary = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.string({ maxLength: 300 }).map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
  // Good records around hostile bytes: what a damaged corpus file looks like.
  fc.tuple(fc.uint8Array({ maxLength: 8 }), fc.nat({ max: 4 })).map(([junk, n]) => new Uint8Array(Buffer.concat([Buffer.from(junk), Buffer.from(RECORD.repeat(n + 1))]))),
);

export function checkIngest(bytes: Uint8Array, format: InputFormat | undefined): void {
  const batch = parseBytes(bytes, format === 'jsonl' ? 'fuzz.jsonl' : 'fuzz', format ? { format } : {});
  for (const a of batch.articles) {
    if (!a.text.trim()) throw new Error('an article with blank text');
    if (LONE_SURROGATE.test(a.text) || (a.title !== null && LONE_SURROGATE.test(a.title))) throw new Error('a lone surrogate in an article');
  }
  if (batch.articles.length === 0 && !batch.diagnostics.some((d) => d.severity === 'error') && Buffer.from(bytes).toString('latin1').trim()) {
    // Nothing out of a non-blank input must come with a reason.
    throw new Error('no article and no error');
  }
}

export function fuzzIngest(runs: number, seed: number): void {
  fc.assert(fc.property(bytesArbitrary, fc.constantFrom(...FORMATS), (bytes, format) => checkIngest(bytes, format)), { numRuns: runs, seed });
}
