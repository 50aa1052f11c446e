import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nerEval } from './ner.js';
import { findEvalTask } from './registry.js';

const DOC = '-DOC' + 'START- -X- -X- O';

test('eval ner scores CoNLL columns and writes conlleval input', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-ner-'));
  const conll = join(dir, 'mini.txt');
  const out = join(dir, 'pred.txt');
  writeFileSync(
    conll,
    [DOC, '', 'Angela NNP B-NP B-PER', 'Merkel NNP I-NP I-PER', 'visited VBD B-VP O', 'Paris NNP B-NP B-LOC', 'on IN B-PP O', 'Monday NNP B-NP O', '. . O O', ''].join('\n'),
  );
  assert.equal(findEvalTask('ner'), nerEval);
  const report = await nerEval.run({ positionals: ['ner'], flags: { conll, out } });
  assert.equal(report.task, 'ner');
  assert.equal(report.metrics.tokens, 7);
  assert.ok(report.metrics.f1 >= 0 && report.metrics.f1 <= 1);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.equal(lines.length, 7);
  assert.deepEqual(lines[0].split(' ').slice(0, 2), ['Angela', 'B-PER']);
  assert.equal(lines[3].split(' ')[1], 'B-LOC');
  // The shipped model gets this easy sentence right.
  assert.equal(report.metrics.f1, 1, JSON.stringify(report.tables));
});

test('eval ner refuses missing input with a usage error', async () => {
  await assert.rejects(nerEval.run({ positionals: ['ner'], flags: {} }), /USAGE/);
  await assert.rejects(nerEval.run({ positionals: ['ner'], flags: { conll: '/nonexistent/x.txt' } }), /EVAL_INPUT/);
});
