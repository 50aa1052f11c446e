import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, open } from './dateline.js';
import { crossEntities, findEntity, latinSpellings, memberEntities } from './entities.js';
import { listQuotes } from './quotes.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-api-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const FIRST =
  ' date 2025-11-20 Ministry denies talks\n' +
  '(KYIV) — Foreign Ministry spokesperson Olena Kravets said on Thursday that no talks were planned.\n' +
  '“There is nothing to discuss until the shelling stops,” Kravets told reporters in Kyiv.\n';
const SECOND =
  ' date 2025-11-21 Talks possible, official says\n' +
  '(WARSAW) — An official said talks were possible next week, contradicting the ministry.\n' +
  '“We will see,” Olena Kravets said on Friday when asked about the official’s remarks.\n';

test('api: entities merge across articles and quotes are found by speaker and subject', async () => {
  writeFileSync(join(dir, 'a.txt'), FIRST);
  writeFileSync(join(dir, 'b.txt'), SECOND);
  const store = open(join(dir, 'api.db'));
  try {
    const summary = await ingest(store, [dir]);
    assert.equal(summary.inserted, 2);
    const people = crossEntities(store, { type: 'PER' });
    const kravets = people.find((e) => e.name === 'Olena Kravets');
    assert.ok(kravets, `Olena Kravets among ${people.map((p) => p.name).join(', ')}`);
    assert.equal(kravets.articles, 2);
    assert.ok(kravets.mentions >= 3);
    assert.equal(findEntity(store, 'Kravets')?.name, 'Olena Kravets');
    assert.equal(memberEntities(store, kravets).length, 2);
    const said = listQuotes(store, { speaker: 'Kravets' }, { limit: 100, offset: 0 }).items;
    assert.ok(said.some((q) => q.quote.text.includes('nothing to discuss')));
    assert.ok(said.some((q) => q.quote.text.includes('We will see')));
    assert.ok(said.every((q) => q.quote.speaker !== null));
    assert.deepEqual(listQuotes(store, { speaker: 'Nobody Atall' }, { limit: 100, offset: 0 }).items, []);
  } finally {
    store.close();
  }
});

test('api: an entity is found by any transliteration of its name, and by a Cyrillic spelling', async () => {
  writeFileSync(
    join(dir, 'c.txt'),
    ' date 2025-11-22 Leaders speak\n' +
      '(KYIV) — Ukrainian President Volodymyr Zelenskyy said on Saturday that talks would resume, and Kremlin spokesperson Dmitry Peskov said Moscow was ready.\n' +
      '“We are ready,” Zelenskyy told reporters.\n',
  );
  const store = open(join(dir, 'translit.db'));
  try {
    await ingest(store, [join(dir, 'c.txt')]);
    for (const query of ['Zelenskyy', 'Zelensky', 'Zelenskiy', 'zelenskyi', 'Volodymyr Zelensky', 'Зеленський', 'Володимир Зеленський', 'Зеленский']) {
      assert.equal(findEntity(store, query)?.name, 'Volodymyr Zelenskyy', query);
    }
    assert.equal(findEntity(store, 'Песков')?.name, 'Dmitry Peskov');
    assert.equal(findEntity(store, 'Zelenskaya'), null);
    assert.equal(findEntity(store, 'Шевченко'), null);
  } finally {
    store.close();
  }
});

test('api: Cyrillic names get Ukrainian and Russian Latin spellings; other scripts none', () => {
  assert.deepEqual(latinSpellings('Зеленський'), ['Zelenskyi', 'Zelenskiy']);
  assert.deepEqual(latinSpellings('Владимир Путин'), ['Vladymyr Putyn', 'Vladimir Putin']);
  assert.deepEqual(latinSpellings('Zelensky'), []);
});
