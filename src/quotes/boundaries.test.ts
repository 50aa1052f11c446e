import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Quote } from '../core/layers.js';
import { segmentText } from '../segment/segment.js';
import { extractQuotes } from './quotes.js';

function quotesOf(text: string): Quote[] {
  return extractQuotes(text, { ...segmentText(text), entities: [], mentions: [] });
}

function only(text: string): Quote {
  const qs = quotesOf(text);
  assert.equal(qs.length, 1, `expected one quote in ${JSON.stringify(text)}; got ${JSON.stringify(qs.map((q) => q.text))}`);
  return qs[0];
}

test('speakers: a name in apposition after a description the phrase reader cannot span', () => {
  const q = only('A longtime volunteer on the Ortiz campaign, Maria Delgado, said she would vote early this year.');
  assert.equal(q.speaker?.text, 'Maria Delgado');
  assert.equal(q.text, 'she would vote early this year');
});

test('speakers: "X, including Y, said" names the group', () => {
  const q = only('Several governors, including Ortiz, said the new tax would hurt small farms.');
  assert.equal(q.speaker?.text, 'Several governors, including Ortiz');
  assert.equal(q.text, 'the new tax would hurt small farms');
});

test('sources: "according to" a source the tagger breaks is still its source', () => {
  const q = only('The firm paid $2 million in fees last year, according to the most recent filings available from the county.');
  assert.equal(q.speaker?.text, 'the most recent filings available from the county');
  assert.equal(q.text, 'The firm paid $2 million in fees last year');
});

test('boundaries: a second speech verb of the same subject ends the first content', () => {
  const q = quotesOf('The mayor said the budget was balanced and promised that taxes would fall next year.');
  const first = q.find((x) => x.text.startsWith('the budget'));
  assert.ok(first);
  assert.equal(first.text, 'the budget was balanced');
});

test('boundaries: a comparison the writer adds is not part of what the poll respondents said', () => {
  const qs = quotesOf('In the survey, 52 percent of voters said the economy was improving, compared with 40 percent in March.');
  const q = qs.find((x) => x.text.startsWith('the economy'));
  assert.ok(q, JSON.stringify(qs.map((x) => x.text)));
  assert.equal(q.text, 'the economy was improving');
});

test('speakers: a quantifier alone, "N in 10 voters", a reflexive before the cue', () => {
  assert.equal(only('While some farmers welcomed the plan, many said on Monday that it came too late.').speaker?.text, 'many');
  assert.equal(only('Nearly seven in 10 voters overall said the city was safer than a year ago.').speaker?.text, 'seven in 10 voters');
  assert.equal(only('The bank itself said the branch would stay open.').speaker?.text, 'The bank');
});

test('speakers: the subject before a relative clause with its own verb, not the verb’s object', () => {
  const q = only('Teachers and parents who oppose the closure said the vote was rushed.');
  assert.ok(q.speaker && /parents$/.test(q.speaker.text), q.speaker?.text);
  assert.equal(q.text, 'the vote was rushed');
});

test('speakers: "X said A but added, “B.”" gives B the cue "added" and the same speaker; ", adding, “B”" too', () => {
  const qs = quotesOf('Mayor Lena Ortiz said the budget was tight but added, “We will not cut a single school.”');
  const direct = qs.find((q) => q.kind === 'direct');
  assert.equal(direct?.cue?.text, 'added');
  assert.equal(direct?.speaker?.text, 'Mayor Lena Ortiz');
  assert.ok(qs.some((q) => q.text === 'the budget was tight' && q.cue?.text === 'said'), JSON.stringify(qs.map((q) => q.text)));
  const two = quotesOf('“We are ready,” Ortiz said, adding, “The trucks leave at dawn.”');
  assert.deepEqual(two.map((q) => q.cue?.text), ['said', 'adding']);
});

test('speakers: an adverb before an apposition ("The paper, long a critic of …, writes")', () => {
  const q = only('The paper, long a critic of the council, writes that the vote was rushed.');
  assert.ok(q.speaker?.text.startsWith('The paper'), q.speaker?.text);
});

test('quotation marks: a no-break space before a quote that opens a sentence keeps it a standalone quote', () => {
  const qs = quotesOf('The mood was calm.\u00a0“It is not new here,” said Rep. Lena Ortiz (D-Va.)\u00a0at the time.');
  const q = qs.find((x) => x.kind === 'direct');
  assert.ok(q, JSON.stringify(qs.map((x) => x.text)));
  assert.equal(q.text, '“It is not new here,”');
  assert.equal(q.speaker?.text, 'Rep. Lena Ortiz');
});

test('continuations: “A,” X said, noting that …. “B.” — B continues A under "said"; another speaker in between breaks the run', () => {
  const qs = quotesOf('“That is the big question,” Ortiz said, noting that she would back any nominee. “We have a deep bench.”');
  const b = qs.find((q) => q.text.startsWith('“We have'));
  assert.equal(b?.cue?.text, 'said');
  assert.equal(b?.speaker?.text, 'Ortiz');
  const other = quotesOf('“That is the big question,” Ortiz said. Her rival Tom Reyes said that he would back any nominee. “We have a deep bench.”');
  assert.equal(other.find((q) => q.text.startsWith('“We have'))?.speaker?.text, 'Her rival Tom Reyes');
});

test('boundaries: a fronted adverbial before the speaker is not what was said; "According to X, writing for Y, …" skips the description', () => {
  assert.ok(!quotesOf('At a rally that night in Macon, Ortiz called the plan a disaster.').some((q) => q.text.startsWith('At a rally')));
  const qs = quotesOf('According to Lena Ortiz, writing for the Ledger, the fund received $26 million.');
  assert.deepEqual(qs.map((q) => [q.text, q.speaker?.text]), [['the fund received $26 million', 'Lena Ortiz']]);
});

test('boundaries: a fronted adverbial followed by a clause with its own subject is part of what was said', () => {
  const q = only('As a newcomer, Ms. Ortiz probably drew less attention, Mr. Kemper said.');
  assert.equal(q.speaker?.text, 'Mr. Kemper');
  assert.equal(q.text, 'As a newcomer, Ms. Ortiz probably drew less attention');
});

test('boundaries: the apposition of an inverted speaker is not part of the content', () => {
  const q = only('That plan will work only up to a point, said Halvorsen, a former budget director whose warnings have gone unheeded for years.');
  assert.equal(q.speaker?.text, 'Halvorsen');
  assert.equal(q.text, 'That plan will work only up to a point');
});

test('speakers: "said one of two witnesses who …" names the counted group', () => {
  const q = quotesOf('Mayor Ortiz spoke first. “It was a mess from start to finish,” said one of two witnesses who described the same meeting.');
  const direct = q.find((x) => x.kind === 'direct');
  assert.equal(direct?.speaker?.text, 'one of two witnesses');
});

test('speakers: a relative clause between the speaker and the cue holds no cue, and the addressee is not the speaker', () => {
  const q = quotesOf('Nobody answered. “The inspectors are under a lot of pressure,” an official, who was not authorized to speak publicly, told the Daily Ledger.');
  const direct = q.find((x) => x.kind === 'direct');
  assert.ok(direct?.speaker?.text.startsWith('an official'), direct?.speaker?.text);
});

test('speakers: the object of a participle before the cue is not the speaker', () => {
  const q = quotesOf('Nobody answered. Another official speaking to the Daily Ledger said, “The inspectors are reviewing every contract signed since March.”');
  const direct = q.find((x) => x.kind === 'direct');
  assert.equal(direct?.speaker?.text, 'Another official');
});

test('partial quotes: “…,” said X of Y / said the man who … after a partial quote names the speaker', () => {
  const q = only('The new levy “came too early for most of the farmers to understand it,” said Halvorsen of the Valley Growers Union.');
  assert.equal(q.kind, 'partial');
  assert.equal(q.speaker?.text, 'Halvorsen');
  assert.equal(q.text, 'The new levy “came too early for most of the farmers to understand it,”');
});

test('speakers: “…,” VERB NP / NP VERB after a quote is an attribution by its shape, whatever the verb', () => {
  const q = quotesOf('The board met twice. “The more the criticism mounted, the more she dug in,” remembered Ada Lindqvist, a former director. “Close the plant now!” some workers chanted on Friday. “Vote!” chants erupted.');
  const byText = (s: string): Quote | undefined => q.find((x) => x.text.includes(s));
  assert.equal(byText('criticism')?.speaker?.text, 'Ada Lindqvist');
  assert.equal(byText('criticism')?.cue?.text, 'remembered');
  assert.equal(byText('Close the plant')?.speaker?.text, 'some workers');
  assert.notEqual(byText('Vote!')?.cue?.text, 'erupted');
});

test('speakers: a hyphenated compound inside an inverted speaker phrase', () => {
  const q = quotesOf('It was late. “The turnout is going to be enormous,” said one well-connected Democrat in the county.');
  assert.ok(q[0]?.speaker?.text.startsWith('one well-connected Democrat'), q[0]?.speaker?.text);
});

test('speakers: the addressee after "telling" is never the speaker of a lead-in quote', () => {
  const q = quotesOf('The council argued for an hour. One member who attended the meeting said the chair ended the debate, telling his colleagues, “We have to vote on this tonight.”');
  const direct = q.find((x) => x.kind === 'direct');
  assert.ok(direct);
  assert.notEqual(direct.speaker?.text, 'his colleagues');
  assert.equal(direct.speaker?.text, 'One member');
});

test('speakers: the subject before a dashed aside ("Many speakers — including X, Y — said")', () => {
  const q = only('Many speakers at the vigil — including teachers, nurses and farmers — said the closure had hurt the valley.');
  assert.ok(q.speaker?.text.startsWith('Many speakers at the vigil'), q.speaker?.text);
  assert.equal(q.text, 'the closure had hurt the valley');
});

test('boundaries: a quotation opened in reported speech runs to its close across sentence ends', () => {
  const q = only('The growers’ new ad argues that “only Ortiz can win the valley. Kemper cannot do it. The numbers do not work.” The race goes on.');
  assert.equal(q.kind, 'partial');
  assert.equal(q.text, 'that “only Ortiz can win the valley. Kemper cannot do it. The numbers do not work.”');
});
