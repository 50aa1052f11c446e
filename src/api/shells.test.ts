/**
 * The CLI and the HTTP API are two shells over src/api: on one database they give the same answer to
 * the same question (search, entity, quotes by speaker, merged events, article by id prefix).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureIO } from '../cli/io.js';
import { main } from '../cli/main.js';
import { createApp } from '../server/app.js';
import { open } from './dateline.js';
import { requirePostgres } from '../store/postgres/test-server.js';

// Two reports of one drone strike (different tolls), and a statement a day later; glued dispatches as
// a wire file carries them.
const CORPUS =
  ' date 2025-11-20 Drones strike Rivne power plant\n' +
  '(KYIV) — Russian drones struck a power plant in Rivne overnight, killing three workers, the regional governor Oleksandr Koval said on Thursday.\n' +
  '“The attack was deliberate and aimed at civilians,” Koval told reporters in Rivne.\n' +
  'Foreign Ministry spokesperson Olena Kravets said that no talks with Moscow were planned.\n' +
  ' date 2025-11-20 Rivne plant hit, four dead\n' +
  '(LVIV) — Four people were killed when drones hit a power plant in Rivne on Thursday, emergency services said.\n' +
  '“We will rebuild the plant before winter,” Oleksandr Koval said on Thursday.\n' +
  ' date 2025-11-21 Ministry rules out talks\n' +
  '(WARSAW) — Olena Kravets said on Friday that talks were not possible while the shelling continued.\n' +
  '“There is nothing to discuss until the shelling stops,” Kravets told reporters in Warsaw.\n';

async function cli(args: string[]): Promise<Record<string, unknown>> {
  const io = captureIO();
  const code = await main(args, io);
  assert.equal(code, 0, `dateline ${args.join(' ')}: ${io.stderr.join('\n')}`);
  return JSON.parse(io.stdout.join('\n')) as Record<string, unknown>;
}

async function shellsAgree(database: string | null): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-shells-'));
  try {
    const db = database ?? join(dir, 'db.sqlite');
    writeFileSync(join(dir, 'wire.txt'), CORPUS);
    const io = captureIO();
    assert.equal(await main(['ingest', join(dir, 'wire.txt'), '--db', db], io), 0, io.stderr.join('\n'));
    const store = open(db, { readonly: true });
    const app = createApp({ store, dbPath: db, rateLimit: false });
    const api = async (url: string) => {
      const res = await app.request(url);
      assert.equal(res.status, 200, url);
      return (await res.json()) as Record<string, unknown>;
    };
    try {
      // search: every match ranked, same page, same total
      const found = await cli(['search', 'drones', '--db', db, '--json', '--limit', '20']);
      const searched = await api('/api/search?q=drones&limit=20');
      assert.equal(found.total, 2);
      assert.deepEqual(found.hits, searched.items);
      assert.equal(found.total, searched.total);
      const filtered = await cli(['search', 'plant', '--from', '2025-11-20', '--to', '2025-11-20', '--db', db, '--json']);
      assert.deepEqual(filtered.hits, (await api('/api/search?q=plant&from=2025-11-20&to=2025-11-20&limit=10')).items);

      // entity: the name resolves to the same entity with the same appearances, quotes and events
      const entity = await cli(['entity', 'Kravets', '--db', db, '--json']);
      const { mayBe, ...detail } = entity;
      assert.ok(Array.isArray(mayBe));
      assert.equal(detail.name, 'Olena Kravets');
      assert.deepEqual(detail, await api('/api/entities/Kravets'));

      // quotes by speaker: as written ("Koval") and as the entity the name resolves to
      for (const speaker of ['Koval', 'Kravets', 'Olena Kravets']) {
        const said = await cli(['quotes', '--speaker', speaker, '--db', db, '--json']);
        const listed = await api(`/api/quotes?speaker=${encodeURIComponent(speaker)}`);
        assert.ok((said.quotes as unknown[]).length >= 1, speaker);
        assert.deepEqual(said.quotes, listed.items, speaker);
        assert.equal(said.total, listed.total, speaker);
      }

      // every quote, and a page of them
      const every = await cli(['quotes', '--db', db, '--json']);
      assert.ok((every.total as number) >= 5);
      assert.deepEqual(every.quotes, (await api('/api/quotes')).items);
      assert.deepEqual((await cli(['quotes', '--limit', '2', '--offset', '1', '--db', db, '--json'])).quotes, (await api('/api/quotes?limit=2&offset=1')).items);
      assert.deepEqual((every.quotes as unknown[]).slice(1, 3), (await api('/api/quotes?limit=2&offset=1')).items);

      // merged events: one strike reported by two sources, with each source's toll
      const events = await cli(['events', '--db', db, '--json']);
      const merged = await api('/api/merged-events');
      assert.deepEqual(events.events, merged.items);
      const strike = (events.events as Array<{ sources: Array<{ killed: number | null }> }>).find((e) => e.sources.length === 2);
      assert.ok(strike, 'the two reports of the strike merge');
      assert.deepEqual(strike.sources.map((s) => s.killed).sort(), [3, 4]);
      const rivne = await cli(['events', '--place', 'rivne', '--db', db, '--json']);
      assert.deepEqual(rivne.events, (await api('/api/merged-events?place=rivne')).items);
      // the events table: the same filters, sort and page on both shells
      const ua = await cli(['events', '--country', 'Ukraine', '--sort', '-date', '--limit', '5', '--db', db, '--json']);
      const table = await api('/api/event-table?country=UKR&sort=-date&limit=5');
      assert.deepEqual(ua.events, table.items);
      assert.equal(ua.total, table.total);
      assert.ok((ua.total as number) >= 1, 'the strike on Rivne is in Ukraine');

      // show by a unique id prefix
      const id = (searched.items as Array<{ id: string }>)[0].id;
      assert.deepEqual(await cli(['show', id.slice(0, 6), '--db', db, '--json']), await api(`/api/articles/${id.slice(0, 6)}`));
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the CLI and the HTTP API answer search, entity, quotes, events and show identically on one database', () => shellsAgree(null));

const pg = requirePostgres('shells on PostgreSQL');
test('… and on one PostgreSQL database (--db postgres://…)', { skip: pg ? false : 'no PostgreSQL here' }, () => shellsAgree(pg!.freshDatabase()));
