import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCrisisBlocks, runDocs } from './events-sample-docs.js';
import { evidenceText, systemSaid, type SystemSaid } from './events-sample-said.js';
import { changedFields, rescoreRow, shares, type FoundEvent, type SampleRow } from './events-sample-score.js';

const said: SystemSaid = {
  trigger: 'shelling', kind: 'conflict', acled: 'Explosions/Remote violence / Shelling/artillery/missile attack',
  plover: 'ASSAULT / artillery', status: 'asserted', reference: false, place: 'Homs, SY (city, 0.98)',
  date: '2012-02-09/2012-02-09 day implied', killed: 100, injured: null,
};
const row = (n: number, over: Partial<SampleRow> = {}): SampleRow => ({
  n, source: 'crisis', id: 'x', path: 'p', evidence: 'Shelling kills 100 in Homs.', said,
  verdict: { real: true, typed: true, placed: true, dated: true, counted: false, reason: '' }, ...over,
});

test('a found event keeps its verdicts; a changed field is listed, not scored', () => {
  const same: FoundEvent = { evidence: 'Shelling kills 100 in Homs.', said };
  assert.deepEqual(rescoreRow(row(0), [same]), { n: 0, status: 'found', changed: [], now: said });
  const recounted: FoundEvent = { evidence: same.evidence, said: { ...said, killed: 101 } };
  const outcome = rescoreRow(row(0), [recounted]);
  assert.equal(outcome.status, 'found');
  assert.deepEqual(outcome.status === 'found' && outcome.changed, ['counted']);
  const s = shares([row(0)], [outcome]);
  assert.deepEqual(s.counted, { right: 0, judged: 0, changed: 1 });
  assert.deepEqual(s.placed, { right: 1, judged: 1, changed: 0 });
});

test('an event whose sentence no longer yields one is dropped', () => {
  assert.equal(rescoreRow(row(3), [{ evidence: 'Another sentence.', said }]).status, 'dropped');
});

test('the same trigger is preferred among events of one sentence', () => {
  const other: FoundEvent = { evidence: 'Shelling kills 100 in Homs.', said: { ...said, trigger: 'kills', acled: null } };
  const mine: FoundEvent = { evidence: other.evidence, said };
  const outcome = rescoreRow(row(1), [other, mine]);
  assert.deepEqual(outcome.status === 'found' && outcome.changed, []);
  assert.deepEqual(changedFields(said, other.said), ['real', 'typed']);
});

test('crisis timeline blocks become dated documents', () => {
  const raw = '2011-03-15\nFirst protests in Deraa .\nMore follow .\n--------------------------------\n2011-04-22\nForces fire on crowds .\n';
  const docs = parseCrisisBlocks('crisis/t.txt', raw);
  assert.deepEqual(docs.map((d) => [d.path, d.published, d.text]), [
    ['crisis/t.txt#2011-03-15', '2011-03-15', 'First protests in Deraa . More follow .'],
    ['crisis/t.txt#2011-04-22', '2011-04-22', 'Forces fire on crowds .'],
  ]);
});

test('an event of a real pipeline run is found again by its evidence sentence', () => {
  const text = 'Gunmen killed five villagers in Maiduguri on Monday. The governor condemned the attack.';
  const run = runDocs([{ path: 'hand.txt', text, published: '2024-05-08' }]).get('hand.txt')!;
  assert.ok(run.events.length > 0);
  const e = run.events[0]!;
  const sampled = row(0, { evidence: evidenceText(text, e), said: systemSaid(e) });
  assert.ok(sampled.evidence.length < text.length);
  const found = run.events.map((x) => ({ evidence: evidenceText(text, x), said: systemSaid(x) }));
  assert.deepEqual(rescoreRow(sampled, found), { n: 0, status: 'found', changed: [], now: sampled.said });
});
