import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../core/article.js';
import type { TimeExpr } from '../core/layers.js';
import { assemblePipeline } from '../core/pipeline.js';
import { segment, segmentText } from '../segment/segment.js';
import { analyzeTime, extractTimes, time, timesForText } from './time.js';
import { parseIsoDay } from './calendar.js';

function times(text: string, reference: string | null): TimeExpr[] {
  return timesForText(text, segmentText(text).sentences, reference);
}

function find(list: TimeExpr[], surface: string, nth = 0): TimeExpr {
  const hits = list.filter((t) => t.text === surface);
  assert.ok(hits.length > nth, `no "${surface}" (#${nth}) among: ${list.map((t) => t.text).join(' | ')}`);
  return hits[nth];
}

// A dispatch of our own, dated Wednesday 2024-03-13.
const DISPATCH = [
  'The minister on Wednesday said the talks at his Tuesday meeting with envoys had been useful.',
  'Officials met yesterday and again on Sunday in Geneva, after a proposal presented last month.',
  'Tuesday’s five-hour talks ended at noon Tuesday, and the alert lasted for around four hours.',
  'The agency was attacked in June; a second round will be held next Tuesday.',
  'A vote would follow a day after the envoys held a sit-down with the president.',
  'Profit in the third quarter fell from a year earlier, the past three years were hard, and in the 1990s shares rose daily.',
  'The plant, closed since 2019, reopened last summer and will expand in the coming weeks.',
].join('\n');

test('resolves weekdays, deictic days and months against the article date (past bias)', () => {
  const t = times(DISPATCH, '2024-03-13');
  assert.equal(find(t, 'Wednesday').value, '2024-03-13');
  assert.equal(find(t, 'Tuesday').value, '2024-03-12');
  assert.equal(find(t, 'yesterday').value, '2024-03-12');
  assert.equal(find(t, 'Sunday').value, '2024-03-10');
  const lastMonth = find(t, 'last month');
  assert.equal(lastMonth.value, '2024-02');
  assert.deepEqual(lastMonth.range, { from: '2024-02-01', to: '2024-02-29' });
  // "in June" said in March is last June, not next.
  assert.equal(find(t, 'June').value, '2023-06');
});

test('future cues move weekdays forward; "next" is strictly future', () => {
  const t = times(DISPATCH, '2024-03-13');
  assert.equal(find(t, 'next Tuesday').value, '2024-03-19');
  assert.equal(find(t, 'next Tuesday').direction, 'future');
  const ahead = times('The committee will meet on Friday.', '2024-03-13');
  assert.equal(find(ahead, 'Friday').value, '2024-03-15');
  const before = times('The committee met on Friday.', '2024-03-13');
  assert.equal(find(before, 'Friday').value, '2024-03-08');
  const scheduled = times('The two leaders meet Monday in Vienna.', '2024-03-13');
  assert.equal(find(scheduled, 'Monday').value, '2024-03-18');
  const taken = times('Officials were set to regroup on Wednesday in Brussels to discuss the outcomes of Tuesday’s meeting in Moscow.', '2024-03-13');
  assert.equal(find(taken, 'Tuesday').value, '2024-03-12', 'the cue points at Wednesday; the meeting it discusses is past');
  const both = times('The envoys will meet on Monday and Tuesday.', '2024-03-13');
  assert.deepEqual([find(both, 'Monday').value, find(both, 'Tuesday').value], ['2024-03-18', '2024-03-19'], 'conjoined dates share the cue');
  const reported = times('"We will win," he said Friday.', '2024-03-13');
  assert.equal(find(reported, 'Friday').value, '2024-03-08', 'a future inside a quote does not move the date of "said"');
});

test('durations are durations, never dates; clock times attach to their day', () => {
  const t = times(DISPATCH, '2024-03-13');
  assert.deepEqual([find(t, 'five-hour').type, find(t, 'five-hour').value], ['DURATION', 'PT5H']);
  const four = find(t, 'four hours');
  assert.deepEqual([four.type, four.value], ['DURATION', 'PT4H']);
  const noon = find(t, 'noon Tuesday');
  assert.deepEqual([noon.type, noon.value], ['TIME', '2024-03-12T12:00']);
  assert.deepEqual([find(t, 'the past three years').type, find(t, 'the past three years').value], ['DURATION', 'P3Y']);
  // The possessive stays out of the extent.
  assert.ok(t.some((x) => x.text === 'Tuesday' && DISPATCH.slice(x.end, x.end + 2) === '’s'));
});

test('event-relative expressions are never anchored on the article date', () => {
  const t = times(DISPATCH, '2024-03-13');
  // TimeML keeps the offset ("a day", P1D) as the expression and "after" as its signal; no date is invented.
  const after = find(t, 'a day');
  assert.deepEqual([after.type, after.value, after.anchor, after.direction], ['DURATION', 'P1D', 'event', 'future']);
  assert.equal(after.range, undefined);
  assert.ok(DISPATCH.slice(after.end, after.end + 6) === ' after');
  const later = times('The ceasefire began on Monday. Three days later, shelling resumed.', '2024-03-13');
  assert.deepEqual([find(later, 'Three days').type, find(later, 'Three days').anchor], ['DURATION', 'event']);
});

test('quarters, year-ago, decades, bare years, seasons, sets and references', () => {
  const t = times(DISPATCH, '2024-03-13');
  // Third quarter asked about in March: last year's.
  assert.equal(find(t, 'the third quarter').value, '2023-Q3');
  assert.equal(find(t, 'a year earlier').value, '2022-Q3');
  assert.equal(find(t, 'the 1990s').value, '199');
  assert.deepEqual([find(t, 'daily').type, find(t, 'daily').value], ['SET', 'P1D']);
  assert.equal(find(t, '2019').value, '2019');
  assert.equal(find(t, 'last summer').value, '2023-SU');
  assert.equal(find(t, 'the coming weeks').value, 'PXW');
  const now = times('Prices are now lower than in 1998, and 2000 people were recently hired.', '1999-05-01');
  assert.equal(find(now, 'now').value, 'PRESENT_REF');
  assert.equal(find(now, 'recently').value, 'PAST_REF');
  assert.equal(find(now, '1998').value, '1998');
  assert.ok(!now.some((x) => x.text === '2000'), 'a count of people is not a year');
});

test('day ranges keep their days as the range', () => {
  const t = times('The indoor championships take place on 5-6 March, and talks ran March 10-12, 2023.', '2024-02-20');
  const a = find(t, '5-6 March');
  assert.deepEqual([a.value, a.range], ['2024-03', { from: '2024-03-05', to: '2024-03-06' }]);
  assert.deepEqual(find(t, 'March 10-12, 2023').range, { from: '2023-03-10', to: '2023-03-12' });
});

test('every span reproduces its surface and lies inside the text', () => {
  const text = `${DISPATCH}\nOn Monday, Oct. 26, 1998 at 5 p.m. EST, and on 2025-11-19, overnight into Wednesday morning.`;
  const t = times(text, '1998-10-27');
  assert.ok(t.length > 20);
  for (const x of t) {
    assert.equal(text.slice(x.start, x.end), x.text);
    assert.ok(x.start >= 0 && x.end <= text.length && x.start < x.end);
  }
  const overnight = find(t, 'overnight into Wednesday morning');
  assert.equal(overnight.type, 'TIME');
  assert.equal(overnight.value, '1998-10-20TNI');
});

test('without an anchor, relative values stay unresolved', () => {
  const t = times('They met on Wednesday and last week, on March 3, 2021.', null);
  assert.equal(find(t, 'Wednesday').value, 'XXXX-WXX-3');
  assert.equal(find(t, 'last week').value, 'XXXX-WXX');
  assert.equal(find(t, 'March 3, 2021').value, '2021-03-03');
});

test('an uncertain anchor widens relative values and lowers their confidence', () => {
  const text = 'The strike came on Tuesday.';
  const seg = segmentText(text);
  const from = parseIsoDay('2024-05-13') as number;
  const exact = extractTimes(text, seg.sentences, { from, to: from, confidence: 1 });
  const ranged = extractTimes(text, seg.sentences, { from, to: from + 18, confidence: 0.4 });
  assert.equal(exact[0].value, '2024-05-07');
  assert.equal(ranged[0].value, '2024-05');
  assert.deepEqual(ranged[0].range, { from: '2024-05-07', to: '2024-05-28' });
  // Across a month boundary only the year is shared.
  const wide = extractTimes(text, seg.sentences, { from: from - 10, to: from + 18, confidence: 0.4 });
  assert.equal(wide[0].value, '2024');
  assert.ok(ranged[0].confidence < exact[0].confidence);
});

test('the time component assigns one published record and the times layer', () => {
  const pipeline = assemblePipeline([segment, time]);
  const article = makeArticle({ text: DISPATCH, origin: { file: 'x.txt', format: 'text' }, published: '2024-03-13', publishedSource: 'header' });
  const out = pipeline.run(article);
  assert.equal(out.layers.published?.length, 1);
  assert.equal(out.layers.published?.[0].value, '2024-03-13');
  assert.equal(out.layers.published?.[0].source, 'header');
  assert.ok((out.layers.times?.length ?? 0) > 10);
  assert.deepEqual(out.diagnostics, []);
});

test('an article with no date and no evidence gets an unknown record and a diagnostic, not a guess', () => {
  const pipeline = assemblePipeline([segment, time]);
  const article = makeArticle({ text: 'Talks resumed on Thursday.', origin: { file: 'y.txt', format: 'text' } });
  const out = pipeline.run(article);
  assert.equal(out.layers.published?.[0].source, 'unknown');
  assert.equal(out.layers.published?.[0].value, null);
  assert.equal(out.layers.times?.[0].value, 'XXXX-WXX-4');
  assert.equal(out.diagnostics[0]?.code, 'TIME_NO_REFERENCE_DATE');
  const analysis = analyzeTime(article, segmentText(article.text).sentences, []);
  assert.equal(analysis.published.source, 'unknown');
});

test('spelled-out years join their month or season, as broadcast transcripts write dates', () => {
  const t = times('Atlanta again. January nineteen ninety-seven. Prices last seen in the winter of nineteen ninety-four.', '1998-02-27');
  assert.deepEqual([find(t, 'January nineteen ninety-seven').type, find(t, 'January nineteen ninety-seven').value], ['DATE', '1997-01']);
  assert.equal(find(t, 'the winter of nineteen ninety-four').value, '1994-WI');
});

test('earnings-report periods and present/past references', () => {
  const t = times('The company earned $5 million in the third quarter. In the 1988 quarter, it lost $2 million. Sales rose in recent years, and the current weakness persists now that rates are up.', '1989-10-30');
  assert.equal(find(t, 'the 1988 quarter').value, '1988-Q3');
  assert.equal(find(t, 'recent years').value, 'PAST_REF');
  assert.equal(find(t, 'current').value, 'PRESENT_REF');
  assert.equal(find(t, 'now').value, 'PRESENT_REF');
});

test('a fronted weekday takes the tense of the clause after it', () => {
  const t = times('On Tuesday, the league plans to hold a news conference. On Friday, the government planned to pay the families.', '1998-10-26');
  assert.equal(find(t, 'Tuesday').value, '1998-10-27');
  assert.equal(find(t, 'Friday').value, '1998-10-23');
});

test('"the previous Friday" counts back from the narrative date', () => {
  const t = times('Shares closed lower on Oct. 27, 1989, down 4.5% from the previous Friday.', '1989-10-30');
  assert.equal(find(t, 'the previous Friday').value, '1989-10-20');
});

test('"a minute and a half": the half joins the count', () => {
  const t = times('A minute and a half later, a pilot called. The talks lasted two hours and a half.', '1998-01-14');
  assert.deepEqual([find(t, 'A minute and a half').type, find(t, 'A minute and a half').value], ['DURATION', 'PT1M30S']);
  assert.equal(find(t, 'two hours and a half').value, 'PT2H30M');
});

test('midnight ends its day, and a plan seen from the past is not a future', () => {
  const t = times('The offer had been scheduled to expire at midnight Friday.', '1989-10-30');
  assert.deepEqual([find(t, 'midnight Friday').type, find(t, 'midnight Friday').value], ['TIME', '1989-10-27T24:00']);
});

test('"eight trading days" is a duration of days', () => {
  const t = times('Eight trading days after the plunge, the index was still lower. The deal closes in five business days.', '1989-10-30');
  assert.deepEqual([find(t, 'Eight trading days').type, find(t, 'Eight trading days').value], ['DURATION', 'P8D']);
  assert.equal(find(t, 'five business days').value, 'P5D');
});

test('a clock time takes a time zone but not the next word', () => {
  const t = times('Talks resume at 5 p.m. next Tuesday; trading opens at 9:30 a.m. ET and the vote is at 16:00 ET.', '2024-03-13');
  assert.deepEqual([find(t, '5 p.m. next Tuesday').type, find(t, '5 p.m. next Tuesday').value], ['TIME', '2024-03-19T17:00']);
  assert.ok(t.some((x) => x.text === '9:30 a.m. ET'));
  assert.ok(t.some((x) => x.text === '16:00 ET'));
});

test('"current account" is a finance term, not a present reference', () => {
  const t = times('The current account deficit widened, though current conditions are calm.', '2024-03-13');
  assert.deepEqual(t.map((x) => x.text), ['current']);
  assert.equal(t[0].start, 'The current account deficit widened, though '.length);
});

test('"the weeks ahead" is a vague span like "the coming weeks"', () => {
  const t = times('Funds may sell more in the weeks ahead.', '1989-10-27');
  assert.deepEqual([find(t, 'the weeks ahead').type, find(t, 'the weeks ahead').value], ['DURATION', 'PXW']);
});

test('a fronted "until"/"by" date in a past-tense clause stays in the past', () => {
  // 2024-03-15 is a Friday.
  const past = times('Until Thursday, the police had not named a suspect.', '2024-03-15');
  assert.equal(find(past, 'Thursday').value, '2024-03-14');
  const ahead = times('Until Thursday, the offer stands.', '2024-03-15');
  assert.equal(find(ahead, 'Thursday').value, '2024-03-21');
});

test('"since year-end" is the last year-end already passed', () => {
  assert.equal(find(times('The index has risen 12% since year-end.', '2024-03-15'), 'year-end').value, '2023-12-31');
  assert.equal(find(times('The company expects to close the sale by year-end.', '2024-03-15'), 'year-end').value, '2024-12-31');
});

test('an adjectival duration leaves its article out of the extent', () => {
  const t = times('The government called the 14-day waiting period too short, and the two day rally ended; the six months were hard.', '2024-03-15');
  assert.deepEqual([find(t, '14-day').value, find(t, 'two day').value], ['P14D', 'P2D']);
  assert.equal(find(t, 'the six months').value, 'P6M');
});

test('floating holidays resolve to their day of the year (Election Day, Memorial Day, Labor Day, Easter)', () => {
  const t = times('The campaign runs to Election Day. The plant closed on Memorial Day and reopened on Labor Day; pilgrims came for Easter and Good Friday.', '2024-10-15');
  assert.equal(find(t, 'Election Day').value, '2024-11-05');
  assert.equal(find(t, 'Memorial Day').value, '2024-05-27');
  assert.equal(find(t, 'Labor Day').value, '2024-09-02');
  assert.equal(find(t, 'Easter').value, '2024-03-31');
  assert.equal(find(t, 'Good Friday').value, '2024-03-29');
});

test('a future auxiliary far back in the clause still points a yearless month ahead', () => {
  const t = times('Air Force Lieutenant Colonel Jane Doe will be named commander of the orbiting laboratory crew for a mission in December.', '2024-03-15');
  assert.equal(find(t, 'December').value, '2024-12');
  const past = times('The company, which was founded by two engineers from the local university, cut its workforce in December.', '2024-03-15');
  assert.equal(find(past, 'December').value, '2023-12');
});

test('"this week after …", "last week after …": the preposition does not make the week an offset', () => {
  const t = times('Prosecutors issued their warning this week after one of the lawyers asked for a delay, and met last week after a hearing.', '2024-03-15');
  assert.equal(find(t, 'this week').value, '2024-W11');
  assert.equal(find(t, 'last week').value, '2024-W10');
  assert.equal(times('He had left the week before.', '2024-03-15').filter((x) => x.text === 'the week').length, 0);
});

test('a bare "the week" is the week under discussion: its year, not its number', () => {
  const t = times('For the week, the index dropped 3.8%, and Friday was the week’s busiest session.', '2024-03-15');
  assert.equal(find(t, 'the week').value, '2024-WXX');
  assert.equal(find(times('For the week, the index dropped.', null), 'the week').value, 'XXXX-WXX');
});

test('"the week of March 6" is the ISO week holding that day', () => {
  const t = times('The case may be settled at a hearing the week of March 6, a lawyer said.', '2024-02-20');
  const w = find(t, 'the week of March 6');
  assert.deepEqual([w.type, w.value, w.range], ['DATE', '2024-W10', { from: '2024-03-04', to: '2024-03-10' }]);
});

test('"the day before last Tuesday" is one date a day off; "Oct. 12, the day before …" names that day', () => {
  const t = times('The day before last Tuesday’s hearing, the uncle flew to Miami. Prices fell after Oct. 12, the day before the crash.', '2024-03-15');
  const before = find(t, 'The day before last Tuesday');
  assert.deepEqual([before.type, before.value], ['DATE', '2024-03-11']);
  assert.equal(find(t, 'the day').value, '2023-10-12');
  assert.equal(times('The men came to the house the day after his death.', '2024-03-15').length, 0);
});

test('"annually" after an amount is a rate, not a recurring time; on its own it is a SET', () => {
  assert.equal(times('The cut will save C$17.9 million annually, and the plant makes 10,000 units annually.', '2024-03-15').length, 0);
  assert.equal(find(times('The festival is held annually.', '2024-03-15'), 'annually').value, 'P1Y');
});

test('"the year 2000" is one DATE', () => {
  const t = times('The flaw affects computers in the year 2000.', '1998-03-15');
  assert.deepEqual(t.map((x) => [x.text, x.type, x.value]), [['the year 2000', 'DATE', '2000']]);
});

test('"the fourth quarter of last year" is one DATE, last year’s fourth quarter', () => {
  const t = times('Prices were flat in the fourth quarter of last year and will rise in the third quarter of next year.', '2024-03-15');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [['the fourth quarter of last year', '2023-Q4'], ['the third quarter of next year', '2025-Q3']]);
});

test('"March of last year", "the spring of last year" are one DATE in last year; a season keeps its article', () => {
  const t = times('Sales fell in March of last year and in the spring of last year, after the early summer.', '2024-03-15');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [['March of last year', '2023-03'], ['the spring of last year', '2023-SP'], ['the early summer', '2023-SU']]);
});

test('"Black Monday", "Super Tuesday" are named days, not the weekday before the article date', () => {
  const t = times('Stocks plunged on Black Monday in October 1987, and the candidates campaigned before Super Tuesday.', '2024-03-15');
  assert.deepEqual(t.map((x) => x.text), ['October 1987']);
});

test('"as recently as August": the month is the expression, "recently" is not', () => {
  const t = times('The stock traded at $30 as recently as August, and as late as March it was at $20.', '2024-10-15');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [['August', '2024-08'], ['March', '2024-03']]);
  assert.equal(times('He met such artists as August Wilson.', '2024-10-15').length, 0);
});

test('a bare "overnight" in a narrative of the past days is the night before that day, and does not move the narrative', () => {
  // 2024-03-18 is a Monday; the story is about Friday 2024-03-15.
  const t = times('London shares closed lower Friday. They were depressed by overnight losses in New York, and the index fell 4.5% from the previous Friday.', '2024-03-18');
  assert.equal(find(t, 'overnight').value, '2024-03-14TNI');
  assert.equal(find(t, 'the previous Friday').value, '2024-03-08');
  assert.equal(find(times('Missiles struck the sites overnight.', '2024-03-18'), 'overnight').value, '2024-03-17TNI');
});

test('"in the morning" is the morning of the day under discussion; "at 4 in the morning" is a clock time', () => {
  const t = times('Hopes were dashed Friday. Dealers placed heavy buy orders in the morning, and the fire broke out at eight o’clock in the evening.', '2024-03-18');
  assert.deepEqual([find(t, 'the morning').type, find(t, 'the morning').value], ['TIME', '2024-03-15TMO']);
  assert.equal(find(t, 'eight o’clock in the evening').value, '2024-03-15T20:00');
  assert.equal(times('He was one in the morning crowd.', '2024-03-18').length, 0);
});

test('"April 24 and 25": the second day of a conjoined pair is a date of its own', () => {
  const t = times('A ceremony will be held at the summit on April 24 and 25.', '2024-02-10');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [['April 24', '2024-04-24'], ['25', '2024-04-25']]);
  assert.equal(times('Sales rose on Jan. 5 and 6 percent later.', '2024-02-10').length, 1);
});

test('"the second half of the year" is one DATE, this year’s half', () => {
  const t = times('Sales should recover in the second half of the year.', '2024-03-15');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [['the second half of the year', '2024-H2']]);
});

test('"mid-morning", "late afternoon": a part of the day under discussion; "late-night show" is not one', () => {
  const t = times('The blast came Friday in mid-morning, and rescuers worked into the late afternoon.', '2024-03-18');
  assert.deepEqual(t.map((x) => [x.text, x.type, x.value]), [['Friday', 'DATE', '2024-03-15'], ['mid-morning', 'TIME', '2024-03-15TMO'], ['late afternoon', 'TIME', '2024-03-15TAF']]);
  assert.equal(times('He hosts a late-night talk show and takes early morning flights.', '2024-03-18').length, 0);
});

test('"half a century", "a quarter-century", "a half-century ago"', () => {
  const t = times('The feud lasted half a century; a quarter-century of peace followed, and the war ended a half-century ago.', '1998-08-14');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [['half a century', 'P50Y'], ['a quarter-century', 'P25Y'], ['a half-century ago', '1948']]);
  assert.equal(times('Unemployment is just above its quarter-century low.', '1998-08-14').length, 0);
});

test('"this past weekend", "this coming weekend" keep "this" and name the nearest weekend each way', () => {
  // 2024-03-13 is a Wednesday.
  const t = times('The team returned this past weekend and will leave this coming weekend.', '2024-03-13');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [['this past weekend', '2024-W10-WE'], ['this coming weekend', '2024-W11-WE']]);
});

test('"a week ago Friday", "a week from Tuesday": that weekday shifted by whole weeks', () => {
  // 2024-03-15 is a Friday.
  const t = times('Inspectors arrived a week ago Friday and will leave a week from Tuesday.', '2024-03-15');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [['a week ago Friday', '2024-03-08'], ['a week from Tuesday', '2024-03-26']]);
});

test('spelled-out ordinal days, as broadcast transcripts write them ("February the twenty-fourth")', () => {
  const t = times('It is Tuesday, February the twenty-fourth, and the vote will be on May first.', '1998-02-27');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [['Tuesday, February the twenty-fourth', '1998-02-24'], ['May first', '1998-05-01']]);
  assert.equal(times('In May second thoughts emerged.', '1998-02-27').length, 0);
});

test('clock times in words ("eight p.m.", "ten a.m. tomorrow") and "9:45 in the morning"', () => {
  const t = times('The blast came at 9:45 in the morning. Polls close at eight p.m., and the speech is set for ten a.m. tomorrow.', '1998-02-27');
  assert.deepEqual(t.map((x) => [x.text, x.type, x.value]), [
    ['9:45 in the morning', 'TIME', '1998-02-27T09:45'],
    ['eight p.m.', 'TIME', '1998-02-27T20:00'],
    ['ten a.m. tomorrow', 'TIME', '1998-02-28T10:00'],
  ]);
});

test('newspaper names ("The Sunday Times", "the Mail on Sunday") are not weekdays', () => {
  const t = times('The Sunday Times reported it on Friday, and the Mail on Sunday agreed.', '2024-03-18');
  assert.deepEqual(t.map((x) => x.text), ['Friday']);
});

test('"the corresponding period last year" is the year-ago quarter under discussion, one DATE', () => {
  const t = times('Net income in the third quarter was $2 million, compared with $1.8 million for the corresponding period last year.', '1989-11-01');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [['the third quarter', '1989-Q3'], ['the corresponding period last year', '1988-Q3']]);
  assert.equal(find(times('Sales fell compared with the same period last year.', '1989-11-01'), 'the same period last year').value, '1988');
});

test('bounds stay in a duration’s extent ("nearly two years", "up to 180 days"), vague hedges do not ("about three days")', () => {
  const t = times('The border was shut for nearly two years; reservists serve up to 180 days, and talks took about three days.', '2024-03-15');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [['nearly two years', 'P2Y'], ['up to 180 days', 'P180D'], ['three days', 'P3D']]);
});

test('two-digit years ("the summer of \'97", "Dec. 25, \'97", "in \'05") take the century nearest the article', () => {
  const t = times("It happened in the summer of '97, again on Dec. 25, '97, and once more in '05.", '1998-08-14');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [["the summer of '97", '1997-SU'], ["Dec. 25, '97", '1997-12-25'], ["'05", '2005']]);
  assert.equal(times("Rock 'n' roll, and the '96 election.", '1998-08-14').length, 0);
});

test('"the early part of the year", "the latter part of 1997" are one DATE each', () => {
  const t = times('The talks stalled in the early part of the year and resumed in the latter part of 1997.', '1998-08-14');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [['the early part of the year', '1998'], ['the latter part of 1997', '1997']]);
});

test('"For the year, volume was flat" is the current year; "the year ended Sept. 30" is a year-long period', () => {
  const t = times('For the year, pet food volume was flat. For the year ended Sept. 30, the company earned $422 million.', '1989-11-02');
  assert.deepEqual(t.map((x) => [x.text, x.type, x.value]), [['the year', 'DATE', '1989'], ['the year', 'DURATION', 'P1Y'], ['Sept. 30', 'DATE', '1989-09-30']]);
});

test('"the year-ago third quarter" is one DATE, last year’s quarter, and does not become the quarter under discussion', () => {
  const t = times('Net fell in the third quarter. In the year-ago third quarter, it earned $22 million, and sales were flat from a year earlier.', '1989-10-26');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [['the third quarter', '1989-Q3'], ['the year-ago third quarter', '1988-Q3'], ['a year earlier', '1988-Q3']]);
});

test('"the year-earlier nine months" is one nine-month duration', () => {
  const t = times('Net for the year-earlier nine months included a gain.', '1989-10-26');
  assert.deepEqual(t.map((x) => [x.text, x.type, x.value]), [['the year-earlier nine months', 'DURATION', 'P9M']]);
});

test('"the latest fiscal year" is the last one completed', () => {
  const t = times('The grocer had sales of C$7.38 billion in the latest fiscal year.', '1989-10-26');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [['the latest fiscal year', '1988']]);
});

test('"the quarter a year ago" is one DATE, the year-ago quarter', () => {
  const t = times('Columbia lost money in the third quarter. For the quarter a year ago, it earned $16.3 million.', '1989-10-26');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [['the third quarter', '1989-Q3'], ['the quarter a year ago', '1988-Q3']]);
});

test('"will last five days": the verb "last" stays out of the duration', () => {
  const t = times('The session will last five days, and prices rose in the last five days.', '1998-03-03');
  assert.deepEqual(t.map((x) => [x.text, x.value]), [['five days', 'P5D'], ['the last five days', 'P5D']]);
});

test('"the following month", "the previous year" count from a month or year the narrative just named', () => {
  const t = times('In February, the company rejected the offer. The following month, it put itself up for sale. In 1997, output grew 8.8 percent over the previous year.', '1999-10-27');
  assert.equal(find(t, 'The following month').value, '1999-03');
  assert.equal(find(t, 'the previous year').value, '1996');
  assert.equal(find(times('Sales rose 5% from the previous year.', '1999-10-27'), 'the previous year').value, '1998');
});

test('"on weekends", "every weekend" are recurring weekends (SET)', () => {
  const t = times('The museum is closed on weekends and open every weekend in June.', '1998-08-14');
  assert.deepEqual(t.filter((x) => x.type === 'SET').map((x) => [x.text, x.value]), [['weekends', 'XXXX-WXX-WE'], ['every weekend', 'XXXX-WXX-WE']]);
});

test("a possessive weekday is the day of its noun: past for what happened, the clause's tense for a scheduled event", () => {
  // Thursday 2010-01-14, two days after an earthquake of our own.
  const text = [
    "Officials will meet on Friday to discuss Tuesday's earthquake.",
    "Relatives said they would look for ways to get around Wednesday's ruling.",
    "Leaders will attend Saturday's summit in Paris.",
    "Voters are gearing up ahead of Sunday's election.",
    "Thousands attended Tuesday's rally.",
  ].join('\n');
  const t = times(text, '2010-01-14');
  assert.equal(find(t, 'Tuesday').value, '2010-01-12');
  assert.equal(find(t, 'Wednesday').value, '2010-01-13');
  assert.equal(find(t, 'Saturday').value, '2010-01-16');
  assert.equal(find(t, 'Sunday').value, '2010-01-17');
  assert.equal(find(t, 'Tuesday', 1).value, '2010-01-12');
});

test('"six weeks ago" names that ISO week, as "six months ago" names a month; "a week ago" is the day seven days back', () => {
  const t = times('The boat left six weeks ago; the crew had sailed two months ago and the storm hit a week ago.', '2000-01-06');
  assert.equal(find(t, 'a week ago').value, '1999-12-30');
  const w = find(t, 'six weeks ago');
  assert.deepEqual([w.type, w.value, w.range], ['DATE', '1999-W47', { from: '1999-11-22', to: '1999-11-28' }]);
  assert.equal(find(t, 'two months ago').value, '1999-11');
});

test('bare plurals with no article point at the past or future as a whole; "the coming weeks" stays a span', () => {
  const t = times('Sales grew in past years and should slow in coming months, in future quarters and in the coming weeks.', '1989-10-30');
  assert.deepEqual(
    ['past years', 'coming months', 'future quarters', 'the coming weeks'].map((s) => [find(t, s).type, find(t, s).value]),
    [['DATE', 'PAST_REF'], ['DATE', 'FUTURE_REF'], ['DATE', 'FUTURE_REF'], ['DURATION', 'PXW']],
  );
});

test('"the quarter" after "the fiscal first quarter" is that fiscal quarter; a calendar quarter named in passing does not move it', () => {
  const fiscal = times('Sun earned $5 million in the fiscal first quarter. Sales in the quarter rose 39%, and the 1988 period had a loss.', '1989-10-26');
  assert.deepEqual(['the fiscal first quarter', 'the quarter', 'the 1988 period'].map((s) => find(fiscal, s).value), ['1989-Q1', '1989-Q1', '1988-Q1']);
  const plain = times('The quake will mean a fourth-quarter charge. Profit fell in the latest quarter.', '1989-11-02');
  assert.equal(find(plain, 'the latest quarter').value, '1989-Q3');
  // its calendar days are unknown (the fiscal year need not start in January): no range is invented (review)
  assert.equal(find(fiscal, 'the quarter').range, undefined);
  assert.ok(find(plain, 'the latest quarter').range, 'a calendar quarter keeps its days');
});

test('"another" before "second" or "quarter" is no one-unit duration; "The past weeks" is read as "the past weeks" (review)', () => {
  const t = times('Macron faces another second round. He won an additional quarter of the vote. The past weeks were hard.', '2022-04-20');
  assert.ok(!t.some((x) => /^(another second|an additional quarter)$/.test(x.text)), t.map((x) => `${x.text}=${x.value}`).join(' | '));
  assert.ok(!t.some((x) => x.value === 'PAST_REF'), t.map((x) => `${x.text}=${x.value}`).join(' | '));
});

test('"an additional year", "another week", "an extra day" are one-unit durations', () => {
  const t = times('The loan may be extended for an additional year; the team trained another week and got an extra day off.', '1989-11-02');
  assert.deepEqual(['an additional year', 'another week', 'an extra day'].map((s) => [find(t, s).type, find(t, s).value]), [['DURATION', 'P1Y'], ['DURATION', 'P1W'], ['DURATION', 'P1D']]);
});

test('"-long" compounds: one unit when singular ("day-long"), vague when plural, whatever article stands before', () => {
  const t = times('After their third day-long meeting, a decades-long feud and a years-long fight ended in a week-long truce.', '2000-04-03');
  assert.deepEqual(['day-long', 'decades-long', 'years-long', 'a week-long'].map((s) => find(t, s).value), ['P1D', 'PXY', 'PXY', 'P1W']);
});

test('a market report\'s trading day: "ended the day", "For the day", "the start of the day", "late in the day"', () => {
  // Our own report, dated Tuesday 2024-03-12, about Monday's trading.
  const text = [
    'Stocks fell sharply on Monday.',
    'The index lost 2%, ending the day at 4,100, and its rival rebounded late in the day after a large fall at the start of the day.',
    'For the day, the yen closed flat.',
    'But in many ways, the day belonged to the bond market, and the day after the vote was quiet.',
  ].join('\n');
  const t = times(text, '2024-03-12');
  assert.equal(find(t, 'the day').value, '2024-03-11');
  assert.equal(find(t, 'late in the day').value, '2024-03-11');
  assert.equal(find(t, 'the start of the day').value, '2024-03-11');
  assert.equal(find(t, 'the day', 1).value, '2024-03-11');
  // "the day belonged to", "the day after the vote": no trading-day frame, left untagged.
  assert.equal(t.filter((x) => x.text === 'the day').length, 2);
});

test('"the same month a year ago", "the same period last year" after a named month: that month a year back', () => {
  const t = times('Car sales fell 35% in January, compared to the same month a year ago.\nFord sales rose 43% in February compared to the same period last year.', '2009-03-03');
  assert.equal(find(t, 'the same month a year ago').value, '2008-01');
  assert.equal(find(t, 'the same period last year').value, '2008-02');
  // With a quarter under discussion, the period is the year-ago quarter, as before.
  const q = times('Profit in the third quarter rose from the same period last year.', '2009-10-20');
  assert.equal(find(q, 'the same period last year').value, '2008-Q3');
});

test('an anaphoric date with nothing before it to refer to ("trades made that day") is left out; with a day before it, it is resolved', () => {
  const none = times('Market makers can suffer huge losses on trades made that day, dealers said.', '1989-10-30');
  assert.equal(none.find((x) => x.text === 'that day'), undefined);
  const some = times('The fund opened on Oct. 13. Redemptions were strong that day.', '1989-10-30');
  assert.equal(find(some, 'that day').value, '1989-10-13');
});

test('"the highest level in years", "lost them in just minutes": a bare plural after "in" is a vague span; "in the years after" is not', () => {
  const t = times('Home sales rose to their highest level in years.\nThe index lost 100 points in just minutes.\nIn the years after the war, trade grew.', '2008-10-10');
  assert.equal(find(t, 'years').value, 'PXY');
  assert.equal(find(t, 'minutes').value, 'PTXM');
  assert.equal(t.filter((x) => x.text === 'years').length, 1);
});

test('a bare later quarter: the nearest one — the quarter just ahead is this year\'s unless the clause looks back; three quarters back is last year\'s', () => {
  const ahead = times('Ford has announced cuts in its production, resulting in the closure of ten plants during the fourth quarter.', '2006-08-19');
  assert.equal(find(ahead, 'the fourth quarter').value, '2006-Q4');
  const back = times('Profit fell 5% in the fourth quarter, the company said.', '2007-02-10');
  assert.equal(find(back, 'the fourth quarter').value, '2006-Q4');
  // A clause that looks back ("since") keeps last year's.
  const past = times('Sales have fallen since the fourth quarter.', '2006-08-19');
  assert.equal(find(past, 'the fourth quarter').value, '2005-Q4');
});

test('"on Monday and Tuesday nights", "Friday mornings": a plural part of a weekday recurs (SET), the conjoined weekday too', () => {
  const t = times('Two new flights will leave Bombay on Monday and Tuesday nights from March 30, and a market opens Friday mornings.\nThe minister arrives on Monday and leaves Tuesday night.', '1998-02-13');
  assert.equal(find(t, 'Tuesday nights').value, 'XXXX-WXX-2TNI');
  assert.equal(find(t, 'Tuesday nights').type, 'SET');
  assert.equal(find(t, 'Monday').value, 'XXXX-WXX-1TNI');
  assert.equal(find(t, 'Friday mornings').value, 'XXXX-WXX-5TMO');
  // A single night is one date.
  assert.equal(find(t, 'Monday', 1).type, 'DATE');
});

test('"he one day follow", "could one day become": "someday", no one-day span; "in the job one day" is one', () => {
  const t = times('Farkas expressed the hope he one day follow his father. The plant could one day become a museum.\nMajor had only been in the job one day.', '1998-04-18');
  assert.equal(t.filter((x) => x.text === 'one day').length, 1);
  assert.equal(find(t, 'one day').value, 'P1D');
});

test('"about a quarter, of its dealers", "more than a quarter of": fractions, not three-month spans', () => {
  const t = times('Chrysler wants to eliminate 789, or about a quarter, of its 3,200 dealers. Banks hold more than a quarter of the bonds.\nThe plant was shut for a quarter.', '2009-05-14');
  assert.equal(t.filter((x) => x.text === 'a quarter').length, 1);
  assert.equal(find(t, 'a quarter').value, 'P1Q');
});

test('"recent" with no determiner before a plural noun points at the past (PAST_REF); "the recent sale", "most recent model" are left out', () => {
  const t = times('Investors fret about recent declines in junk bonds, and analysts blame recent losses on fears of a recession.\nThe recent sale of shares and the most recent iPhone model drew crowds.', '1989-10-27');
  const recent = t.filter((x) => x.text === 'recent');
  assert.equal(recent.length, 2);
  assert.ok(recent.every((x) => x.value === 'PAST_REF'));
});

test('review: a weekday is no named month for "the same period last year"; meeting "minutes" are no span; "was recent and affects" is no PAST_REF', () => {
  const period = times('Acme said on Tuesday that first-half profit rose 10% from the same period last year.', '2009-03-05');
  assert.equal(find(period, 'the same period last year').value, '2008');
  const minutes = times('The risk was noted in minutes released Tuesday. It was recorded in minutes of the meeting.', '2009-03-05');
  assert.equal(minutes.filter((x) => x.text === 'minutes').length, 0);
  const recent = times('The damage was recent and affects many homes.', '2009-03-05');
  assert.equal(recent.filter((x) => x.text === 'recent').length, 0);
});
