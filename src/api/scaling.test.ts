import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assemblePipeline, type Component } from '../core/pipeline.js';
import { makeArticle } from '../core/article.js';
import { DEFAULT_COMPONENTS } from './default-pipeline.js';

/** Components whose cost must grow linearly with article length (quotes and events are checked by their owners). */
const LINEAR = ['segment', 'entities', 'time', 'quantities', 'places'];

const SENTENCES = [
  'The minister said on Tuesday that 14 people were killed in Kharkiv. ',
  'Officials in Kyiv reported 3 drones shot down near Odesa overnight. ',
  '"We will not stop," President Zelensky told reporters in Brussels last week. ',
  'Prices rose 4.5% in March, the central bank of Ukraine said. ',
  'Dmitry Peskov, the Kremlin spokesman, denied the report on 12 May 2025. ',
];

function text(chars: number): string {
  let s = '';
  for (let i = 0; s.length < chars; i++) s += SENTENCES[i % SENTENCES.length] + (i % 7 === 6 ? '\n\n' : '');
  return s.slice(0, chars);
}

test('doubling an article at most about doubles the time of segment, entities, time, quantities and places', () => {
  const spent: Record<string, number> = {};
  const timed: Component[] = DEFAULT_COMPONENTS.filter((c) => c.name !== 'events').map((c) => ({
    ...c,
    run: (article, layers, context) => {
      // CPU time, not wall time: on a busy shared machine the wall clock measures the neighbours.
      const started = process.cpuUsage();
      const out = c.run(article, layers, context);
      const used = process.cpuUsage(started);
      spent[c.name] = (spent[c.name] ?? 0) + (used.user + used.system) / 1000;
      return out;
    },
  }));
  const pipeline = assemblePipeline(timed);
  const measure = (chars: number): Record<string, number> => {
    const best: Record<string, number> = {};
    for (let run = 0; run < 3; run++) {
      for (const k of Object.keys(spent)) spent[k] = 0;
      pipeline.run(makeArticle({ text: text(chars), origin: { file: 'scale', format: 'text' } }));
      for (const name of LINEAR) best[name] = Math.min(best[name] ?? Infinity, spent[name]);
    }
    return best;
  };
  measure(2000); // models load on first use
  const small = measure(50_000);
  const large = measure(100_000);
  for (const name of LINEAR) {
    // ~2× expected; 3× leaves room for a shared, busy machine, while quadratic growth gives 4×.
    assert.ok(large[name] <= 3 * small[name] + 50, `${name}: ${small[name].toFixed(0)} ms → ${large[name].toFixed(0)} ms for twice the text`);
  }
});

test('an article over the analysis cap is analysed over its first part, with a warning; a 20 MB single word does not overflow the stack', () => {
  const pipeline = assemblePipeline(DEFAULT_COMPONENTS, { maxAnalysedChars: 5000 });
  const long = text(12_000);
  const result = pipeline.run(makeArticle({ text: long, origin: { file: 'cap', format: 'text' } }));
  assert.equal(result.article.text, long, 'the article itself is whole');
  const warning = result.diagnostics.find((d) => d.code === 'ARTICLE_TOO_LARGE');
  assert.ok(warning, 'a warning says the article was cut');
  for (const s of result.layers.sentences ?? []) assert.ok(s.end <= 5000);
  assert.ok((result.layers.sentences ?? []).length > 0);
  const word = assemblePipeline(DEFAULT_COMPONENTS, { maxAnalysedChars: 200_000 }).run(makeArticle({ text: 'a'.repeat(20_000_000), origin: { file: 'word', format: 'text' } }));
  assert.ok(!word.diagnostics.some((d) => d.code === 'COMPONENT_FAILED'), JSON.stringify(word.diagnostics.map((d) => d.message)));
});
