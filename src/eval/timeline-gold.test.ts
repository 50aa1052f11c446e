import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { corpusFile, goldTopicNames, parsePointers, parseSpec, readGoldTopic, readPointed, selectRecords, type GoldTopicSpec } from './timeline-gold.js';
import { GOLD_DIR, parseTimeline, timelineTask } from './timeline.js';
import { parseEvalArgs } from '../cli/commands/eval.js';

/** A hand-made corpus in the AllSides shape (date, source) and one in the RealTime QA shape (publish_date). */
const FLOOD = [
  { date: '2021-03-01', url: 'https://example.org/a', source: 'Daily', title: 'River Tamar floods the town', text: 'The River Tamar burst its banks on Monday and flooded the town centre of Lowbridge, officials said.' },
  { date: '2021-03-02', url: 'https://example.org/b', source: 'Daily', title: 'Budget vote delayed', text: 'The council delayed its budget vote on Tuesday.'.padEnd(400, ' ') + ' Far beyond the lead, the River Tamar flood is mentioned once.' },
  { date: '2021-03-02', url: 'https://example.org/c', source: 'Courier', title: 'Rescuers reach stranded families', text: 'Rescue teams reached forty families stranded by the Tamar flood waters in Lowbridge on Tuesday.' },
  { date: '2021-03-09', url: 'https://example.org/d', source: 'Courier', title: 'Tamar flood inquiry opens', text: 'An inquiry into the River Tamar flood opened on Tuesday, a week after the waters receded.' },
];
const QUAKE = [{ publish_date: '2021-03-02', url: 'https://example.org/q', title: 'Tamar flood aid', text: 'The government sent aid to the Tamar flood zone in Lowbridge on Tuesday.' }];

const SPEC: GoldTopicSpec = { title: 'flood', corpus: 'tiny-news', from: '2021-03-01', to: '2021-03-05', leadChars: 200, match: '\\bTamar\\b', alsoMatch: 'flood', query: 'Tamar' };

function corpora(): string {
  const data = mkdtempSync(join(tmpdir(), 'dateline-tlgold-'));
  mkdirSync(join(data, 'tiny-news'));
  writeFileSync(join(data, 'tiny-news', 'articles.jsonl.gz'), gzipSync(FLOOD.map((r) => JSON.stringify(r)).join('\n') + '\n'));
  mkdirSync(join(data, 'tiny-qa'));
  writeFileSync(join(data, 'tiny-qa', 'articles.jsonl'), QUAKE.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return data;
}

test('a topic rule keeps records in its date range whose title + lead match both patterns', async () => {
  const data = corpora();
  try {
    const got = await selectRecords(SPEC, corpusFile(data, 'tiny-news'));
    // b names the flood only past the lead; d is after the range.
    assert.deepEqual(got, [
      { corpus: 'tiny-news', line: 1, date: '2021-03-01', url: 'https://example.org/a' },
      { corpus: 'tiny-news', line: 3, date: '2021-03-02', url: 'https://example.org/c' },
    ]);
    const plain = await selectRecords({ ...SPEC, corpus: 'tiny-qa' }, corpusFile(data, 'tiny-qa'));
    assert.deepEqual(plain.map((p) => [p.line, p.date]), [[1, '2021-03-02']], 'publish_date is the date of the RealTime QA shape');
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});

test('pointers are read back from several corpora with their own publication dates; a changed url or a missing line is an error', async () => {
  const data = corpora();
  try {
    const pointers = parsePointers(
      '{"corpus":"tiny-news","line":3,"date":"2021-03-02","url":"https://example.org/c"}\n{"corpus":"tiny-qa","line":1,"date":"2021-03-02","url":"https://example.org/q"}\n',
      'x',
    );
    const got = await readPointed(pointers, data);
    assert.deepEqual(got.map((a) => [a.id, a.published, a.title, a.source]), [
      ['tiny-news:3', '2021-03-02', 'Rescuers reach stranded families', 'Courier'],
      ['tiny-qa:1', '2021-03-02', 'Tamar flood aid', null],
    ]);
    assert.match(got[0].text, /forty families/);
    await assert.rejects(readPointed([{ ...pointers[0], url: 'https://example.org/other' }], data), /not the pointer's/);
    await assert.rejects(readPointed([{ ...pointers[0], line: 9 }], data), /no line 9/);
    assert.throws(() => parsePointers('{"corpus":"tiny-news","line":0,"date":"2021-03-02","url":"u"}', 'x'), /line/);
    assert.throws(() => parseSpec('{"corpus":"../etc","from":"2021-03-01","to":"2021-03-05","match":"x","query":"x"}', 'x'), /folder name/);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});

test('eval timeline --gold ingests a topic from its pointers and scores it as held out', async () => {
  const data = corpora();
  const gold = mkdtempSync(join(tmpdir(), 'dateline-tlgold-dir-'));
  try {
    const topic = join(gold, 'tamar-flood');
    mkdirSync(join(topic, 'timelines'), { recursive: true });
    writeFileSync(join(topic, 'topic.json'), JSON.stringify(SPEC));
    const pointers = await selectRecords(SPEC, corpusFile(data, 'tiny-news'));
    writeFileSync(join(topic, 'records.jsonl'), pointers.map((p) => JSON.stringify(p)).join('\n'));
    writeFileSync(join(topic, 'timelines', 'gold.txt'), `2021-03-01\nThe River Tamar floods the centre of Lowbridge.\n${'-'.repeat(32)}\n2021-03-02\nRescuers reach forty families cut off by the flood.\n${'-'.repeat(32)}\n`);
    assert.deepEqual(goldTopicNames(gold), ['tamar-flood']);
    assert.equal(readGoldTopic(gold, 'tamar-flood').records.length, 2);
    const report = await timelineTask.run(parseEvalArgs(['--gold', gold, '--data', data]));
    assert.equal(report.metrics.cases, 1);
    assert.equal(report.metrics.heldout_ar1_f, report.metrics.ar1_f, 'every --gold topic is held out');
    assert.ok(report.metrics.date_f1 > 0, `date F1 ${report.metrics.date_f1}`);
    assert.ok(report.notes?.some((n) => n === 'subjects: tamar-flood: query Tamar'), 'the default subject is the query');
    const named = await timelineTask.run(parseEvalArgs(['--gold', gold, '--data', data, '--subject', 'name']));
    assert.ok(named.notes?.some((n) => /^subjects: tamar-flood: (entity|query) Tamar$/.test(n)), 'name: as `timeline "Tamar"` resolves it');
    await assert.rejects(timelineTask.run(parseEvalArgs(['--gold', gold, '--data', data, '--subject', 'cards'])), /query, name or story/);
    await assert.rejects(timelineTask.run(parseEvalArgs(['--gold', gold, '--data', data, '--loto'])), /held out/);
    await assert.rejects(timelineTask.run(parseEvalArgs(['--gold', gold, '--data', data, '--topics', 'nope'])), /unknown gold topic/);
  } finally {
    rmSync(data, { recursive: true, force: true });
    rmSync(gold, { recursive: true, force: true });
  }
});

test('the shipped held-out topics: 15–40 gold dates of 1–3 sentences, each date backed by selected records', () => {
  const names = goldTopicNames(GOLD_DIR);
  assert.ok(names.length >= 2, `topics: ${names.join(', ')}`);
  for (const name of names) {
    const topic = readGoldTopic(GOLD_DIR, name);
    const lines = new Set(topic.records.map((r) => r.line));
    assert.ok(topic.records.every((r) => r.corpus === topic.spec.corpus && r.date >= topic.spec.from && r.date <= topic.spec.to), name);
    const support = new Map(readFileSync(join(topic.dir, 'support.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t') as [string, string]));
    for (const file of topic.timelineFiles) {
      const gold = parseTimeline(readFileSync(file, 'utf8'));
      assert.ok(gold.size >= 15 && gold.size <= 40, `${name}: ${gold.size} dates`);
      for (const [day, sentences] of gold) {
        assert.ok(sentences.length >= 1 && sentences.length <= 3, `${name} ${day}`);
        assert.ok(sentences.every((s) => s.split(/\s+/).length > 4), `${name} ${day}: a gold line of four words or fewer`);
        const backing = (support.get(day) ?? '').split(/\s+/).filter(Boolean).map(Number);
        assert.ok(backing.length > 0 && backing.every((l) => lines.has(l)), `${name} ${day}: support ${support.get(day)}`);
      }
    }
  }
});

test('a record without a url is selected with an empty url and read back by it', async () => {
  const data = mkdtempSync(join(tmpdir(), 'dateline-tlgold-nourl-'));
  try {
    mkdirSync(join(data, 'tiny-nourl'));
    writeFileSync(join(data, 'tiny-nourl', 'articles.jsonl'), JSON.stringify({ publish_date: '2021-03-02', title: 'Tamar flood aid', text: 'Aid reached the Tamar flood zone on Tuesday.' }) + '\n');
    const spec = { ...SPEC, corpus: 'tiny-nourl' };
    const pointers = await selectRecords(spec, corpusFile(data, 'tiny-nourl'));
    assert.deepEqual(pointers.map((p) => [p.line, p.url]), [[1, '']]);
    const got = await readPointed(pointers, data);
    assert.equal(got[0].title, 'Tamar flood aid');
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});
