import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { sharedPath } from '../core/paths.js';
import { buildTimeline, parseTimeline, scoreTimeline, timelineTask, type Timeline } from './timeline.js';
import { parseArgs } from '../cli/args.js';

const DASHES = '-'.repeat(32);

test('tilse timeline format parses into dated sentence lists', () => {
  const t = parseTimeline(`2010-01-12\nA quake hits .\nMany die .\n${DASHES}\n2010-01-13\nAid arrives .\n${DASHES}\n`);
  assert.deepEqual([...t.keys()], ['2010-01-12', '2010-01-13']);
  assert.deepEqual(t.get('2010-01-12'), ['A quake hits .', 'Many die .']);
});

test('scores: identical timelines score 1; a date one day off earns half credit; Date-F1 counts exact days', () => {
  const gold: Timeline = new Map([
    ['2010-01-12', ['a strong earthquake hits the capital']],
    ['2010-01-20', ['an aftershock shakes the city']],
  ]);
  const same = scoreTimeline(gold, gold);
  assert.equal(same.ar1.f, 1);
  assert.equal(same.ar2.f, 1);
  assert.equal(same.date.f, 1);
  const shifted = scoreTimeline(new Map([['2010-01-13', ['a strong earthquake hits the capital']]]), gold);
  assert.equal(shifted.date.f, 0);
  assert.ok(Math.abs(shifted.ar1.p - 0.5) < 1e-9, `precision ${shifted.ar1.p}`);
  const empty = scoreTimeline(new Map(), gold);
  assert.equal(empty.ar1.f, 0);
});

test('the system picks the days the articles talk about and summarises them from those sentences', () => {
  const articles = [
    { dct: '2010-01-13', text: 'A powerful earthquake struck the capital of the island on Tuesday, destroying the presidential palace. Rescuers searched through rubble for survivors all night long.' },
    { dct: '2010-01-14', text: 'The earthquake on Tuesday flattened the cathedral and many schools in the capital. Aid flights began landing on Wednesday at the damaged airport.' },
    { dct: '2010-01-20', text: 'A strong aftershock shook the ruined capital on January 20, sending residents into the streets. Officials said the aftershock of January 20 caused little new damage.' },
  ];
  const t = buildTimeline(articles, { dates: 2, perDate: 1 });
  assert.deepEqual([...t.keys()], ['2010-01-12', '2010-01-20']);
  assert.match(t.get('2010-01-12')![0], /earthquake/);
});

const t17 = sharedPath('data', 'timeline17', 'articles', 'H1N1_guardian', 'articles.json');
test('eval timeline runs on one T17 topic', { skip: !existsSync(t17) && 'shared data absent: data/timeline17' }, async () => {
  const report = await timelineTask.run(parseArgs(['--topics', 'h1n1', '--max-articles', '30'], { values: ['topics', 'max-articles'] }));
  assert.equal(report.metrics.cases, 3);
  assert.ok(report.metrics.date_f1 > 0.2, `date F1 ${report.metrics.date_f1}`);
  assert.ok(report.metrics.ar1_f > 0.05, `AR-1 ${report.metrics.ar1_f}`);
});
