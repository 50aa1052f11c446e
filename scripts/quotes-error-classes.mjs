#!/usr/bin/env node
/**
 * Error classes of the quotes stage on PolNeAR's tune split (docs/benchmarks.md, "qrecall15"): every speech gold
 * attribution the pipeline misses end to end, and every prediction that is not right end to end, counted by cue
 * type (verb / participle / noun / "according to" / other), content shape (direct / mixed / indirect) and speaker
 * (named / pronoun / nominal / none). Matching is the eval's own (`scoreArticle`'s one-to-one, overlap ≥ 0.3).
 *
 *   npx tsc -p tsconfig.json && node scripts/quotes-error-classes.mjs [--dump /tmp/classes.txt] [--split tune]
 *
 * Tune only by default; the held-out split is refused (it is never read while choosing).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyzeQuotes, findBratPairs, overlap, parseBrat, groupPredictions, sameName, scoreArticle, splitOf } from '../dist/quotes/eval.js';
import { sharedPath } from '../dist/core/paths.js';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const split = flag('--split') ?? 'tune';
if (split !== 'tune') throw new Error('tune split only: the held-out split is never read while choosing');
const dumpPath = flag('--dump');
const TH = 0.3;
const PRONOUN = /^(?:he|she|it|they|we|i|you|who|which|his|her|their)$/i;

const textOf = (text, frags) => frags.map((f) => text.slice(f.start, f.end)).join(' … ');

/** The POS of the token starting at or covering an offset. */
function posAt(tokens, offset) {
  for (const t of tokens) if (t.end > offset) return t.pos;
  return 'X';
}

function cueClass(text, cue, tokens) {
  if (cue.length === 0) return 'none';
  const s = textOf(text, cue).toLowerCase().trim();
  if (/^according\b/.test(s)) return 'according to';
  const pos = posAt(tokens, cue[0].start);
  if (/ing\b/.test(s.split(/\s+/)[0]) && pos !== 'NOUN') return 'participle';
  if (pos === 'NOUN' || pos === 'PROPN') return 'noun';
  if (pos === 'VERB' || pos === 'AUX') return 'verb';
  return `other(${pos})`;
}

function shapeClass(contentText) {
  const t = contentText.trim();
  const marks = (t.match(/[“”"]/g) ?? []).length;
  if (marks === 0) return 'indirect';
  if (/^[“"]/.test(t) && /[”"][.,!?]?$/.test(t.replace(/[.,!?]+$/, (m) => m))) return 'direct';
  return 'mixed';
}

function speakerClass(s) {
  if (s === null) return 'none';
  const t = s.trim();
  if (PRONOUN.test(t)) return 'pronoun';
  if (/^(?:the|a|an|some|many|other|several|two|three|his|her|their|its|one|most|critics|officials|aides)\b/i.test(t)) return 'nominal';
  if (/^[A-Z]/.test(t)) return 'named';
  return 'nominal';
}

const tables = { miss: new Map(), fp: new Map() };
function count(table, key) {
  table.set(key, (table.get(key) ?? 0) + 1);
}
const dump = [];
let nSpeech = 0;
let nPred = 0;
const e2e = { pred: 0, speech: 0 };
const pairs = findBratPairs(sharedPath('data', 'polnear')).filter((p) => splitOf(p.name) === split);
for (const pair of pairs) {
  const text = readFileSync(pair.txt, 'utf8');
  const gold = parseBrat(readFileSync(pair.ann, 'utf8'), text);
  const { quotes, layers } = analyzeQuotes(text, pair.txt);
  const tokens = layers.tokens ?? [];
  const entities = layers.entities ?? [];
  const pred = groupPredictions(quotes);
  nPred += pred.length;
  const own = scoreArticle(text, quotes, gold, [TH], entities).at[String(TH)];
  e2e.pred += own.e2ePred;
  e2e.speech += own.e2eSpeech;
  const cand = [];
  pred.forEach((p, pi) => gold.forEach((g, gi) => {
    const o = overlap(p.frags, g.content);
    if (o >= TH) cand.push({ pi, gi, o });
  }));
  cand.sort((x, y) => y.o - x.o);
  const pOf = new Map();
  const gOf = new Map();
  for (const { pi, gi } of cand) {
    if (pOf.has(pi) || gOf.has(gi)) continue;
    pOf.set(pi, gi);
    gOf.set(gi, pi);
  }
  const speakerRight = (q, g) => {
    if (!g.source || g.source.length === 0) return q.speaker === null;
    if (!q.speaker) return false;
    const goldText = textOf(text, g.source);
    const ent = q.speaker.entity ? entities.find((e) => e.id === q.speaker.entity)?.name : undefined;
    const inter = g.source.some((f) => Math.min(f.end, q.speaker.end) > Math.max(f.start, q.speaker.start));
    return inter || sameName(q.speaker.text, goldText) || (ent !== undefined && sameName(ent, goldText));
  };
  gold.forEach((g, gi) => {
    if (!g.speech) return;
    nSpeech++;
    const pi = gOf.get(gi);
    let why;
    if (pi === undefined) {
      const touched = pred.some((p) => overlap(p.frags, g.content) > 0);
      why = touched ? 'overlap<0.3' : 'no prediction';
    } else if (!speakerRight(pred[pi].quote, g)) why = 'wrong speaker';
    else return;
    const src = g.source ? textOf(text, g.source) : null;
    const key = `${why} | cue ${cueClass(text, g.cue, tokens)} | ${shapeClass(textOf(text, g.content))} | spk ${speakerClass(src)}`;
    count(tables.miss, key);
    dump.push(`MISS ${key}\n  ${pair.name}\n  src=${src} cue=${textOf(text, g.cue)}\n  content=${textOf(text, g.content).slice(0, 300)}${pi !== undefined ? `\n  ours: spk=${pred[pi].quote.speaker?.text} cue=${pred[pi].quote.cue?.text}` : ''}`);
  });
  pred.forEach((p, pi) => {
    const gi = pOf.get(pi);
    const q = p.quote;
    let why;
    if (gi === undefined) why = 'matches nothing';
    else if (!speakerRight(q, gold[gi])) why = 'wrong speaker';
    else return;
    const cue = q.cue ? [{ start: q.cue.start, end: q.cue.end }] : [];
    const key = `${why} | ${q.kind} | cue ${cueClass(text, cue, tokens)} | spk ${speakerClass(q.speaker?.text ?? null)}`;
    count(tables.fp, key);
    dump.push(`FP ${key}\n  ${pair.name}\n  spk=${q.speaker?.text} cue=${q.cue?.text} conf=${q.confidence}\n  content=${p.frags.map((f) => text.slice(f.start, f.end)).join(' … ').slice(0, 300)}`);
  });
}

/** Each dimension alone (the key's ' | '-separated parts), then the 25 largest full classes. */
const print = (title, table) => {
  console.log(`\n${title}`);
  const dims = [];
  for (const [k, n] of table) k.split(' | ').forEach((part, d) => {
    dims[d] ??= new Map();
    dims[d].set(part, (dims[d].get(part) ?? 0) + n);
  });
  for (const m of dims) console.log('  ' + [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(' · '));
  for (const [k, n] of [...table.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${String(n).padStart(5)}  ${k}`);
};
const eP = e2e.pred / nPred;
const eR = e2e.speech / nSpeech;
console.log(`${split}: ${pairs.length} articles, ${nSpeech} speech gold, ${nPred} predictions; end to end ${e2e.pred} right predictions, ${e2e.speech} speech gold found: P ${eP.toFixed(4)} R ${eR.toFixed(4)} F1 ${((2 * eP * eR) / (eP + eR)).toFixed(4)}`);
print('speech gold not right end to end (why | gold cue | content shape | gold speaker)', tables.miss);
print('predictions not right end to end (why | our kind | our cue | our speaker)', tables.fp);
if (dumpPath) writeFileSync(dumpPath, dump.join('\n') + '\n');
