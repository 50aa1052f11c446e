import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, open } from './dateline.js';
import { subjectTimeline } from './timeline.js';
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
