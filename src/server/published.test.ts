import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, open } from '../api/dateline.js';
import { listQuotes } from '../api/quotes.js';
import { createApp } from './app.js';

// Two dispatches glued in one file: only the first is dated by the header; the second inherits that
// date at low confidence and the time stage puts it in 2025 from its content ("in September").
const GLUED =
  ' date 2025-11-20 Drones strike port city\n' +
  '(ODESA, Ukraine) — Drones hit the port on Wednesday, the regional governor said.\n' +
  'Jane Roe contributed to this report.\n' +
  '(DOHA, Qatar) — The strike on the compound in September drew condemnation across the region, officials said.\n' +
  '“We condemn this attack on our sovereignty,” the foreign ministry spokesman said in a statement.\n';

test('an inherited dispatch is never shown under the header date of the dispatch before it (quotes, search, API)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-published-'));
  try {
    writeFileSync(join(dir, 'glued.txt'), GLUED);
    const dbPath = join(dir, 'db.sqlite');
    const writer = open(dbPath);
    await ingest(writer, [join(dir, 'glued.txt')]);
    writer.close();
    const store = open(dbPath, { readonly: true });
    try {
      const doha = store.listArticles({ limit: 10 }).find((a) => a.dateline?.includes('DOHA'));
      assert.ok(doha, 'the second dispatch is stored');
      assert.equal(doha.publishedSource, 'inherited');
      const quotes = listQuotes(store, {}, { limit: 100, offset: 0 }).items.filter((q) => q.articleId === doha.id);
      assert.ok(quotes.length > 0);
      for (const q of quotes) assert.notEqual(q.published?.slice(0, 10), '2025-11-20', 'quotes: the header date is not this dispatch’s');
      const app = createApp({ store, dbPath, rateLimit: false });
      const get = async (url: string) => (await (await app.request(url)).json()) as { items: Array<{ id?: string; articleId?: string; published: string | null }> };
      const apiQuotes = (await get('/api/quotes')).items.filter((q) => q.articleId === doha.id);
      assert.ok(apiQuotes.length > 0);
      for (const q of apiQuotes) assert.notEqual(q.published?.slice(0, 10), '2025-11-20', '/api/quotes');
      for (const url of ['/api/search?q=sovereignty', '/api/search']) {
        const hit = (await get(url)).items.find((r) => r.id === doha.id);
        assert.ok(hit, url);
        assert.notEqual(hit.published?.slice(0, 10), '2025-11-20', url);
      }
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
