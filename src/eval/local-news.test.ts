import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { localNewsSplit, readLocalNewsGold, readTexts, type LocalNewsGold } from './local-news.js';

test('eval local-news: the gold file parses, and every incident lies on one side of the split', () => {
  const gold = readLocalNewsGold();
  assert.ok(gold.length >= 100);
  const sides = new Map<string, Set<string>>();
  for (const g of gold) {
    assert.ok(g.url.startsWith('http') && Number.isInteger(g.record) && g.place.lat !== undefined, g.id);
    sides.set(g.incident, (sides.get(g.incident) ?? new Set()).add(localNewsSplit(g.incident)));
  }
  assert.ok([...sides.values()].every((s) => s.size === 1));
  assert.ok(gold.some((g) => localNewsSplit(g.incident) === 'dev') && gold.some((g) => localNewsSplit(g.incident) === 'test'));
});

test('eval local-news: texts are read by record from the shared corpus, and a record that is not the gold URL is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'localnews-'));
  mkdirSync(join(dir, 'corpus-x'));
  const rows = [{ url: 'https://a.example/1', title: 'One', text: 'A man was shot dead.' }, { url: 'https://a.example/2', title: 'Two', text: 'Two people were killed.' }];
  writeFileSync(join(dir, 'corpus-x', 'articles.jsonl.gz'), gzipSync(rows.map((r) => JSON.stringify(r)).join('\n') + '\n'));
  const g: LocalNewsGold = { id: 'x1', corpus: 'corpus-x', record: 1, url: 'https://a.example/2', source: 's', published: '2024-01-02', incident: 'i', kind: 'shooting', killed: 2, injured: 0, date: '2024-01-01', place: { name: 'P', lat: 0, lon: 0 } };
  assert.equal(readTexts([g], dir).get('x1')?.text, 'Two people were killed.');
  assert.throws(() => readTexts([{ ...g, record: 0 }], dir), /not https:\/\/a.example\/2/);
});
