/**
 * The learned toll attribution: whether a death toll the rules propose for an event (a `killed` figure
 * a merged event keeps, cluster-figures.ts) counts the people killed in that event, or another
 * incident's dead, a tally, a part of the toll or a misread number. A small logistic model over general
 * features of the figure in its sentence (models/events/toll.json, rebuilt by `npm run train:events-toll`
 * from the dev reports of test-fixtures/local-news-real). A figure it rejects is dropped; when it
 * rejects every killed figure of an event, the event has no killed figure (unknown), never 0.
 *
 * Injured figures have a model of their own (`injured` in the same file: same features, its own
 * weights and threshold, labelled with the reports' gold injured counts where the text states one);
 * the file may carry none, and injured figures are then left to the rules.
 *
 * It reads news reports only (MIN_PARAGRAPHS paragraphs or more): a one-paragraph note (an ACLED row,
 * a wire brief) tells one incident, and its toll is left to the rules.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { EventFigure, Place } from '../core/layers.js';
import { packagePath } from '../core/paths.js';
import { haversineKm } from './haversine.js';
import type { LogisticModel } from './logistic.js';
import type { RawEvent } from './raw-event.js';
import { SETTING_KM } from './setting.js';
import { NUMBER_WORD, parseCount } from '../time/lexicon.js';

export const TOLL_MODEL_PATH = packagePath('models', 'events', 'toll.json');

/** Articles with fewer paragraphs are notes, not reports: the model leaves their tolls alone. */
export const MIN_PARAGRAPHS = 3;

/** What the model needs to know of the article. */
export interface TollContext {
  paragraphs: number;
  /** The counts its title states ("Mass shootings at New Zealand mosques kill 49": 49). */
  titleCounts?: ReadonlySet<number>;
}

const TITLE_COUNT = new RegExp(`(?:^|[^\\w.,])(\\d{1,3}(?:,\\d{3})+|\\d+|${NUMBER_WORD})(?![\\w])`, 'gi');

/** The counts a title states, as digits or number words (a headline's toll is the report's own more often than not). */
export function titleCounts(title: string | null | undefined): Set<number> {
  const out = new Set<number>();
  for (const m of (title ?? '').matchAll(TITLE_COUNT)) {
    const n = parseCount(m[1].replace(/,/g, ''));
    // A four-digit number without a separator in 1800–2099 is a year (figures.ts).
    if (n !== null && n >= 1 && Number.isInteger(n) && !(/^\d{4}$/.test(m[1]) && n >= 1800 && n <= 2099)) out.add(n);
  }
  return out;
}

/** The killed-figure model, with the injured-figure model inside it when one was trained. */
export interface TollModel extends LogisticModel {
  injured?: LogisticModel;
}

let loaded: TollModel | null | undefined;
let override: TollModel | null | undefined;

/** The shipped model, or the one set by setTollModel (training and its cross-validation). */
export function tollModel(): TollModel | null {
  if (override !== undefined) return override;
  if (loaded === undefined) loaded = existsSync(TOLL_MODEL_PATH) ? (JSON.parse(readFileSync(TOLL_MODEL_PATH, 'utf8')) as TollModel) : null;
  return loaded;
}

/** Replace the model (null: none, every figure kept); undefined goes back to the shipped one. */
export function setTollModel(model: TollModel | null | undefined): void {
  override = model;
}

/** The toll kinds the models judge. */
export type TollKind = 'killed' | 'injured';

/** A candidate figure as training sees it: its kind, features and value. */
export interface TollCandidate {
  kind: TollKind;
  features: string[];
  value: number;
}

/** Where training collects each candidate it sees; off when null. */
export let tollCandidateSink: TollCandidate[] | null = null;
export function setTollCandidateSink(sink: TollCandidate[] | null): void {
  tollCandidateSink = sink;
}

/** Words whose presence in the figure's sentence tells a tally, another incident, a hedge or an update. */
const CUES: ReadonlyArray<[string, RegExp]> = [
  ['since', /\bsince\b/],
  ['year', /\b(?:this|last|each|every|per|a) year\b|\byearly\b|\bannual/],
  ['so-far', /\bso far\b|\bto date\b/],
  ['total', /\btotal\b|\btally\b|\bcombined\b/],
  ['toll', /\btoll\b/],
  ['deadliest', /\bdeadliest\b|\bworst\b/],
  ['year-number', /\b(?:19|20)\d\d\b/],
  ['perfect', /\b(?:has|have|had) (?:been )?(?:killed|died|claimed)\b/],
  ['modal', /\b(?:would|could|might|may) have\b/],
  ['another', /\banother\b|\bprevious\b|\bearlier\b|\bother\b/],
  ['ago', /\bago\b|\banniversary\b/],
  ['after', /\b(?:after|following|comes? (?:just )?(?:days|weeks|months) after)\b/],
  ['including', /\bincluding\b|\bamong\b|\bof whom\b/],
  ['rose', /\b(?:rose|risen|climbed|increased|grew) to\b/],
  ['at-least', /\bat least\b/],
  ['stats', /\baccording to (?:data|the gun violence archive|statistics|figures)\b|\bdatabase\b|\bstatistic/],
  ['mass-shootings', /\bmass (?:shootings|killings)\b|\bshootings\b|\bcrashes\b|\baccidents\b/],
  ['nation', /\bnationwide\b|\bin the (?:us|u\.s\.|united states|country)\b|\bacross the\b/],
  ['charged', /\bcounts? of\b|\bcharged\b|\bcharges\b/],
  ['wounded', /\b(?:wounded|injured|hurt|injuries)\b/],
  ['or-injured', /\b(?:died|killed|dead) or (?:were )?(?:injured|wounded)\b|\binjured or (?:killed|deceased|dead)\b/],
  ['measure', /\b(?:yards|feet|miles|meters|metres|km|kilometers|minutes|hours|rounds|shots|bullets)\b/],
  ['quote', /["“”]/],
];

/** Words either side of the number that are features (wider windows and the trigger word overfit the dev reports). */
const WINDOW_BEFORE = 2;
const WINDOW_AFTER = 2;
const bucket = (v: number): string => (v <= 1 ? '1' : v <= 3 ? '2-3' : v <= 9 ? '4-9' : v <= 49 ? '10-49' : v <= 199 ? '50-199' : '200+');
const norm = (w: string): string => (/^\d/.test(w) ? '#' : w);

/**
 * Features of a killed (or injured) figure `f` of the event whose mentions are `ms` (the mention `m` carries it):
 * its value (bucketed), hedge and unit; the two words either side of it; the cue words of its
 * sentence; its distance to the trigger; whether it was told in another sentence than its trigger;
 * its paragraph; how many mentions the event has and whether it is the smallest or largest of the
 * event's killed figures; whether the event's own place is far from the report's home; how often the
 * article tells that number of dead, whether in its lead, whether it is the most told, and whether it
 * is the article's largest; whether the title states the same count.
 */
export function tollFeatures(f: EventFigure, m: RawEvent, ms: readonly RawEvent[], killedValues: readonly number[], home: Place | null, ownPlace: Place | null, told: ReadonlyMap<number, { times: number; lead: boolean }>, inTitle = false): string[] {
  const out = [`v:${bucket(f.value)}`, `cls:${m.cls}`];
  if (inTitle) out.push('in-title');
  if (f.hedge && f.hedge !== 'exact') out.push(`hedge:${f.hedge}`);
  if (f.quantity < 0) out.push('single');
  const unit = f.unit?.toLowerCase().split(/\s+/).pop();
  if (unit) out.push(`u:${unit}`);
  const toks = m.sentence.toks;
  const inSentence = f.start >= m.sentence.span.start && f.start < m.sentence.span.end;
  if (!inSentence) out.push('loose');
  else {
    let fi = toks.findIndex((t) => t.start >= f.start);
    if (fi < 0) fi = toks.length;
    let fe = toks.findIndex((t) => t.start >= f.end);
    if (fe < 0) fe = toks.length;
    for (let k = Math.max(0, fi - WINDOW_BEFORE); k < fi; k++) out.push(`b:${norm(toks[k].lower)}`);
    for (let k = fe; k < Math.min(toks.length, fe + WINDOW_AFTER); k++) out.push(`a:${norm(toks[k].lower)}`);
    const d = Math.abs(fi - m.tokIndex);
    out.push(`d:${d <= 3 ? '0-3' : d <= 10 ? '4-10' : '11+'}`, fi < m.tokIndex ? 'before-trigger' : 'after-trigger');
    const lower = toks.map((t) => t.lower).join(' ');
    for (const [name, re] of CUES) if (re.test(lower)) out.push(`s:${name}`);
  }
  const p = m.sentence.paragraph;
  out.push(`p:${p === 0 ? '0' : p <= 2 ? '1-2' : p <= 6 ? '3-6' : '7+'}`);
  out.push(`mentions:${ms.length === 1 ? '1' : ms.length <= 3 ? '2-3' : '4+'}`);
  if (killedValues.length > 1) {
    out.push(`rivals:${killedValues.length <= 2 ? '2' : '3+'}`);
    if (f.value === Math.min(...killedValues)) out.push('smallest');
    if (f.value === Math.max(...killedValues)) out.push('largest');
  }
  if (home && ownPlace && haversineKm(home, ownPlace) > SETTING_KM) out.push('far');
  // The report's own toll is told again and again, and in its lead.
  const t = told.get(f.value);
  const times = t?.times ?? 1;
  out.push(`told:${times <= 1 ? '1' : times === 2 ? '2' : '3+'}`);
  if (t?.lead) out.push('told-in-lead');
  let most = 0;
  for (const x of told.values()) most = Math.max(most, x.times);
  if (times === most && most > 1) out.push('most-told');
  let largest = 0;
  for (const v of told.keys()) largest = Math.max(largest, v);
  if (told.size > 1) out.push(f.value === largest ? 'article-largest' : 'article-lesser');
  return out;
}

export function tollScore(model: LogisticModel, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

type Told = ReadonlyMap<number, { times: number; lead: boolean }>;
const toldCache: Record<TollKind, WeakMap<readonly RawEvent[], Told>> = { killed: new WeakMap(), injured: new WeakMap() };

/** How often each number of dead (or injured) is told in the article (each figure once), and whether in its lead; once per article. */
function countsTold(raws: readonly RawEvent[], kind: TollKind): Told {
  const cached = toldCache[kind].get(raws);
  if (cached) return cached;
  const told = new Map<number, { times: number; lead: boolean }>();
  const seen = new Set<number>();
  for (const r of raws) for (const x of r.figures) if (x.kind === kind && !seen.has(x.start)) {
    seen.add(x.start);
    const e = told.get(x.value) ?? { times: 0, lead: false };
    e.times++;
    if (r.sentence.paragraph <= 1) e.lead = true;
    told.set(x.value, e);
  }
  toldCache[kind].set(raws, told);
  return told;
}

/**
 * The figures of an event with the killed (and injured) figures the models reject taken out, and how
 * many of each kind (`how` gets `toll:learned-drop` for a killed figure, `toll:learned-drop-injured`
 * for an injured one). Tallies and counts of weapons are left as they are, and so are
 * injured figures when the file has no injured model.
 */
export function attributeTolls(figures: EventFigure[], ms: readonly RawEvent[], raws: readonly RawEvent[], home: Place | null, ownPlace: Place | null, ctx: TollContext | undefined): { figures: EventFigure[]; dropped: Record<TollKind, number> } {
  const none = { killed: 0, injured: 0 };
  if (!ctx || ctx.paragraphs < MIN_PARAGRAPHS) return { figures, dropped: none };
  const model = tollModel();
  if (!model && !tollCandidateSink) return { figures, dropped: none };
  const reject = new Set<EventFigure>();
  for (const kind of ['killed', 'injured'] as const) {
    const judge = kind === 'killed' ? model : (model?.injured ?? null);
    if (!judge && !tollCandidateSink) continue;
    const own = figures.filter((f) => f.kind === kind);
    if (!own.length) continue;
    const values = own.map((f) => f.value);
    const told = countsTold(raws, kind);
    for (const f of own) {
      const m = ms.find((x) => x.figures.includes(f)) ?? ms[0];
      const features = tollFeatures(f, m, ms, values, home, ownPlace, told, ctx.titleCounts?.has(f.value) ?? false);
      tollCandidateSink?.push({ kind, features, value: f.value });
      if (judge && tollScore(judge, features) < judge.threshold) reject.add(f);
    }
  }
  if (!reject.size) return { figures, dropped: none };
  const dropped = { killed: 0, injured: 0 };
  for (const f of reject) dropped[f.kind as TollKind]++;
  return { figures: figures.filter((f) => !reject.has(f)), dropped };
}
