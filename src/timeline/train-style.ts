/**
 * `npm run train:timeline`: trains the timeline-style prior (style.ts), writes models/timeline/style.json.
 *
 * - positives: the sentences of journalists' timelines — ../shared/data/crisis (Egypt, Libya, Syria,
 *   Yemen) and the Timeline17 timelines of bpoil, egypt, finan, iraq, libya and syria. Never h1n1 (the
 *   held-out topic of `eval timeline`), nor mj and haiti (its development topics: the stage's weight
 *   for the prior is chosen there, so they stay unseen by the model);
 * - negatives: ordinary news sentences of other years and topics — AllSides political news 2019–2020 and
 *   RealTime QA world news, segmented as ingest does, kept only when the stage could show them (the
 *   same length, word-share and direct-speech bounds as prepare.ts).
 * Word features are kept only for words the timelines of at least MIN_GROUPS topics use, so that no
 * topic's names or subject words (Gaddafi, oil, Trump) are learned as style. The trainer prints a
 * leave-one-topic-out check: for each topic, the model trained without its timelines ranks them
 * against held-out negatives (AUC).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sharedPath } from '../core/paths.js';
import { dirname } from 'node:path';
import { trainLogistic } from '../events/logistic.js';
import { sectionNews, topicFiles, WORLD_SECTION } from '../events/training-corpora.js';
import { segmentText } from '../segment/segment.js';
import { TIMELINE_PARAMS } from './params.js';
import { STYLE_MODEL_PATH, styleFeatures, styleScore, type StyleModel } from './style.js';
import { quotedShare, wordStats } from './text.js';

const POSITIVE_TOPICS: ReadonlyArray<['crisis' | 'timeline17', string]> = [
  ['crisis', 'egypt'], ['crisis', 'libya'], ['crisis', 'syria'], ['crisis', 'yemen'],
  ['timeline17', 'bpoil'], ['timeline17', 'egypt'], ['timeline17', 'finan'], ['timeline17', 'iraq'], ['timeline17', 'libya'], ['timeline17', 'syria'],
];
const MIN_GROUPS = Number(process.env.MIN_GROUPS ?? 5);
const ALLSIDES_ARTICLES = 600;
const WORLD_ARTICLES = 400;
/** Every DEV_EVERY-th negative article is held out for the leave-one-topic-out check. */
const DEV_EVERY = 5;
const OPTIONS = { minCount: 3, epochs: 10, rate: 0.3, l2: 1e-3, prune: 0.02, threshold: 0.5, weightDigits: 3 };

interface Example {
  features: string[];
  label: 0 | 1;
  group: string;
}

function showable(text: string): boolean {
  const { tokens, words } = wordStats(text);
  return words >= TIMELINE_PARAMS.minWords && tokens <= TIMELINE_PARAMS.maxWords && words / Math.max(1, tokens) >= TIMELINE_PARAMS.minWordShare && !/[?|]/.test(text) && quotedShare(text) < TIMELINE_PARAMS.directSpeech;
}

function positives(): Example[] {
  const seen = new Set<string>();
  const out: Example[] = [];
  for (const [corpus, topic] of POSITIVE_TOPICS) {
    for (const file of topicFiles(corpus, topic)) {
      // One sentence a line; date lines and the dashed block separators are no sentences.
      for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
        const t = line.trim();
        if (!t || /^-{8,}$/.test(t) || /^\d{4}-\d{2}-\d{2}$/.test(t) || seen.has(t) || wordStats(t).words < TIMELINE_PARAMS.minWords) continue;
        seen.add(t);
        out.push({ features: styleFeatures(t), label: 1, group: topic });
      }
    }
  }
  return out;
}

function negatives(): Example[] {
  const texts = [...spread(allsidesTexts(), ALLSIDES_ARTICLES), ...sectionNews(WORLD_SECTION, WORLD_ARTICLES).map((r) => r.text)];
  const out: Example[] = [];
  texts.forEach((text, i) => {
    const group = i % DEV_EVERY === 0 ? 'news-dev' : 'news';
    for (const s of segmentText(text).sentences) {
      const t = text.slice(s.start, s.end).trim();
      if (showable(t)) out.push({ features: styleFeatures(t), label: 0, group });
    }
  });
  return out;
}

/** The texts of every AllSides article (all its political news topics), in file order. */
function allsidesTexts(): string[] {
  const path = sharedPath('data', 'news-allsides-2019-2020', 'articles.jsonl.gz');
  if (!existsSync(path)) return [];
  return gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text?: string }).text ?? '')
    .filter(Boolean);
}

function spread<T>(rows: readonly T[], limit: number): T[] {
  const step = Math.max(1, rows.length / limit);
  const out: T[] = [];
  for (let i = 0; Math.floor(i) < rows.length && out.length < limit; i += step) out.push(rows[Math.floor(i)]);
  return out;
}

/** Drops word features (`w:`, `first:` words) that the timelines of fewer than MIN_GROUPS topics use. */
function restrictWords(data: Example[], held: string | null): Example[] {
  const groups = new Map<string, Set<string>>();
  for (const x of data) {
    if (x.label !== 1 || x.group === held) continue;
    for (const f of x.features) if (f.startsWith('w:') || f.startsWith('first:')) (groups.get(f) ?? groups.set(f, new Set()).get(f)!).add(x.group);
  }
  const keep = (f: string) => !(f.startsWith('w:') || (f.startsWith('first:') && f !== 'first:num')) || (groups.get(f)?.size ?? 0) >= MIN_GROUPS;
  return data.map((x) => ({ ...x, features: x.features.filter(keep) }));
}

function train(data: Example[]): StyleModel {
  const m = trainLogistic(data, OPTIONS);
  return { version: m.version, bias: m.bias, weights: m.weights };
}

function auc(pos: number[], neg: number[]): number {
  const all = [...pos.map((s) => ({ s, y: 1 })), ...neg.map((s) => ({ s, y: 0 }))].sort((a, b) => a.s - b.s);
  let rank = 0;
  let sum = 0;
  all.forEach((x, i) => {
    rank = i + 1;
    if (x.y === 1) sum += rank;
  });
  return (sum - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}

function main(): void {
  const pos = positives();
  const neg = negatives();
  console.log(`positives ${pos.length} timeline sentences, negatives ${neg.length} news sentences; words kept when ≥ ${MIN_GROUPS} topics' timelines use them`);
  const score = (m: StyleModel, x: Example) => {
    let z = m.bias;
    for (const f of x.features) z += m.weights[f] ?? 0;
    return z;
  };
  const rows: string[] = [];
  for (const topic of process.env.LOTO === '0' ? [] : [...new Set(pos.map((x) => x.group))]) {
    const train_ = restrictWords([...pos.filter((x) => x.group !== topic), ...neg.filter((x) => x.group === 'news')], topic);
    const m = train(train_);
    const a = auc(pos.filter((x) => x.group === topic).map((x) => score(m, x)), neg.filter((x) => x.group === 'news-dev').map((x) => score(m, x)));
    rows.push(`${topic} ${a.toFixed(3)}`);
  }
  console.log(`leave-one-topic-out AUC (held-out timelines vs held-out news): ${rows.join(', ')}`);
  const model = train(restrictWords([...pos, ...neg], null));
  mkdirSync(dirname(STYLE_MODEL_PATH), { recursive: true });
  writeFileSync(STYLE_MODEL_PATH, JSON.stringify(model, null, 0) + '\n');
  const top = Object.entries(model.weights).sort((a, b) => b[1] - a[1]);
  console.log(`wrote ${STYLE_MODEL_PATH}: ${top.length} weights; highest ${top.slice(0, 15).map(([f, w]) => `${f} ${w}`).join(', ')}`);
  console.log(`lowest ${top.slice(-15).map(([f, w]) => `${f} ${w}`).join(', ')}`);
  const examples = ['Police arrested three men in Cairo on Tuesday after the attack.', '“I think we have to wait and see,” he said.', 'You can read more about it here.'];
  for (const e of examples) console.log(`  ${styleScore(model, e).toFixed(3)}  ${e}`);
}

main();
