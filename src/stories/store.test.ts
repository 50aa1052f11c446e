import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractEvents } from '../events/extract.js';
import { buildDoc, OTHER_DOC, SECOND_DOC, STRIKE_DOC, type DocSpec } from '../events/testdoc.js';
import { openStore } from '../store/sqlite.js';
import { entityTimeline, listEvents, listStories, storyTimeline, updateStories } from './store.js';

function analyzed(spec: DocSpec, file: string, source: string) {
  const { article, layers } = buildDoc(spec, file);
  const a = { ...article, source, title: `${source} report` };
  layers.events = extractEvents(a, layers);
  return { article: a, layers, diagnostics: [] };
}

function ingestAll(dir: string) {
  const store = openStore(join(dir, 'db.sqlite'));
  const docs = [analyzed(STRIKE_DOC, 'a.txt', 'Wire A'), analyzed(SECOND_DOC, 'b.txt', 'Wire B'), analyzed(OTHER_DOC, 'c.txt', 'Gazette')];
  for (const d of docs) {
    const outcome = store.writeBatch({ source: { file: d.article.origin.file, format: 'text', bytes: 1, raw: null }, analyzed: [d], diagnostics: [] });
    updateStories(store, [d], outcome.inserted);
  }
  return { store, docs };
}

test('ingesting two reports merges their shared event and files both in one story; an unrelated one starts another', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-stories-'));
  try {
    const { store, docs } = ingestAll(dir);
    const rivne = listEvents(store, { place: 'rivne' });
    assert.equal(rivne.length, 1);
    assert.deepEqual(rivne[0].sources.map((s) => s.killed).sort(), [12, 15]);
    assert.equal(rivne[0].event.killed?.value, 12);
    assert.equal(listEvents(store, { type: 'Disrupted weapons use' }).length, 1);
    assert.equal(listEvents(store, { type: 'consult', from: '2025-03-03', to: '2025-03-03' }).length, 1);
    assert.equal(listEvents(store, { type: 'consult', from: '2025-03-04' }).length, 0);
    assert.ok(listEvents(store, { actor: 'russia' }).length >= 2);
    const stories = listStories(store);
    assert.equal(stories.length, 2, JSON.stringify(stories));
    const big = stories.find((s) => s.articles === 2);
    assert.ok(big);
    const timeline = storyTimeline(store, big.id);
    assert.ok(timeline && timeline.entries.length >= 3);
    const dates = timeline.entries.map((e) => e.date ?? '');
    assert.deepEqual(dates, [...dates].sort(), 'dated in order');
    const strikeEntry = timeline.entries.find((e) => e.event === rivne[0].id);
    assert.ok(strikeEntry);
    assert.equal(strikeEntry.sources.length, 2);
    const other = stories.find((s) => s.articles === 1)!;
    const otherTl = storyTimeline(store, other.id)!;
    assert.equal(otherTl.entries[0].kind, 'report');
    assert.match(otherTl.entries[0].summary, /Porto/);
    const russia = entityTimeline(store, 'Russia');
    assert.ok(russia && russia.entries.some((e) => e.event === rivne[0].id));
    // Re-running the hook for already-merged articles changes nothing.
    updateStories(store, docs, []);
    assert.equal(listEvents(store, { place: 'rivne' })[0].sources.length, 2);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
