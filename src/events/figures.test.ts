import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SINGLE_EVENT_MAX, capSingleEventTolls, isAddress, partOfWhole, isYearAsCount, isCumulative, lumped, roleByWords, speculative, type FigureToken } from './figures.js';

/** Whitespace/punctuation tokens with offsets, enough for the refiners. */
function toks(s: string): FigureToken[] {
  const out: FigureToken[] = [];
  for (const m of s.matchAll(/[\p{L}\d][\p{L}\d,'’-]*[\p{L}\d]|[\p{L}\d]|[^\s\p{L}\d]/gu)) out.push({ start: m.index, end: m.index + m[0].length, lower: m[0].toLowerCase() });
  return out;
}
const at = (s: string, sub: string) => [s.indexOf(sub), s.indexOf(sub) + sub.length] as const;

test('roleByWords: the outcome word next to the count decides killed or injured', () => {
  const s = 'Two people were killed and one was wounded in the shooting.';
  assert.equal(roleByWords(toks(s), ...at(s, 'Two people')), 'killed');
  assert.equal(roleByWords(toks(s), ...at(s, 'one')), 'injured');
  const t = 'The tornado tore through the town, killing two people and injuring five.';
  assert.equal(roleByWords(toks(t), ...at(t, 'two people')), 'killed');
  assert.equal(roleByWords(toks(t), ...at(t, 'five')), 'injured');
  assert.equal(roleByWords(toks('Three people attended.'), 0, 12), null);
});

test('lumped: a toll that covers several outcomes counts none of them', () => {
  const s = 'Three million people were killed, injured or made homeless by the tsunami.';
  assert.ok(lumped(s, toks(s), at(s, 'Three million people')[1]));
  const k = 'At least 40 people were killed or wounded.';
  assert.ok(lumped(k, toks(k), at(k, 'At least 40 people')[1]));
  const ok = 'Two people were killed, police said.';
  assert.ok(!lumped(ok, toks(ok), at(ok, 'Two people')[1]));
});

test('isAddress: a number before "block" is an address', () => {
  const s = 'A man was killed in the 2600 block of West Madison Street.';
  assert.ok(isAddress(toks(s), ...at(s, '2600'), null));
  assert.ok(!isAddress(toks(s), ...at(s, 'A man'), 'man'));
});

test('isCumulative: running totals and statistics, not one event', () => {
  const y = (s: string) => isCumulative(s, toks(s));
  assert.ok(y('The war has killed 93,000 people since 2011.'));
  assert.ok(y('In 2023, 21,022 passenger vehicle occupants were killed in crashes in the United States.'));
  assert.ok(y('The death toll has risen to 230 so far.'));
  assert.ok(y("More than 3,000 people were killed for political reasons under Gen Pinochet's regime, a report says."));
  assert.ok(!y('Three soldiers were killed under heavy fire near the border on Monday.'));
  assert.ok(!y('Two people were killed in a crash on Interstate 40 on Saturday.'));
  assert.ok(!y('A strike on Doha killed 6 people on Tuesday.'));
});

test('speculative: fears and guesses are no count; the month May is no modal', () => {
  const s = 'Up to 50,000 people are feared dead.';
  assert.ok(speculative(toks(s), ...at(s, '50,000 people')));
  const m = 'Thousands of people may have died in the disaster.';
  assert.ok(speculative(toks(m), ...at(m, 'Thousands of people')));
  const e = 'More than 14 million people saw Den Watts killed off on Friday.';
  assert.ok(speculative(toks(e), ...at(e, '14 million people')));
  const d = 'On 8 May 2020, 1 child was killed by a mortar.';
  assert.ok(!speculative(toks(d), ...at(d, '1 child')));
});

test('capSingleEventTolls: a toll above SINGLE_EVENT_MAX is a cumulative claim, smaller ones stay', () => {
  const figures = [
    { kind: 'killed', value: 50_000_000 },
    { kind: 'injured', value: 12 },
    { kind: 'killed', value: SINGLE_EVENT_MAX },
    { kind: 'launched', value: 800_000 },
  ];
  assert.equal(capSingleEventTolls(figures), true);
  assert.deepEqual(figures.map((f) => f.kind), ['cumulative_killed', 'injured', 'killed', 'launched']);
  assert.equal(capSingleEventTolls([{ kind: 'killed', value: 20 }]), false);
});

test('isYearAsCount: a bare year is no count; counts with separators or outside the year range are', () => {
  assert.equal(isYearAsCount('1953'), true);
  assert.equal(isYearAsCount('2011'), true);
  assert.equal(isYearAsCount('1953-56'), true);
  assert.equal(isYearAsCount('1913–1914'), true);
  assert.equal(isYearAsCount('20-30'), false);
  assert.equal(isYearAsCount('1,953'), false);
  assert.equal(isYearAsCount('1200'), false);
  assert.equal(isYearAsCount('20'), false);
  assert.equal(isYearAsCount('three'), false);
  assert.equal(isYearAsCount('about 1913'), true);
  assert.equal(isYearAsCount('1953-56 people'), true);
  assert.equal(isYearAsCount('at least 2,000 people'), false);
});

test('partOfWhole: "five of the six killed" counts the part; "two of the three people killed were …" the whole', () => {
  const fig = (s: string, sub: string, kind: string, value: number) => ({ start: at(s, sub)[0], end: at(s, sub)[1], kind, value });
  const a = 'Five of the six crew members were killed in the crash.';
  assert.deepEqual(partOfWhole(a, toks(a), fig(a, 'six crew members', 'killed', 6), fig(a, 'Five', 'killed', 5)), { toll: 'part', value: 5 });
  const b = 'Three of the four people shot at the party died.';
  assert.deepEqual(partOfWhole(b, toks(b), fig(b, 'four people', 'killed', 4), null), { toll: 'part', value: 3, partSpan: { start: 0, end: 5 } }, 'the part is written at "Three"');
  const c = 'Two of the three people killed were children.';
  assert.deepEqual(partOfWhole(c, toks(c), fig(c, 'three people', 'killed', 3), fig(c, 'Two', 'killed', 2)), { toll: 'whole', value: 2 });
  // The whole's own outcome word inside it: "4 of the 5 injured people" are five injured.
  const c2 = 'Police said 4 of the 5 injured people were in critical condition.';
  assert.deepEqual(partOfWhole(c2, toks(c2), fig(c2, '5 injured people', 'injured', 5), fig(c2, '4', 'injured', 4)), { toll: 'whole', value: 4 });
  // No part: a count alone, or "of" with no number before it.
  const d = 'Six crew members were killed; all of the six crew members were Mexican.';
  assert.equal(partOfWhole(d, toks(d), fig(d, 'Six crew members', 'killed', 6), null), null);
  const e = 'One of the injured, a 9-year-old, was flown to a trauma center; 12 people were injured.';
  assert.equal(partOfWhole(e, toks(e), fig(e, '12 people', 'injured', 12), null), null);
});

test('roleByWords: a noun of killing governs the count after its "of"', () => {
  const s = 'The deaths of two teenagers shocked the town.';
  assert.equal(roleByWords(toks(s), ...at(s, 'two')), 'killed');
  const t = 'The release of two hostages was welcomed.';
  assert.equal(roleByWords(toks(t), ...at(t, 'two')), null);
});

test('roleByWords: a count whose own unit is an outcome word keeps that outcome, whatever verb governs the clause', () => {
  const s = 'At least 25 militia fighters were killed and 55 wounded.';
  assert.equal(roleByWords(toks(s), ...at(s, '25 militia fighters')), 'killed');
  assert.equal(roleByWords(toks(s), ...at(s, '55 wounded')), 'injured');
  const t = 'The blast left 12 dead and dozens hurt.';
  assert.equal(roleByWords(toks(t), ...at(t, '12 dead')), 'killed');
});

test('roleByWords: an outcome word inside the count heads it or qualifies people; a bare "at" is no hedge', () => {
  const role = (s: string, count: string) => {
    const at = s.indexOf(count);
    return roleByWords(toks(s), at, at + count.length);
  };
  assert.equal(role('Earlier, 300 wounded veterans marched through the city.', '300 wounded veterans'), null);
  assert.equal(role('At least 25 fighters were killed and 55 wounded.', '55 wounded'), 'injured');
  assert.equal(role('The blast left five injured people in hospital.', 'five injured people'), 'injured');
  assert.equal(role('The bartender was killed at 22, his mother said.', '22'), null);
  assert.equal(role('The gunman killed at least 12 people.', '12 people'), 'killed');
  assert.equal(role('Troops killed up to 30 fighters.', '30 fighters'), 'killed');
});
