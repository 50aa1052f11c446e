import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord } from '../core/layers.js';
import { prominence, rankMainEvent } from './main-event.js';

// A tanker report: the lead and headline tell the tanker attack; a later paragraph recalls an airport attack with wounded.
const text =
  'Two oil tankers were attacked in the Gulf of Oman on Thursday, officials said.\n\n' +
  'The crews were evacuated and no one was hurt.\n\n' +
  'Last week, a missile struck the arrivals hall of Abha airport, wounding 26 people.';
const at = (w: string, from = 0) => ({ start: text.indexOf(w, from), end: text.indexOf(w, from) + w.length });
const lead = text.indexOf('Last week');
const ev = (id: string, span: { start: number; end: number }, extra: Partial<EventRecord> = {}) =>
  ({ id, trigger: span, mentions: [span], confidence: 0.7, acled: null, how: [], ...extra }) as unknown as EventRecord;
const tankers = ev('e1', at('attacked'));
const airport = ev('e2', at('struck'), { injured: { value: 26 } } as Partial<EventRecord>);

test('the incident the lead and the headline tell is the main one, over a later incident with casualties', () => {
  const view = { lead, text, title: 'Oil tankers attacked in Gulf of Oman' };
  assert.deepEqual(prominence(tankers, view), { inLead: true, inTitle: true });
  assert.deepEqual(prominence(airport, view), { inLead: false, inTitle: false });
  assert.equal(rankMainEvent([airport, tankers], view)?.id, 'e1');
});

test('without a view, or with a headline that names neither, casualties still decide', () => {
  assert.equal(rankMainEvent([tankers, airport])?.id, 'e2');
  // The lead alone does not outrank casualties told later (precision first: the headline must agree).
  assert.equal(rankMainEvent([tankers, airport], { lead, text, title: 'Markets calm as oil prices rise' })?.id, 'e2');
});

test('the headline word is matched by stem ("shooting" in the headline, "shot" in the text)', () => {
  const t2 = 'A man was shot outside a bar on Friday.';
  const shot = ev('e3', { start: t2.indexOf('shot'), end: t2.indexOf('shot') + 4 });
  assert.equal(prominence(shot, { lead: t2.length, text: t2, title: 'Bar shooting leaves one hurt' }).inTitle, true);
  assert.equal(prominence(shot, { lead: t2.length, text: t2, title: 'Bar closes early' }).inTitle, false);
});
