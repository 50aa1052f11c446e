/**
 * A lexicon of entity phrases learned from unlabelled recent news by self-training: a trained NER model
 * tags every article of ../shared/data/news-* (2019–2026), and each phrase (up to GAZ_MAX_LEN tokens)
 * tagged at least `minCount` times, with one type in at least `purity` of those times, is kept with that
 * type. The corpus-wide vote is what helps: "SpaceX" or "Omicron" is tagged right in most of its thousand
 * contexts, so a sentence whose own context says little still learns what the name usually is. The
 * training recipe (train.ts --news-lexicon) turns the lexicon into gazetteer kinds newsper … newsmisc.
 *
 *   node dist/entities/news-lexicon.js [--model FILE] [--news DIR]... [--min-count 3] [--purity 0.8]
 *                                      [--limit ARTICLES] [--out FILE]
 *
 * Only derived phrases and counts are written (`models/ner/news-lexicon.tsv.gz`: phrase, type, count).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { packagePath, sharedPath } from '../core/paths.js';
import { parseArgs, numberFlag, stringFlag } from '../cli/args.js';
import { GAZ_MAX_LEN, TYPES, normalizeForm, type Doc, type NerType, type TokenSpan } from './features.js';
import { DEFAULT_MODEL_PATH, loadNerModelFrom, type NerModel } from './model.js';

export const DEFAULT_LEXICON_FILE = packagePath('models', 'ner', 'news-lexicon.tsv.gz');

/** Abbreviations CoNLL keeps with their full stop ("Mr.", "Sen.", "Inc."). */
const ABBREVIATIONS = 'Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr|Inc|Corp|Co|Ltd|Mt|Ft|Jan|Feb|Aug|Sept|Oct|Nov|Dec';
/** Tokens roughly as CoNLL-2003 splits them: "U.S.", "Mr." and "COVID-19" whole, "Biden's" → Biden 's. */
const TOKEN = new RegExp(`(?<![\\p{L}\\p{N}])(?:${ABBREVIATIONS})\\.(?=\\s)|` + /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:'(?=\p{Lu})\p{L}+)?(?:[-&][\p{L}\p{N}]+)*|\p{N}+(?:[-.,][\p{N}\p{L}]+)*|'s\b|[^\s\p{L}\p{N}]/u.source, 'gu');
const SENTENCE_END = new Set(['.', '!', '?']);

/** Sentences of tokens of one article's text, split at . ! ? before a capitalised word or a quote. */
export function newsSentences(text: string, maxSentences = 400): Doc {
  const doc: Doc = [];
  for (const paragraph of normalizeForm(text).split(/\n+/)) {
    const tokens = paragraph.match(TOKEN) ?? [];
    let sentence: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      sentence.push(tokens[i]);
      const next = tokens[i + 1];
      if (SENTENCE_END.has(tokens[i]) && (next === undefined || next === '"' || /^\p{Lu}/u.test(next))) {
        doc.push(sentence);
        sentence = [];
        if (doc.length >= maxSentences) return doc;
      }
    }
    if (sentence.length > 0) doc.push(sentence);
    if (doc.length >= maxSentences) return doc;
  }
  return doc;
}

/** Per-phrase type counts: lowercase phrase (tokens joined by one space) → counts in TYPES order. */
export type PhraseVotes = Map<string, Int32Array>;

/** Adds the spans a model found in one document to the votes. */
export function addVotes(votes: PhraseVotes, doc: Doc, spans: readonly TokenSpan[][]): void {
  doc.forEach((sentence, si) => {
    for (const span of spans[si] ?? []) {
      if (span.end - span.start > GAZ_MAX_LEN) continue;
      const phrase = sentence.slice(span.start, span.end).join(' ').toLowerCase();
      let c = votes.get(phrase);
      if (c === undefined) votes.set(phrase, (c = new Int32Array(TYPES.length)));
      c[span.type]++;
    }
  });
}

export interface LexiconEntry {
  phrase: string;
  type: NerType;
  count: number;
}

/** Phrases seen at least `minCount` times whose most frequent type has at least `purity` of the votes. */
export function selectLexicon(votes: PhraseVotes, minCount: number, purity: number): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const [phrase, counts] of votes) {
    let total = 0;
    let best = 0;
    for (let t = 0; t < counts.length; t++) {
      total += counts[t];
      if (counts[t] > counts[best]) best = t;
    }
    if (total < minCount || counts[best] < purity * total) continue;
    out.push({ phrase, type: TYPES[best], count: counts[best] });
  }
  return out.sort((a, b) => b.count - a.count || (a.phrase < b.phrase ? -1 : 1));
}

export function formatLexicon(entries: readonly LexiconEntry[]): string {
  return entries.map((e) => `${e.phrase}\t${e.type}\t${e.count}`).join('\n') + '\n';
}

export function parseLexicon(text: string): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const line of text.split('\n')) {
    const [phrase, type, count] = line.split('\t');
    if (phrase === undefined || phrase === '' || !(TYPES as readonly string[]).includes(type)) continue;
    out.push({ phrase, type: type as NerType, count: Number(count) });
  }
  return out;
}

export function loadLexicon(path = DEFAULT_LEXICON_FILE): LexiconEntry[] {
  if (!existsSync(path)) return [];
  return parseLexicon(gunzipSync(readFileSync(path)).toString('utf8'));
}

/** Texts of every article in the `*.jsonl.gz` files under the folders. */
function* newsTexts(folders: readonly string[]): Generator<string> {
  for (const dir of folders) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.jsonl.gz')) continue;
      for (const line of gunzipSync(readFileSync(join(dir, name))).toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        const text = (JSON.parse(line) as { text?: unknown }).text;
        if (typeof text === 'string') yield text;
      }
    }
  }
}

export function buildVotes(model: NerModel, texts: Iterable<string>, limit = Infinity, log: (line: string) => void = () => {}): PhraseVotes {
  const votes: PhraseVotes = new Map();
  let n = 0;
  let tokens = 0;
  for (const text of texts) {
    if (n >= limit) break;
    const doc = newsSentences(text);
    if (doc.length === 0) continue;
    addVotes(votes, doc, model.tagDocument(doc));
    for (const s of doc) tokens += s.length;
    if (++n % 5000 === 0) log(`${n} articles, ${tokens} tokens, ${votes.size} phrases`);
  }
  log(`${n} articles, ${tokens} tokens, ${votes.size} phrases`);
  return votes;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), { values: ['model', 'min-count', 'purity', 'limit', 'out'], repeatable: ['news'] });
  const news = args.flags.news;
  const folders = Array.isArray(news) ? [...news] : typeof news === 'string' ? [news] : [];
  if (folders.length === 0) {
    for (const name of readdirSync(sharedPath('data')).sort()) if (name.startsWith('news-')) folders.push(sharedPath('data', name));
  }
  const t0 = Date.now();
  const log = (line: string): void => void process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${line}\n`);
  const model = loadNerModelFrom(stringFlag(args, 'model') ?? DEFAULT_MODEL_PATH);
  const votes = buildVotes(model, newsTexts(folders), numberFlag(args, 'limit', Infinity), log);
  const entries = selectLexicon(votes, numberFlag(args, 'min-count', 3), numberFlag(args, 'purity', 0.8));
  const out = stringFlag(args, 'out') ?? DEFAULT_LEXICON_FILE;
  writeFileSync(out, gzipSync(formatLexicon(entries), { level: 9 }));
  const byType = TYPES.map((t) => `${t} ${entries.filter((e) => e.type === t).length}`).join(', ');
  log(`wrote ${out}: ${entries.length} phrases (${byType})`);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) main();
