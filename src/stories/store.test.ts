import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractEvents } from '../events/extract.js';
import { buildDoc, OTHER_DOC, SECOND_DOC, STRIKE_DOC, type DocSpec } from '../events/testdoc.js';
import { openStore, type SqliteStore } from '../store/sqlite.js';
import type { MergedEventQuery } from '../store/queries.js';
import { updateStories } from './store.js';

function analyzed(spec: DocSpec, file: string, source: string) {
  const { article, layers } = buildDoc(spec, file);
  const a = { ...article, source, title: `${source} report` };
  layers.events = extractEvents(a, layers);
  return { article: a, layers, diagnostics: [] };
}

const DOCS = () => [analyzed(STRIKE_DOC, 'a.txt', 'Wire A'), analyzed(SECOND_DOC, 'b.txt', 'Wire B'), analyzed(OTHER_DOC, 'c.txt', 'Gazette')];

/** Each report in its own batch; the store files it into events and stories inside the batch's transaction. */
function ingestAll(dir: string) {
  const store = openStore(join(dir, 'db.sqlite'));
  const docs = DOCS();
  for (const d of docs) store.writeBatch({ source: { file: d.article.origin.file, format: 'text', bytes: 1, raw: null }, analyzed: [d], diagnostics: [] });
  return { store, docs };
}

const listEvents = (store: SqliteStore, q: MergedEventQuery) => store.queries.mergedEvents(q);

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
    const stories = store.queries.stories(100);
    assert.equal(stories.length, 2, JSON.stringify(stories));
    const big = stories.find((s) => s.articles === 2);
    assert.ok(big);
    const timeline = store.queries.storyTimeline(big.id);
    assert.ok(timeline && timeline.entries.length >= 3);
    const dates = timeline.entries.map((e) => e.date ?? '');
    assert.deepEqual(dates, [...dates].sort(), 'dated in order');
    const strikeEntry = timeline.entries.find((e) => e.event === rivne[0].id);
    assert.ok(strikeEntry);
    assert.equal(strikeEntry.sources.length, 2);
    const other = stories.find((s) => s.articles === 1)!;
    const otherTl = store.queries.storyTimeline(other.id)!;
    assert.equal(otherTl.entries[0].kind, 'report');
    assert.match(otherTl.entries[0].summary, /Porto/);
    const russia = store.queries.entityTimeline('Russia', []);
    assert.ok(russia && russia.entries.some((e) => e.event === rivne[0].id));
    // Filing already-filed articles again changes nothing.
    const again = updateStories(store, docs, docs.map((d) => d.article.id));
    assert.deepEqual(again, { events: { merged: 0, created: 0 }, stories: { joined: 0, created: 0 } });
    assert.equal(listEvents(store, { place: 'rivne' })[0].sources.length, 2);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a store opened without the stories indexer files the same stories when updateStories runs after the writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-stories-later-'));
  try {
    const inline = ingestAll(dir).store;
    const later = openStore(join(dir, 'later.sqlite'), { indexers: [] });
    const docs = DOCS();
    const outcome = later.writeBatch({ source: { file: 'all.txt', format: 'text', bytes: 1, raw: null }, analyzed: docs, diagnostics: [] });
    assert.equal(later.queries.countStories(), 0, 'nothing filed at write time');
    const update = updateStories(later, docs, outcome.inserted);
    assert.equal(update.stories.created + update.stories.joined, 3);
    const shape = (store: SqliteStore) => store.queries.stories(100).map((s) => [s.articles, s.events]).sort();
    assert.deepEqual(shape(later), shape(inline));
    inline.close();
    later.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
