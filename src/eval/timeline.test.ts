import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { sharedPath } from '../core/paths.js';
import { goldCase, parseTimeline, timelineTask } from './timeline.js';
import { parseArgs } from '../cli/args.js';

const DASHES = '-'.repeat(32);

test('tilse timeline format parses into dated sentence lists', () => {
  const t = parseTimeline(`2010-01-12\nA quake hits .\nMany die .\n${DASHES}\n2010-01-13\nAid arrives .\n${DASHES}\n`);
  assert.deepEqual([...t.keys()], ['2010-01-12', '2010-01-13']);
  assert.deepEqual(t.get('2010-01-12'), ['A quake hits .', 'Many die .']);
});

test('a gold timeline sets the number of dates, the rounded mean sentences per date and the range', () => {
  const c = goldCase('x', 'y', parseTimeline(`2010-01-20\nA .\nB .\nC .\n${DASHES}\n2010-01-12\nD .\n`));
  assert.deepEqual([c?.dates, c?.perDate, c?.from, c?.to], [2, 2, '2010-01-12', '2010-01-20']);
  assert.equal(goldCase('x', 'y', new Map()), null);
});

const t17 = sharedPath('data', 'timeline17', 'articles', 'H1N1_guardian', 'articles.json');
test('eval timeline ingests a T17 topic and scores the user command', { skip: !existsSync(t17) && 'shared data absent: data/timeline17' }, async () => {
  const report = await timelineTask.run(parseArgs(['--topics', 'h1n1', '--max-articles', '30'], { values: ['topics', 'max-articles'] }));
  assert.equal(report.metrics.cases, 3);
  assert.ok(report.metrics.date_f1 > 0.2, `date F1 ${report.metrics.date_f1}`);
  assert.ok(report.metrics.ar1_f > 0.03, `AR-1 ${report.metrics.ar1_f}`);
  assert.equal(report.metrics.heldout_ar1_f, report.metrics.ar1_f, 'h1n1 is a held-out topic');
});
