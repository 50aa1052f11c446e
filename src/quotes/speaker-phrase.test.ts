import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, find, name } from './test-docs.js';
import type { EntitySpec } from './testing.js';

test('speaker phrase: two coordinated organisations both speak, neither alone', () => {
  const text = "The Medical Fellowship (MF) and Lawyers' Fellowship (LF) said the bill would allow euthanasia by the back door.";
  const { quotes } = analyze(text, [{ name: 'Medical Fellowship', type: 'ORG' }, { name: "Lawyers' Fellowship", type: 'ORG' }]);
  const q = find(quotes, 'the bill would allow');
  assert.ok(q);
  assert.equal(q.speaker?.text, "The Medical Fellowship (MF) and Lawyers' Fellowship");
  assert.equal(q.speaker?.entity, null);
});

test('speaker phrase: the head before a with/to complement speaks, not the complement', () => {
  const text = 'Democrats with knowledge of the process told The Associated Press last week that the list had been cut to six names. ' +
    'Those closest to the former governor say he is still considering a run for the seat.';
  const { quotes } = analyze(text, [{ name: 'Democrats', type: 'MISC' }, { name: 'Associated Press', type: 'ORG' }]);
  assert.equal(find(quotes, 'that the list had been cut')?.speaker?.text, 'Democrats with knowledge of the process');
  const close = find(quotes, 'he is still considering');
  assert.equal(close?.speaker?.text, 'Those closest to the former governor');
  assert.equal(close?.speaker?.kind, 'anonymous');
  assert.equal(close?.speaker?.owner?.text, 'former governor');
});

test('speaker phrase: a member named inside a "which includes" clause is not the speaker', () => {
  const text = "The Care Alliance, which includes the Alzheimer's Society, Age Concern, Mencap and the Autistic Society, said the rules had to be made clearer.";
  const { quotes, layers } = analyze(text, [
    { name: 'Care Alliance', type: 'ORG' }, { name: 'Age Concern', type: 'ORG' }, { name: 'Mencap', type: 'ORG' }, { name: 'Autistic Society', type: 'ORG' },
  ]);
  const q = find(quotes, 'the rules had to be');
  assert.equal(q?.speaker?.text, 'The Care Alliance');
  assert.equal(name(layers, q?.speaker?.entity), 'Care Alliance');
});

test('speaker phrase: "wrote to X saying" — the writer speaks, X is the addressee', () => {
  const text = 'Earlier, party chairman John Webb wrote to the regulator saying: "The advice we were given is that such calls are illegal."';
  const { quotes, layers } = analyze(text, [{ name: 'John Webb', type: 'PER' }]);
  const q = find(quotes, 'The advice we were given');
  assert.equal(name(layers, q?.speaker?.entity), 'John Webb');
  assert.equal(q?.addressee?.text, 'the regulator');
});

test('speaker phrase: the object of another verb before a participle is not an addressee', () => {
  const text = 'Party chairman John Webb attacked the regulator saying: "The advice we were given is that such calls are illegal."';
  const { quotes, layers } = analyze(text, [{ name: 'John Webb', type: 'PER' }]);
  const q = find(quotes, 'The advice we were given');
  assert.equal(name(layers, q?.speaker?.entity), 'John Webb');
  assert.equal(q?.addressee ?? null, null);
});

test('speaker phrase: relative "who" is the phrase it hangs on, not the nearest person named', () => {
  const text = 'Damian Hockney accused the party of a deal with the Tories. But the claim was denied by a party spokesman, who said: "These accusations are as empty as his sense of political morals."\n\n' +
    'In the spirit of humorist Will Rogers – who once famously said, "I am not a member of any organized political party." – the chairman wrote a column.';
  const { quotes, layers } = analyze(text, [{ name: 'Damian Hockney', type: 'PER' }, { name: 'Will Rogers', type: 'PER' }]);
  const denied = find(quotes, 'These accusations');
  assert.equal(denied?.speaker?.text, 'who');
  assert.equal(denied?.speaker?.entity, null);
  assert.equal(denied?.speaker?.antecedent?.text, 'a party spokesman');
  assert.equal(name(layers, find(quotes, 'I am not a member')?.speaker?.entity), 'Will Rogers');
});

test('speaker: "he" after a sentence whose subject is a person takes that person; two people or a title of the other gender leave it open', () => {
  const specs: EntitySpec[] = [
    { name: 'David Davis', type: 'PER', aliases: ['Mr Davis'] }, { name: 'Tony Blair', type: 'PER' }, { name: 'Gordon Brown', type: 'PER' }, { name: 'Jane Smith', type: 'PER' },
  ];
  const blair = analyze('Mr Davis said the plan would fail. On Monday Tony Blair insisted the borders were safe. He said the union needed a faster process.', specs);
  assert.equal(name(blair.layers, find(blair.quotes, 'the union needed')?.speaker?.entity), 'Tony Blair');
  const two = analyze('Mr Davis said the plan would fail. Tony Blair and Gordon Brown met on Monday. He said the union needed a faster process.', specs);
  const open = find(two.quotes, 'the union needed');
  assert.ok(!open || !['Tony Blair', 'Gordon Brown'].includes(name(two.layers, open.speaker?.entity) ?? ''));
  const she = analyze('Mr Davis said the plan would fail. Mrs Jane Smith opened the meeting on Monday. He said the union needed a faster process.', specs);
  assert.equal(name(she.layers, find(she.quotes, 'the union needed')?.speaker?.entity), 'David Davis');
});

test('speaker: "the party" is the party that was a sentence subject, not one named in passing after it', () => {
  const text = 'The UK Independence Party could take legal action against two members who defected to the Veritas Party.\n\n' +
    'The party argues the pair should give up their seats as they won them as its representatives.';
  const { quotes, layers } = analyze(text, [{ name: 'UK Independence', type: 'ORG' }, { name: 'Veritas Party', type: 'ORG' }]);
  assert.equal(name(layers, find(quotes, 'the pair should give up')?.speaker?.entity), 'UK Independence');
});

test('speaker: "the ministry" refers back to "the Defense Ministry in Bucharest" by its core, not to a ministry named since', () => {
  const text = 'The Defense Ministry in Bucharest said the drone fell in a field near the border. Russia\'s Foreign Ministry did not comment on Friday. ' +
    'The ministry added that no one was hurt in the village.';
  const { quotes, layers } = analyze(text, [{ name: 'Defense Ministry', type: 'ORG' }, { name: 'Foreign Ministry', type: 'ORG' }, { name: 'Russia', type: 'LOC' }]);
  assert.equal(name(layers, find(quotes, 'that no one was hurt')?.speaker?.entity), 'Defense Ministry');
});

test('speaker: "the paper" is the publication quoted just before; "he" never refers back to two people', () => {
  const text = 'The former president repeated his claim that the vote was stolen, says The Times. And he hinted that he would run again in 2024, the paper adds.\n\n' +
    'Hillary Clinton and Sen. Bernie Sanders campaigned in California on Sunday, she and Sanders said on Monday.\n\nSpeaking later, he said the convention would be contested.';
  const { quotes, layers } = analyze(text, [{ name: 'The Times', type: 'ORG' }, { name: 'Hillary Clinton', type: 'PER' }, { name: 'Bernie Sanders', type: 'PER', aliases: ['Sanders'] }]);
  assert.equal(name(layers, find(quotes, 'And he hinted')?.speaker?.entity), 'The Times');
  const he = find(quotes, 'the convention would be');
  assert.ok(!he?.speaker?.antecedent || !/ and /.test(he.speaker.antecedent.text), 'no coordinated antecedent for "he"');
});

test('speaker phrase: two descriptions of one person joined by "and" stay one person', () => {
  const text = '"North Korea is run by a lunatic who has been expanding his nuclear arsenal," the Florida senator and Republican presidential candidate said in a statement.';
  const { quotes } = analyze(text, [{ name: 'North Korea', type: 'LOC' }]);
  const q = find(quotes, 'North Korea is run');
  assert.equal(q?.speaker?.text, 'the Florida senator and Republican presidential candidate');
  // one described person (a nominal), not a coordinated group of speakers (kind 'name' with no entity)
  assert.equal(q?.speaker?.kind, 'nominal');
});

test('speaker: the subject "It" refers back to is found from the sentence start, never from a point inside a long sentence', () => {
  // a sentence of over 80 tokens: whatever its length after "the committee report", "It" is not read against a
  // phrase in its middle as if a sentence began there
  for (let m = 60; m < 90; m += 1) {
    const text = `Lawmakers argued ${'again and again, '.repeat(20)}while the committee report was published ${'very '.repeat(m)}late. It said the plan was unsafe for the town.`;
    const { quotes } = analyze(text);
    const q = find(quotes, 'the plan was unsafe');
    assert.ok(!q?.speaker?.antecedent || !/committee report/.test(q.speaker.antecedent.text), `m=${m}: ${q?.speaker?.antecedent?.text}`);
  }
});
