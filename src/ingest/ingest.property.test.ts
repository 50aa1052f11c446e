/**
 * Property and fuzz tests over every input parser: random and mutated inputs never throw, every
 * article that comes out is well-formed (non-empty text, content id, valid dateline span), and no good
 * record is ever dropped because of garbage around it. Runs are bounded so each property stays fast.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { contentId, type Article, type InputFormat } from '../core/article.js';
import { packagePath } from '../core/paths.js';
import { decodeBytes } from './decode.js';
import { normaliseDate } from './dates.js';
import { splitDispatches } from './dispatches.js';
import { isBoilerplateLine } from './html.js';
import { parseBytes, parseText, readInputs } from './read.js';

const FORMATS: InputFormat[] = ['seed', 'text', 'markdown', 'json', 'jsonl', 'html', 'rss', 'atom'];
const EXTENSIONS = ['.txt', '.md', '.json', '.jsonl', '.html', '.rss', '.atom', '.xml', ''];
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:\d{2}))?$/;

function wellFormed(articles: Article[]): void {
  for (const a of articles) {
    assert.ok(a.text.trim().length > 0, 'article text is not blank');
    assert.equal(a.id, contentId(a.text));
    if (a.dateline) assert.equal(a.text.slice(a.dateline.start, a.dateline.end), a.dateline.text);
    if (a.published !== null) assert.match(a.published, ISO);
    else assert.equal(a.publishedSource, 'unknown');
    assert.ok(a.publishedConfidence >= 0 && a.publishedConfidence <= 1);
  }
}

/** Every sample file (and bad fixture), as text: the seeds that mutation starts from. */
function seedFiles(): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push({ file: path, text: readFileSync(path, 'utf8') });
    }
  };
  walk(packagePath('samples'));
  walk(packagePath('test-fixtures', 'bad'));
  return out;
}
const SEEDS = seedFiles();

/** A random edit of a text: cut, insert, duplicate, truncate, swap characters for markup or control bytes. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), len: fc.nat({ max: 200 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('\n', '\r\n', '<', '>', '&', ']]>', '"', '{', '}', '(LONDON) — ', '\u0000', '\ufeff', '---\n', '# ', '—')) }),
  fc.record({ kind: fc.constant('dup' as const), at: fc.nat(), len: fc.nat({ max: 300 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, edits: Mutation[]): string {
  let s = text;
  for (const e of edits) {
    const at = s.length ? e.at % (s.length + 1) : 0;
    if (e.kind === 'cut') s = s.slice(0, at) + s.slice(at + e.len);
    else if (e.kind === 'insert') s = s.slice(0, at) + e.what + s.slice(at);
    else if (e.kind === 'dup') s = s.slice(0, at) + s.slice(at, at + e.len) + s.slice(at);
    else s = s.slice(0, at);
  }
  return s;
}

test('property: decodeBytes never throws on random bytes; text it returns has no CR and is not blank', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]), (body, bom) => {
      const d = decodeBytes(new Uint8Array([...bom, ...body]));
      if (d.ok) {
        assert.ok(!d.text.includes('\r'));
        assert.ok(d.text.trim().length > 0);
      } else assert.ok(d.code === 'INGEST_BINARY' || d.code === 'INGEST_EMPTY');
    }),
    { numRuns: 500 },
  );
});

test('property: any text round-trips through UTF-8, UTF-8+BOM, UTF-16 LE and BE, with line endings normalised', () => {
  const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Z', ' ', '—', '’', 'é', 'Ж', '中', '😀', '\n', '\r\n', '\r', '\t')), minLength: 1, maxLength: 80 });
  fc.assert(
    fc.property(text, (s) => {
      fc.pre(s.trim().length > 0);
      const expected = s.replace(/\r\n?/g, '\n');
      const encodings = [
        Buffer.from(s, 'utf8'),
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]),
        Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]),
      ];
      for (const bytes of encodings) {
        const d = decodeBytes(bytes);
        assert.ok(d.ok);
        assert.equal(d.text, expected);
      }
    }),
    { numRuns: 300 },
  );
});

test('property: parseText never throws for any format on random text, and what it returns is well-formed', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('[]', '{}', '{"items": []}', '[{}]', '<rss></rss>', '<feed></feed>', '<html></html>', '---\n---\n', ' date 2025-01-01 x\n')),
      fc.constantFrom(...FORMATS),
      (text, format) => {
        const parsed = parseText({ text, file: 'fuzz', normalizations: [] }, format);
        wellFormed(parsed.articles);
        for (const d of parsed.diagnostics) assert.equal(d.where?.file, 'fuzz');
        // Nothing out of a non-blank input must come with an error saying why.
        if (text.trim() && parsed.articles.length === 0) assert.ok(parsed.diagnostics.some((d) => d.severity === 'error'), `${format}: ${JSON.stringify(text)}`);
      },
    ),
    { numRuns: 400 },
  );
});

test('property: mutated sample files never crash any parser, under their own format or a wrong one', () => {
  fc.assert(
    fc.property(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.constantFrom(...FORMATS, null), (seed, edits, forced) => {
      const text = mutate(seed.text, edits);
      const batch = parseBytes(Buffer.from(text, 'utf8'), seed.file, forced ? { format: forced } : {});
      wellFormed(batch.articles);
      for (const d of batch.diagnostics) assert.ok(d.where?.file === seed.file && d.message.length > 0);
    }),
    { numRuns: 300 },
  );
});

test('property: parseBytes never throws on random bytes under any file name', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...EXTENSIONS), (bytes, ext) => {
      const batch = parseBytes(bytes, `fuzz${ext}`);
      wellFormed(batch.articles);
      assert.ok(batch.articles.length > 0 || batch.diagnostics.some((d) => d.severity === 'error'), 'no articles means an error says why');
    }),
    { numRuns: 300 },
  );
});

/**
 * Paragraph text that never looks like a dateline or a contributor line, and ends like a sentence (a
 * short line without final punctuation just before a dateline is read as that dispatch's byline/kicker).
 */
const word = fc.stringMatching(/^[a-z][a-z’'-]{0,9}[,.;:!?]?$/);
const paragraph = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => `${ws.join(' ')}.`);
const datelineText = fc
  .tuple(fc.stringMatching(/^[A-Z][A-Z]{1,8}( [A-Z]{2,8})?$/), fc.option(fc.stringMatching(/^[A-Z][a-z]{2,9}$/), { nil: undefined }), fc.constantFrom('—', '–', '--'))
  .map(([city, region, dash]) => ({ city, region, text: `(${city}${region ? `, ${region}` : ''}) ${dash}` }));
const dispatch = fc.tuple(datelineText, fc.array(paragraph, { minLength: 1, maxLength: 5 }), fc.boolean());
const byline = fc.option(fc.stringMatching(/^By [A-Z][a-z]{1,8} [A-Z][a-z]{1,10}$/), { nil: undefined });

test('property: splitDispatches on glued dispatches keeps every word, in order, one article per dateline', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(dispatch, byline), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\n\n', '\n \n'), (withBylines, gap) => {
      const dispatches = withBylines.map(([d]) => d);
      const text = withBylines
        .map(([[d, paras, contributor], by]) =>
          [...(by ? [by] : []), `${d.text} ${paras[0]}`, ...paras.slice(1), ...(contributor ? ['Staff reporters contributed to this report.'] : [])].join(gap),
        )
        .join(gap);
      const slices = splitDispatches(text);
      assert.equal(slices.length, dispatches.length);
      let previousEnd = 0;
      slices.forEach((s, i) => {
        assert.ok(s.start >= previousEnd && s.end > s.start);
        previousEnd = s.end;
        assert.equal(s.dateline?.place, dispatches[i][0].city);
        assert.equal(s.dateline?.region, dispatches[i][0].region);
        assert.equal(text.slice(s.dateline!.start, s.dateline!.end), dispatches[i][0].text);
        const by = withBylines[i][1];
        assert.ok(text.slice(s.start, s.end).startsWith(by ?? dispatches[i][0].text), 'a byline opens the dispatch it precedes');
      });
      const words = (s: string) => s.split(/\s+/).filter(Boolean);
      assert.deepEqual(slices.flatMap((s) => words(text.slice(s.start, s.end))), words(text));
    }),
    { numRuns: 300 },
  );
});

test('property: seed-format files keep all their body words across articles; only the first is header-dated', () => {
  fc.assert(
    fc.property(fc.array(dispatch, { minLength: 1, maxLength: 5 }), fc.boolean(), (dispatches, crlf) => {
      let text = ` date 2025-11-27 ${'A headline for the fuzzed file'}\n${dispatches.map(([d, paras]) => [`${d.text} ${paras[0]}`, ...paras.slice(1)].join('\n')).join('\n')}\n`;
      if (crlf) text = text.replace(/\n/g, '\r\n');
      const batch = parseBytes(Buffer.from(text), 'glued.txt');
      const decoded = decodeBytes(Buffer.from(text));
      assert.ok(decoded.ok);
      assert.equal(batch.articles.length, dispatches.length);
      wellFormed(batch.articles);
      const words = (s: string) => s.split(/\s+/).filter(Boolean);
      const body = decoded.text.slice(decoded.text.indexOf('\n') + 1);
      assert.deepEqual(batch.articles.flatMap((a) => words(a.text)), words(body));
      batch.articles.forEach((a, i) => {
        assert.ok(decoded.text.includes(a.text));
        assert.equal(a.publishedSource, i === 0 ? 'header' : 'inherited');
      });
    }),
    { numRuns: 200 },
  );
});

/** A good record: an object with a non-blank text that is not HTML, and a unique title to find it by. */
const goodRecord = fc
  .record({
    text: fc.string({ unit: 'binary', minLength: 1, maxLength: 120 }).filter((t) => t.trim().length > 0 && !/<\/?(p|div|br|article|span|h\d)\b/i.test(t)),
    date: fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), { nil: undefined }),
    extra: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
  });

function isRecordObject(line: string): boolean {
  try {
    const v: unknown = JSON.parse(line);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}

/** A line that is not a good record: not JSON, JSON that is not an object, or an object with no text. */
const garbageLine = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }).filter((s) => !/[\n\r\u2028\u2029\u0085]/.test(s) && !isRecordObject(s)),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)).filter((s) => !isRecordObject(s)),
  fc.record({ title: fc.string({ maxLength: 20 }), url: fc.webUrl() }).map((r) => JSON.stringify(r)),
  fc.constantFrom('{"text": ""}', '{"text": "   "}', '{"text": null, "title": "x"}', '{"title": "cut off', '[1, 2', 'null', ''),
);

test('property: JSONL with garbage lines inserted still yields exactly the good records, in order', () => {
  fc.assert(
    fc.property(fc.array(goodRecord, { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(fc.nat(), garbageLine), { maxLength: 8 }), (good, garbage) => {
      const lines = good.map((r, i) => JSON.stringify({ ...r, title: `good-${i}` }));
      for (const [at, line] of garbage) lines.splice(at % (lines.length + 1), 0, line);
      const parsed = parseText({ text: lines.join('\n'), file: 'fuzz.jsonl', normalizations: [] }, 'jsonl');
      assert.deepEqual(parsed.articles.map((a) => a.title), good.map((_, i) => `good-${i}`));
      wellFormed(parsed.articles);
      const badLines = garbage.filter(([, l]) => l.trim() !== '').length;
      assert.equal(parsed.diagnostics.filter((d) => d.severity === 'error').length, badLines, 'one error per bad line');
      for (const d of parsed.diagnostics) assert.ok(d.where?.file === 'fuzz.jsonl' && typeof d.where.line === 'number' && lines[d.where.line - 1] !== undefined);
      // The same records as one JSON array, with garbage items mixed in.
      const items: unknown[] = good.map((r, i) => ({ ...r, title: `good-${i}` }));
      for (const [at, line] of garbage) items.splice(at % (items.length + 1), 0, line);
      const doc = parseText({ text: JSON.stringify(items), file: 'fuzz.json', normalizations: [] }, 'json');
      assert.deepEqual(doc.articles.map((a) => a.title), good.map((_, i) => `good-${i}`));
    }),
    { numRuns: 200 },
  );
});

test('property: streamed JSONL files (CRLF, BOM, small batches) yield exactly the good records', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-fuzz-'));
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.array(goodRecord, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), garbageLine), { maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        async (good, garbage, eol, bom, batchSize) => {
          const lines = good.map((r, i) => JSON.stringify({ ...r, title: `good-${i}` }));
          for (const [at, line] of garbage) lines.splice(at % (lines.length + 1), 0, line);
          const file = join(dir, 'fuzz.jsonl');
          writeFileSync(file, (bom ? '\ufeff' : '') + lines.join(eol));
          const titles: Array<string | null> = [];
          for await (const batch of readInputs([file], { batchSize })) {
            wellFormed(batch.articles);
            titles.push(...batch.articles.map((a) => a.title));
          }
          assert.deepEqual(titles, good.map((_, i) => `good-${i}`));
        },
      ),
      { numRuns: 60 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const plainText = fc
  .array(paragraph, { minLength: 1, maxLength: 3 })
  .map((ps) => ps.join(' '))
  .filter((t) => !isBoilerplateLine(t));

test('property: RSS and Atom feeds yield one article per item with content, whatever the empty items around them', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(plainText, fc.boolean()), { minLength: 1, maxLength: 6 }), fc.constantFrom('rss', 'atom'), (items, kind) => {
      const entries = items.map(([text, hasContent], i) => {
        if (kind === 'rss') return `<item><title>item-${i}</title>${hasContent ? `<description>${xmlEscape(`<p>${text}</p>`)}</description>` : ''}</item>`;
        return `<entry><title>item-${i}</title>${hasContent ? `<content type="html">${xmlEscape(`<p>${text}</p>`)}</content>` : ''}</entry>`;
      });
      const xml =
        kind === 'rss'
          ? `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>${entries.join('')}</channel></rss>`
          : `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>${entries.join('')}</feed>`;
      const parsed = parseText({ text: xml, file: `f.${kind}`, normalizations: [] }, kind);
      const expected = items.flatMap(([text, hasContent], i) => (hasContent ? [[`item-${i}`, text]] : []));
      assert.deepEqual(parsed.articles.map((a) => [a.title, a.text]), expected);
      assert.equal(parsed.diagnostics.length, items.length - expected.length, 'one message per empty item');
    }),
    { numRuns: 150 },
  );
});

test('property: an article page keeps every body paragraph, in order, whatever the chrome around it', () => {
  const longParagraph = fc
    .array(word, { minLength: 12, maxLength: 40 })
    .map((ws) => `${ws.join(' ')}.`)
    .filter((t) => !isBoilerplateLine(t));
  const chrome = fc.constantFrom(
    '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>',
    '<div class="inline-slot"><p>ADVERTISEMENT</p></div>',
    '<aside><h2>Related stories</h2><ul><li><a href="/x">Something else</a></li></ul></aside>',
    '<footer><p>© 2025 Fixture Wire</p></footer>',
    '<script>var tracking = true;</script>',
  );
  fc.assert(
    fc.property(fc.array(longParagraph, { minLength: 3, maxLength: 8 }), fc.array(fc.tuple(fc.nat(), chrome), { maxLength: 4 }), (paragraphs, extras) => {
      // Ad slots and scripts go between paragraphs; navigation, asides and footers around the article.
      const body = paragraphs.map((p) => `<p>${p}</p>`);
      const outside: string[] = [];
      for (const [at, c] of extras) {
        if (c.includes('ADVERTISEMENT') || c.includes('<script')) body.splice(at % (body.length + 1), 0, c);
        else outside.push(c);
      }
      const page = `<!doctype html><html lang="en"><head><title>Fuzzed page</title></head><body>${outside.join('')}<article><h1>Fuzzed page</h1>${body.join('')}</article></body></html>`;
      const { articles } = parseText({ text: page, file: 'fuzz.html', normalizations: [] }, 'html');
      assert.equal(articles.length, 1);
      assert.deepEqual(articles[0].text.split('\n'), paragraphs);
    }),
    { numRuns: 60 },
  );
});

test('property: normaliseDate never throws, returns a day or a UTC timestamp, and round-trips real dates', () => {
  fc.assert(
    fc.property(fc.oneof(fc.anything(), fc.string({ unit: 'binary' }), fc.double(), fc.integer()), (value) => {
      const out = normaliseDate(value);
      if (out !== null) assert.match(out, ISO);
    }),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(fc.date({ min: new Date('1800-01-02T00:00:00Z'), max: new Date('2199-12-30T00:00:00Z'), noInvalidDate: true }), (d) => {
      const iso = d.toISOString();
      assert.equal(normaliseDate(iso), iso);
      assert.equal(normaliseDate(iso.slice(0, 10)), iso.slice(0, 10));
      assert.equal(normaliseDate(d.toUTCString()), new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString());
      // Epoch numbers under 1e11 are read as seconds, so milliseconds round-trip from March 1973 on.
      if (d.getTime() >= 1e11) assert.equal(normaliseDate(d.getTime()), iso);
      assert.equal(normaliseDate(Math.floor(d.getTime() / 1000)), new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString());
    }),
    { numRuns: 300 },
  );
});
