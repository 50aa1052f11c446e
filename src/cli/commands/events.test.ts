import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractEvents } from '../../events/extract.js';
import { buildDoc, SECOND_DOC, STRIKE_DOC } from '../../events/testdoc.js';
import { parseCsv } from '../../export/csv.js';
import { openStore } from '../../store/sqlite.js';
import { captureIO } from '../io.js';
import { main } from '../main.js';

function seedDb(path: string): void {
  const store = openStore(path);
  for (const [spec, file] of [[STRIKE_DOC, 'a.txt'], [SECOND_DOC, 'b.txt']] as const) {
    const { article, layers } = buildDoc(spec, file);
    layers.events = extractEvents(article, layers);
    const d = { article: { ...article, source: `Wire ${file}` }, layers, diagnostics: [] };
    store.writeBatch({ source: { file, format: 'text', bytes: 1, raw: null }, analyzed: [d], diagnostics: [] });
  }
  store.close();
}

test('dateline events / timeline / export over a database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-events-cli-'));
  try {
    const db = join(dir, 'db.sqlite');
    seedDb(db);
    let io = captureIO();
    assert.equal(await main(['events', '--db', db, '--place', 'Rivne', '--json'], io), 0);
    const { events } = JSON.parse(io.stdout.join('')) as { events: Array<{ sources: unknown[] }> };
    assert.equal(events.length, 1);
    assert.equal(events[0].sources.length, 2);
    io = captureIO();
    assert.equal(await main(['events', '--db', db, '--type', 'Disrupted weapons use'], io), 0);
    assert.match(io.stdout.join('\n'), /Disrupted weapons use/);
    for (const country of ['UA', 'UKR', 'Ukraine', 'ua']) {
      io = captureIO();
      assert.equal(await main(['events', '--db', db, '--country', country, '--json'], io), 0);
      const r = JSON.parse(io.stdout.join('')) as { total: number; events: Array<{ event: { place: { country: string } | null } }> };
      assert.ok(r.total >= 1 && r.events.every((e) => e.event.place?.country === 'UA'), `--country ${country}`);
      io = captureIO();
      assert.equal(await main(['events', '--db', db, '--country', `${country},DE`, '--json'], io), 0);
      const both = JSON.parse(io.stdout.join('')) as { events: Array<{ event: { place: { country: string } | null } }> };
      assert.ok(both.events.every((e) => ['UA', 'DE'].includes(e.event.place?.country ?? '')), 'a list of countries keeps any of them');
    }
    io = captureIO();
    assert.equal(await main(['events', '--db', db, '--country', 'JP', '--json'], io), 0);
    assert.equal((JSON.parse(io.stdout.join('')) as { total: number }).total, 0, 'no event placed in Japan');
    io = captureIO();
    assert.equal(await main(['events', '--db', db, '--country', 'Atlantis'], io), 2, 'an unknown country is a usage error');
    io = captureIO();
    assert.equal(await main(['events', '--db', db, '--min-fatalities', '13', '--json'], io), 0);
    assert.ok((JSON.parse(io.stdout.join('')) as { events: Array<{ event: { killed?: { value: number } } }> }).events.every((e) => (e.event.killed?.value ?? 0) >= 13));
    io = captureIO();
    assert.equal(await main(['events', '--db', db, '--sort', 'popularity'], io), 2, 'an unknown sort key is a usage error');
    io = captureIO();
    assert.equal(await main(['events', '--db', db, '--country', 'UA', '--count', 'month', '--json'], io), 0);
    const counts = JSON.parse(io.stdout.join('')) as { bucket: string; periods: Array<{ period: string; events: Record<string, number> }> };
    assert.equal(counts.bucket, 'month');
    assert.ok(counts.periods.length >= 1 && counts.periods.every((p) => /^\d{4}-\d{2}-01$/.test(p.period)));
    io = captureIO();
    assert.equal(await main(['events', '--db', db, '--count', 'month'], io), 0);
    assert.match(io.stdout.join('\n'), /^month +type +events +killed/m);
    io = captureIO();
    assert.equal(await main(['events', '--db', db, '--count', 'year'], io), 2, '--count takes day, week or month');
    io = captureIO();
    assert.equal(await main(['events', '--db', db, '--from', 'yesterday'], io), 2, 'bad date is a usage error');
    io = captureIO();
    assert.equal(await main(['timeline', '--db', db], io), 0);
    const story = /st-[0-9a-f]+/.exec(io.stdout.join('\n'))?.[0];
    assert.ok(story);
    io = captureIO();
    assert.equal(await main(['timeline', story, '--events', '--db', db], io), 0);
    assert.match(io.stdout.join('\n'), /2025-03-04 +Russia missile\/artillery attack/);
    io = captureIO();
    assert.equal(await main(['timeline', story, '--db', db], io), 0, 'the summarised view of the same story');
    io = captureIO();
    assert.equal(await main(['timeline', 'Nobody Atall', '--db', db], io), 3);
    const out = join(dir, 'acled.csv');
    io = captureIO();
    assert.equal(await main(['export', '--db', db, '--format', 'acled-csv', '--out', out], io), 0);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    assert.ok(rows.length >= 3 && rows.every((r) => r.length === 31));
    assert.match(io.stderr.join('\n'), new RegExp(`export: ${rows.length - 1} events written`), 'the message counts the rows written');
    const geo = join(dir, 'events.geojson');
    io = captureIO();
    assert.equal(await main(['export', '--db', db, '--format', 'geojson', '--out', geo], io), 0);
    const features = (JSON.parse(readFileSync(geo, 'utf8')) as { features: unknown[] }).features.length;
    const all = (JSON.parse((await (async () => { const j = captureIO(); await main(['events', '--db', db, '--json', '--limit', '1000'], j); return j; })()).stdout.join('')) as { events: unknown[] }).events.length;
    assert.match(io.stderr.join('\n'), new RegExp(`export: ${features} events written.*${all > features ? `; ${all - features} left out \\(no coordinates\\)` : ''}`));
    io = captureIO();
    assert.equal(await main(['export', '--db', db, '--format', 'geojson'], io), 0);
    assert.equal(JSON.parse(io.stdout.join('')).type, 'FeatureCollection');
    io = captureIO();
    assert.equal(await main(['export', '--db', db, '--format', 'gkg-tsv'], io), 0);
    assert.equal(io.stdout.join('').split('\n').length, 3);
    io = captureIO();
    assert.equal(await main(['export', '--db', db, '--format', 'xml'], io), 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
