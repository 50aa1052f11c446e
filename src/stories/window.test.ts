import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, open } from '../api/dateline.js';
import { MAX_STORY_SPAN_DAYS, timeFactor } from './store.js';

const FLOOD = (n: number) =>
  `The river Avon flooded the town of Riverton again, and the Riverton council opened flood shelters for residents. ` +
  `Engineers from the Avon flood agency inspected the Riverton levee and the flood barriers on the river. Report ${n}.`;

async function storiesOf(records: object[]) {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-story-window-'));
  const file = join(dir, 'in.jsonl');
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
  const store = open(join(dir, 'db.sqlite'));
  await ingest(store, [file]);
  const stories = store.queries.stories(100).map((s) => ({ ...s, ids: store.queries.storyArticleIds(s.id)!.ids }));
  store.close();
  rmSync(dir, { recursive: true, force: true });
  return stories;
}

test('time factor: full inside the span, decays outside it, zero past the longest span', () => {
  assert.equal(timeFactor('2025-01-10', '2025-01-01', '2025-01-20'), 1);
  assert.ok(timeFactor('2025-01-27', '2025-01-01', '2025-01-20') < 1);
  assert.equal(timeFactor('2025-03-15', '2025-01-01', '2025-01-20'), 0);
  assert.equal(timeFactor(null, '2025-01-01', '2025-01-20'), 1);
});

test('a chain of similar articles 20 days apart cannot grow one story past the longest span', async () => {
  const days = ['2025-01-01', '2025-01-21', '2025-02-10', '2025-03-02', '2025-03-22', '2025-04-11'];
  const stories = await storiesOf(days.map((d, i) => ({ title: `Riverton flood ${i}`, published: d, text: FLOOD(i) })));
  assert.ok(stories.length >= 2, JSON.stringify(stories.map((s) => [s.firstDay, s.lastDay])));
  for (const s of stories) {
    const span = (Date.parse(s.lastDay!) - Date.parse(s.firstDay!)) / 86_400_000;
    assert.ok(span <= MAX_STORY_SPAN_DAYS, `${s.firstDay}..${s.lastDay}`);
  }
});

test('an undated article does not pull articles from different years into one story', async () => {
  const stories = await storiesOf([
    { title: 'Flood report', text: FLOOD(0) },
    { title: 'Riverton flood 2005', published: '2005-03-01', text: FLOOD(1) },
    { title: 'Riverton flood 2010', published: '2010-03-01', text: FLOOD(2) },
  ]);
  for (const s of stories) assert.ok(!(s.firstDay?.startsWith('2005') && s.lastDay?.startsWith('2010')), JSON.stringify(s));
  assert.ok(stories.length >= 2);
});

test('a story is titled by its most central headline and knows its span and main entities', async () => {
  const stories = await storiesOf([
    { title: 'Weekend weather and traffic', published: '2025-05-01', text: FLOOD(0) },
    { title: 'Avon flood: Riverton opens shelters', published: '2025-05-02', text: FLOOD(1) },
    { title: 'Riverton flood barriers on the Avon inspected', published: '2025-05-03', text: FLOOD(2) },
  ]);
  const big = stories.find((s) => s.articles === 3);
  assert.ok(big, JSON.stringify(stories));
  assert.match(big.title ?? '', /flood/i);
  assert.deepEqual([big.firstDay, big.lastDay], ['2025-05-01', '2025-05-03']);
  assert.ok(big.entities.some((e) => /riverton|avon/.test(e)), big.entities.join(','));
});
