import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, open } from './dateline.js';
import { subjectOf, subjectTimeline } from './timeline.js';
import { findEntity } from './entities.js';
import { mainStoryId } from './stories.js';

const RECORDS = [
  { title: 'Earthquake strikes Haiti', published: '2010-01-13', text: 'A powerful earthquake struck Port-au-Prince, the capital of Haiti, on Tuesday, destroying the presidential palace. Rescuers from the Red Cross searched the rubble all night.' },
  { title: 'Haiti aid flights land', published: '2010-01-15', text: 'The earthquake in Haiti on Tuesday flattened the cathedral of Port-au-Prince. Aid flights landed in Port-au-Prince on Thursday as the Red Cross opened field hospitals.' },
  { title: 'Aftershock shakes Haiti', published: '2010-01-20', text: 'A strong aftershock shook Port-au-Prince on January 20, sending residents of Haiti into the streets. Officials said the aftershock caused little new damage to the capital.' },
];

test('a query, an entity and a story each give dated article sentences with spans into the stored text', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-api-timeline-'));
  try {
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, RECORDS.map((r) => JSON.stringify(r)).join('\n'));
    const store = open(join(dir, 'db.sqlite'));
    await ingest(store, [file]);
    const byQuery = subjectTimeline(store, { query: 'earthquake' }, { dates: 3, perDate: 1 });
    assert.ok(byQuery);
    assert.equal(byQuery.subject.kind, 'query');
    assert.equal(byQuery.articles, 2);
    assert.ok(byQuery.dates.some((d) => d.date === '2010-01-12'), JSON.stringify(byQuery.dates.map((d) => d.date)));
    for (const d of byQuery.dates) {
      for (const s of d.sentences) {
        const stored = store.getArticle(s.article)!.article.text;
        assert.equal(stored.slice(s.start, s.end).trim(), s.text);
      }
    }
    const ranged = subjectTimeline(store, { query: 'Haiti' }, { dates: 5, perDate: 1, from: '2010-01-14', to: '2010-01-31' })!;
    assert.ok(ranged.dates.every((d) => d.date >= '2010-01-14' && d.date <= '2010-01-31'));
    const byEntity = subjectTimeline(store, { entity: 'Red Cross' }, { dates: 2, perDate: 1 });
    assert.ok(byEntity && byEntity.subject.kind === 'entity' && byEntity.dates.length > 0);
    const story = mainStoryId(store);
    assert.ok(story);
    assert.ok(subjectTimeline(store, { story }, {})?.dates.length);
    assert.equal(subjectTimeline(store, { query: 'volcano' }), null);
    assert.equal(subjectTimeline(store, { story: 'st-none' }), null);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a story's timeline reads the story's topic: articles with its leading words outside the story's weeks, nothing else", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-api-timeline-topic-'));
  try {
    const week = [13, 14, 15, 16, 18, 20].map((d) => ({
      title: `Haiti earthquake day ${d}`,
      published: `2010-01-${d}`,
      text: `Rescuers in Haiti searched the ruins of Port-au-Prince on January ${d} after the earthquake of January 12. The earthquake destroyed the presidential palace and thousands of homes across Haiti.`,
    }));
    const later = { title: 'Haiti earthquake camps flood', published: '2010-06-02', text: 'Heavy rain flooded the camps of Haiti earthquake survivors on June 1, leaving thousands of families without shelter in Port-au-Prince.' };
    const other = { title: 'Volcano erupts in Iceland', published: '2010-04-15', text: 'A volcano in Iceland erupted on April 14, sending a cloud of ash over northern Europe and grounding thousands of flights.' };
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, [...week, later, other].map((r) => JSON.stringify(r)).join('\n'));
    const store = open(join(dir, 'db.sqlite'));
    await ingest(store, [file]);
    const story = mainStoryId(store)!;
    const t = subjectTimeline(store, { story }, { dates: 20, perDate: 1 })!;
    assert.deepEqual([...(t.subject.topic ?? [])].sort(), ['earthquake', 'haiti']);
    const days = t.dates.map((d) => d.date);
    assert.ok(days.includes('2010-06-01'), days.join(' '));
    assert.ok(!days.includes('2010-04-14') && !days.includes('2010-04-15'), days.join(' '));
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bare text names an entity only when the entity explains most of the articles a search for the text finds', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-api-timeline-subject-'));
  try {
    const days = [3, 5, 8, 11, 14];
    const records = days.map((d) => ({
      title: `Senate trial, day ${d}`,
      published: `2020-02-${String(d).padStart(2, '0')}`,
      text: `Senators debated the impeachment of the governor on February ${d}. The Red Cross opened a shelter near the capitol as protesters gathered outside the Senate chamber.`,
    }));
    records.push({
      title: 'A committee files its report',
      published: '2020-02-02',
      text: 'The House Impeachment Review Committee filed its report on February 1, and the Red Cross said it would open a shelter.',
    });
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    const store = open(join(dir, 'db.sqlite'));
    await ingest(store, [file]);
    const narrow = findEntity(store, 'impeachment');
    assert.ok(narrow, 'the one-article committee is an entity the word matches (else this test proves nothing)');
    assert.equal(narrow.articles, 1);
    assert.deepEqual(subjectOf(store, 'impeachment'), { query: 'impeachment' });
    assert.deepEqual(subjectOf(store, 'Red Cross'), { entity: 'Red Cross' });
    assert.deepEqual(subjectOf(store, 'st-abc'), { story: 'st-abc' });
    assert.deepEqual(subjectOf(store, 'volcano'), { query: 'volcano' });
    const timeline = subjectTimeline(store, subjectOf(store, 'impeachment'), { dates: 5, perDate: 1 })!;
    assert.equal(timeline.articles, 6);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
