import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, open } from '../api/dateline.js';
import { openStore } from '../store/sqlite.js';
import { createApp } from './app.js';
import { ROUTES } from './routes.js';
import { validate } from './schema.js';

test('GET /api/timeline/summary: dated article sentences for a query; a missing subject is a 400, an unknown one a 404', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-timeline-route-'));
  const dbPath = join(dir, 'test.db');
  const file = join(dir, 'in.jsonl');
  const records = [
    { title: 'Drones strike Riverton market', published: '2026-03-10', text: 'At least 12 people were killed when drones struck a market in Riverton on Tuesday, the regional governor said.' },
    { title: 'Riverton toll rises', published: '2026-03-11', text: 'The death toll in Riverton rose to 15 people on Wednesday, a day after drones struck the market on Tuesday.' },
  ];
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
  const writer = open(dbPath);
  await ingest(writer, [file]);
  writer.close();
  const store = openStore(dbPath, { readonly: true });
  try {
    const app = createApp({ store, dbPath });
    const route = ROUTES.find((r) => r.method === 'GET' && r.path === '/api/timeline/summary');
    assert.ok(route);
    const ok = await app.request('/api/timeline/summary?q=Riverton&dates=3&perDate=1');
    const body = (await ok.json()) as { subject: { kind: string }; dates: Array<{ date: string; sentences: Array<{ text: string }> }> };
    assert.equal(ok.status, 200, JSON.stringify(body));
    assert.deepEqual(validate(route.response.json, body), []);
    assert.equal(body.subject.kind, 'query');
    assert.ok(body.dates.some((d) => d.date === '2026-03-10'), JSON.stringify(body.dates));
    assert.ok(body.dates.every((d) => d.sentences.every((s) => s.text.split(/\s+/).length > 4)));
    assert.equal((await app.request('/api/timeline/summary')).status, 400);
    assert.equal((await app.request('/api/timeline/summary?q=zzzunknownword')).status, 404);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
