import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assemblePipeline } from '../core/pipeline.js';
import { makeArticle } from '../core/article.js';
import type { Entity, Layers } from '../core/layers.js';
import { DEFAULT_COMPONENTS } from './default-pipeline.js';

// Two different hand-made articles: people, places, dates, quotes, counts and a violent event each.
const A = [
  'Fourteen people were killed in an attack near Kabul on Tuesday, the interior ministry said.',
  '"We will not stop until those responsible are found," Interior Minister Ahmad Karimi told reporters in Kabul on Wednesday.',
  'Karimi said 23 others were wounded and that 3 suspects had been arrested in Jalalabad.',
].join(' ');
const B = [
  'Police in Manchester said on 12 May 2025 that three men were arrested after a £2.5m robbery at a jeweller in the city centre.',
  'Detective Inspector Sarah Collins of Greater Manchester Police said the men, aged 24 to 31, would appear in court on Friday.',
  '"This was a planned and violent raid," Collins said.',
].join('\n');

function article(text: string) {
  return makeArticle({ text, origin: { file: 'windowed', format: 'text' }, published: '2025-05-14', publishedSource: 'metadata' });
}

/**
 * The items of `layers` that lie in [from, to), as facts independent of where they sit: spans relative
 * to `from`, entity references by type and key, sentence, paragraph, time and quantity indexes and event
 * ids relative to the first of the part.
 */
function facts(layers: Layers, from: number, to: number): Record<string, string[]> {
  const entities = layers.entities ?? [];
  const keyOf = (ref: string | number): string => {
    const e: Entity | undefined = typeof ref === 'number' ? entities[ref] : entities.find((x) => x.id === ref);
    return e ? `${e.type}|${e.key}` : String(ref);
  };
  const inside = (x: { start: number }) => x.start >= from && x.start < to;
  const first = (name: 'sentences' | 'paragraphs' | 'times' | 'quantities' | 'events') => (layers[name] ?? []).findIndex((x) => inside(x));
  const sentence = first('sentences');
  const paragraph = layers.sentences?.[sentence]?.paragraph ?? 0;
  const base = { sentence, index: sentence, paragraph, timex: first('times'), quantity: first('quantities'), event: first('events') };
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm);
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const span = typeof o.start === 'number' && typeof o.end === 'number';
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) {
      if (span && (k === 'start' || k === 'end')) out[k] = (x as number) - from;
      else if ((k === 'entity' || k === 'owner') && (typeof x === 'number' || (typeof x === 'string' && /^e\d+$/.test(x)))) out[k] = keyOf(x);
      else if ((k === 'sentence' || k === 'index' || k === 'paragraph' || k === 'timex' || k === 'quantity') && typeof x === 'number') out[k] = x - base[k];
      else if (k === 'quantities' && Array.isArray(x)) out[k] = x.map((q: number) => q - base.quantity);
      else if (k === 'id' && typeof x === 'string' && /^v\d+$/.test(x)) out[k] = Number(x.slice(1)) - base.event;
      else if (k === 'id' || k === 'confidence') continue;
      else out[k] = norm(x);
    }
    return out;
  };
  const result: Record<string, string[]> = {};
  for (const name of ['sentences', 'tokens', 'mentions', 'times', 'quotes', 'quantities', 'places', 'events'] as const) {
    result[name] = (layers[name] ?? []).filter(inside).map((x) => JSON.stringify(norm(x)));
  }
  // An entity's facts in the part: its key, type, name and the mentions and roles that lie in it.
  result.entities = entities
    .map((e) => ({ ...e, mentions: e.mentions.filter(inside), roles: e.roles.filter((r) => inside(r.evidence)) }))
    .filter((e) => e.mentions.length > 0)
    .map((e) => JSON.stringify(norm({ type: e.type, key: e.key, name: e.name, owner: e.owner, mentions: e.mentions, roles: e.roles })))
    .sort();
  return result;
}

/** Analyses `unit` alone, then `copies` copies of it (joined by `sep`) in windows that each hold one copy. */
function compare(unit: string, sep: string, copies: number): { alone: Layers; whole: Layers; windowsSeen: number } {
  const alone = assemblePipeline(DEFAULT_COMPONENTS).run(article(unit));
  assert.equal(alone.diagnostics.find((d) => d.code === 'ARTICLE_WINDOWED'), undefined);
  const text = Array.from({ length: copies }, () => unit).join(sep);
  const pipeline = assemblePipeline(DEFAULT_COMPONENTS, { windowChars: unit.length + sep.length + 5 });
  const whole = pipeline.run(article(text));
  const note = whole.diagnostics.find((d) => d.code === 'ARTICLE_WINDOWED');
  assert.ok(note, 'a windowed article says so');
  const windowsSeen = Number(/in (\d+) windows/.exec(note.message)?.[1]);
  const expected = facts(alone.layers, 0, unit.length);
  for (const name of Object.keys(expected)) assert.ok(expected[name].length > 0 || name === 'events', `the unit has ${name}`);
  assert.ok(expected.events.length > 0, 'the unit has events');
  for (let r = 0; r < copies; r++) {
    const from = r * (unit.length + sep.length);
    assert.deepEqual(facts(whole.layers, from, from + unit.length), expected, `copy ${r}`);
  }
  return { alone: alone.layers, whole: whole.layers, windowsSeen };
}

test('an article read in windows has, per window, the facts of its text analysed alone, at shifted offsets', () => {
  const unit = `${A}\n\n${B}`;
  const { alone, whole, windowsSeen } = compare(unit, '\n\n', 4);
  assert.equal(windowsSeen, 4);
  // Entities of one name are one entity across windows; paragraphs and sentences are numbered on.
  assert.equal(whole.entities!.length, alone.entities!.length);
  const karimi = whole.entities!.find((e) => e.name.includes('Karimi'))!;
  assert.equal(karimi.mentions.length, 4 * alone.entities!.find((e) => e.name.includes('Karimi'))!.mentions.length);
  assert.ok(whole.entities!.every((e, i) => e.id === `e${i}`));
  assert.deepEqual(whole.paragraphs!.map((p) => p.index), whole.paragraphs!.map((_, i) => i));
  assert.equal(whole.paragraphs!.length, 4 * alone.paragraphs!.length);
  assert.deepEqual(whole.sentences!.map((s) => s.index), whole.sentences!.map((_, i) => i));
  assert.deepEqual(whole.events!.map((e) => e.id), whole.events!.map((_, i) => `v${i}`));
  for (const m of whole.mentions!) assert.ok(whole.entities![m.entity].mentions.some((s) => s.start === m.start));
});

test('a one-line article is cut after sentences; the paragraph cut by each window is one paragraph again', () => {
  const unit = `${A} ${B.replace(/\n/g, ' ')}`;
  const { whole } = compare(unit, ' ', 3);
  const text = Array.from({ length: 3 }, () => unit).join(' ');
  assert.deepEqual(whole.paragraphs, [{ start: 0, end: text.length, index: 0 }]);
  assert.ok(whole.sentences!.every((s) => s.paragraph === 0));
  for (const t of whole.tokens!.slice(0, 200)) assert.ok(text.slice(t.start, t.end).trim().length > 0);
});

test('the analysis cap still holds (with its warning) when the analysed part is read in windows', () => {
  const unit = `${A}\n\n${B}`;
  const text = Array.from({ length: 6 }, () => unit).join('\n\n');
  const result = assemblePipeline(DEFAULT_COMPONENTS, { maxAnalysedChars: 2 * unit.length, windowChars: 1000 }).run(article(text));
  assert.ok(result.diagnostics.some((d) => d.code === 'ARTICLE_TOO_LARGE'));
  assert.ok(result.diagnostics.some((d) => d.code === 'ARTICLE_WINDOWED'));
  const last = Math.max(...result.layers.tokens!.map((t) => t.end));
  assert.ok(last <= 2 * unit.length && last > unit.length, `${last}`);
});
