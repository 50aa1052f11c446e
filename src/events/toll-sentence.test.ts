/**
 * A toll told after a violent event joins it only when its own sentence tells violence
 * (toll-sentence.ts): hand-made reports.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPipeline } from '../api/default-pipeline.js';
import { makeArticle } from '../core/article.js';
import type { EventRecord } from '../core/layers.js';

const pipeline = defaultPipeline();

function events(text: string): EventRecord[] {
  const article = makeArticle({ text, origin: { file: 'test', format: 'text', record: 0 }, published: '2021-03-02' });
  return (pipeline.run(article).layers.events ?? []).filter((e) => e.acled);
}
const killed = (es: EventRecord[]) => es.map((e) => e.killed?.value ?? 0);

test('toll-sentence: a bare "confirmed dead" in a quake report is no clash\'s toll', () => {
  const es = events(
    'The earthquake flattened much of the capital on Tuesday. Aftershocks shook the island again overnight, and the quake left thousands homeless. ' +
      'Police clashed with looters in the market on Wednesday. The UN says 16 people are confirmed dead.',
  );
  assert.ok(es.length > 0, 'the clash gives an event');
  assert.ok(!killed(es).includes(16), `no event carries the quake's 16 dead: ${JSON.stringify(killed(es))}`);
});

test('toll-sentence: deaths from disease or a flood after an attack are not the attack\'s toll', () => {
  const a = events('Gunmen shelled the town of Kera on Monday. Five patients died from lack of medicine at the clinic.');
  assert.ok(a.length > 0);
  assert.ok(!killed(a).includes(5), JSON.stringify(killed(a)));
  const b = events('Militants attacked the village of Kera on Monday. Twelve people died in the floods on Wednesday.');
  assert.ok(b.length > 0);
  assert.ok(!killed(b).includes(12), JSON.stringify(killed(b)));
});

test('toll-sentence: "Three officers died" right after an attack is its toll', () => {
  const es = events('On 9 May, in Celaya, armed men attacked a police patrol using grenades and firearms. Three officers died.');
  assert.ok(killed(es).includes(3), JSON.stringify(killed(es)));
});

test('toll-sentence: in a disaster article an agent of harm still carries the toll', () => {
  const es = events(
    'The earthquake flattened much of the capital on Tuesday. Aftershocks shook the island again overnight, and the quake left thousands homeless. ' +
      'Gang members opened fire on a crowd at a food depot on Friday. Four people were killed.',
  );
  assert.ok(killed(es).includes(4), JSON.stringify(killed(es)));
});
