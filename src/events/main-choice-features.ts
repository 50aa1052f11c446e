/**
 * Candidates and features for the learned choice of a report's main event's day and place
 * (main-choice.ts). The candidates are what the rules already propose: every day a time expression
 * of the article resolves to, the event's own day, the publication day; every mappable town the
 * article names (also in a dateline or an organisation's name), every US county it names (a coarser
 * candidate), the event's own place, the setting.
 * Features are general, never words of one article: where a candidate is first told (paragraph,
 * lead, dateline), how often, whether it shares a sentence with the event's triggers and how near,
 * the form of the time expression ("on Tuesday", "Nov. 30", "yesterday", a time stamp), a statement
 * verb beside it, how far the day lies before the publication date, the place's precision, its
 * distance from the setting, and whether the rules chose it; a town's clause (a statement verb beside it,
 * a trigger in it: main-choice-clause.ts) and the article's headline, states, countries and counties
 * (main-choice-place-context.ts).
 */
import type { Article, Span } from '../core/article.js';
import type { EventRecord, Layers, Place, TimeExpr } from '../core/layers.js';
import { isMappable } from '../places/mappable.js';
import { inComparison } from './assertion.js';
import { haversineKm } from './haversine.js';
import { followsReferenceWords } from './landmark.js';
import { clauseRelations } from './main-choice-clause.js';
import { placeContext, placeContextFeatures } from './main-choice-place-context.js';
import { dayContextFeatures, titleIncidentStems } from './main-choice-day-context.js';
import { addDayOrderFeatures } from './main-choice-day-order.js';
import { dayNounFeatures } from './main-choice-day-noun.js';
import { isDatelineLike, type TownEvidence } from './setting.js';
import type { Tok } from './sentence-view.js';

/** Towns this close are one place candidate (the eval's tolerance, a metro area). */
export const SAME_PLACE_KM = 40;

export interface ChoiceContext {
  article: Readonly<Article>;
  layers: Readonly<Layers>;
  /** Where the lead ends (setting.ts). */
  lead: number;
  setting: Place | null;
  /** Town evidence of the setting, organisation towns included (setting.ts). */
  towns: readonly TownEvidence[];
}

export interface DayCandidate {
  day: string;
  features: string[];
}

export interface PlaceCandidate {
  place: Place;
  features: string[];
}

const INCIDENT = /\b(shot|shoot\w*|gunm[ae]n|gunfire|killed|killing|kills|dead|died|death|stabb\w*|crash\w*|collid\w*|fire|blaze|burn\w*|explo\w*|blast|bomb\w*|attack\w*|strike|struck|wounded|injur\w*|hurt|rammed|drone|missile)\b/i;
const WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const MONTH_DAY = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/i;
const RELATIVE = /\b(today|yesterday|tonight|last night|this morning|this afternoon|this evening|earlier)\b/i;
const TIME_OF_DAY = /\b(night|morning|afternoon|evening|overnight|dawn|a\.m\.|p\.m\.|midnight|noon)\b/i;
const STATEMENT_BEFORE = /\b(said|says|told|announced|reported|confirmed|stated|added)\s+(on\s+)?$/i;
const STATEMENT_AFTER = /^\s*,?\s*(said|says|told|announced|reported|confirmed)\b/i;
const PREP_BEFORE = /\b(in|at|near|outside|inside|of|from)\s+(the\s+)?(city\s+of\s+|town\s+of\s+|village\s+of\s+)?$/i;

const bucket = (n: number, edges: readonly number[], name: string): string => {
  for (const e of edges) if (n < e) return `${name}<${e}`;
  return `${name}>=${edges[edges.length - 1]}`;
};

interface SentenceLite {
  start: number;
  end: number;
  paragraph: number;
}

function sentenceAt(sentences: readonly SentenceLite[], at: number): SentenceLite | null {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/** The event's trigger spans (every mention, the first is the trigger). */
function triggerSpans(e: EventRecord): Span[] {
  return e.mentions?.length ? e.mentions : [e.trigger];
}

/** The event's trigger spans grouped by the start of their sentence, each with its rank (0 = the trigger). */
type TriggersBySentence = Map<number, Array<{ span: Span; k: number }>>;
const triggerIndex = new WeakMap<EventRecord, { sentences: readonly SentenceLite[]; spans: readonly Span[]; n: number; index: TriggersBySentence }>();

/** Built once per event and sentence layer, so relating many spans to many mentions stays linear. */
function triggersBySentence(e: EventRecord, sentences: readonly SentenceLite[]): TriggersBySentence {
  const spans = triggerSpans(e);
  const cached = triggerIndex.get(e);
  if (cached && cached.sentences === sentences && cached.spans === spans && cached.n === spans.length) return cached.index;
  const index: TriggersBySentence = new Map();
  spans.forEach((span, k) => {
    const ts = sentenceAt(sentences, span.start);
    if (!ts) return;
    const list = index.get(ts.start);
    if (list) list.push({ span, k });
    else index.set(ts.start, [{ span, k }]);
  });
  triggerIndex.set(e, { sentences, spans, n: spans.length, index });
  return index;
}

/** Sentence and distance relations of a span to the event's triggers. */
function nearness(span: Span, e: EventRecord, sentences: readonly SentenceLite[]): string[] {
  const s = sentenceAt(sentences, span.start);
  const out: string[] = [];
  if (!s) return out;
  let best = Infinity;
  let first = false;
  for (const { span: t, k } of triggersBySentence(e, sentences).get(s.start) ?? []) {
    const gap = span.start >= t.end ? span.start - t.end : t.start - span.end;
    if (gap < best) best = gap;
    if (k === 0) first = true;
  }
  if (best < Infinity) {
    out.push('sameSent', bucket(best, [20, 60, 150], 'gap'));
    if (first) out.push('sameSentFirst');
  }
  return out;
}

/**
 * Whether a span lies inside some quote: quotes sorted by start with the running maximum of their ends, so
 * "a quote starts at or before the span and ends at or after it" is one binary search.
 */
function quoteCover(quotes: readonly Span[]): (s: Span) => boolean {
  const sorted = [...quotes].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  let m = -Infinity;
  for (const q of sorted) maxEnd.push((m = Math.max(m, q.end)));
  return (s) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start <= s.start) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && maxEnd[last] >= s.end;
  };
}

const dayDiff = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000);

function relation(day: string, pub: string | null): string {
  if (!pub) return 'rel:nopub';
  const d = dayDiff(pub, day);
  if (d < 0) return 'rel:after';
  if (d === 0) return 'rel:0';
  if (d === 1) return 'rel:1';
  if (d === 2) return 'rel:2';
  if (d < 7) return 'rel:3-6';
  if (d < 31) return 'rel:7-30';
  return 'rel:old';
}

/**
 * The time is told as a comparison's yardstick ("the largest since Russia launched 700 drones on Oct. 30"): the rules
 * never date an event by it (event-date.ts), and neither may the learned choice.
 */
function inYardstick(text: string, t: TimeExpr, sentences: readonly SentenceLite[]): boolean {
  const s = sentenceAt(sentences, t.start);
  if (!s) return false;
  const toks: Tok[] = [];
  for (const m of text.slice(s.start, t.start).matchAll(/[\p{L}\p{N}’']+|[^\s\p{L}\p{N}]/gu)) {
    const start = s.start + (m.index ?? 0);
    toks.push({ start, end: start + m[0].length, text: m[0], lower: m[0].toLowerCase(), pos: '' });
  }
  const written = text.slice(t.start, t.end);
  toks.push({ start: t.start, end: t.end, text: written, lower: written.toLowerCase(), pos: '' });
  return inComparison(toks, toks.length - 1, false);
}

const paraBucket = (p: number) => (p <= 2 ? `para:${p}` : p <= 5 ? 'para:3-5' : 'para:6+');

export function publishedDay(ctx: ChoiceContext): string | null {
  const v = ctx.layers.published?.[0]?.value ?? ctx.article.published ?? null;
  return v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null;
}

/** Day candidates for event e, each with its features. */
export function dayCandidates(e: EventRecord, ctx: ChoiceContext): DayCandidate[] {
  const text = ctx.article.text;
  const sentences = ctx.layers.sentences ?? [];
  const inQuote = quoteCover(ctx.layers.quotes ?? []);
  const pub = publishedDay(ctx);
  const byDay = new Map<string, TimeExpr[]>();
  for (const t of ctx.layers.times ?? []) {
    if ((t.type !== 'DATE' && t.type !== 'TIME') || !t.range || t.range.from !== t.range.to) continue;
    const list = byDay.get(t.range.from);
    if (list) list.push(t);
    else byDay.set(t.range.from, [t]);
  }
  const cur = e.date?.precision === 'day' ? e.date.value.slice(0, 10) : null;
  const days = new Set<string>(byDay.keys());
  if (cur) days.add(cur);
  if (pub) days.add(pub);
  const out: DayCandidate[] = [];
  const allTimes = [...byDay.values()].reduce((n, l) => n + l.length, 0);
  let titleStems: Set<string> | undefined;
  for (const day of days) {
    const told = byDay.get(day) ?? [];
    if (day !== cur && day !== pub && told.length > 0 && told.every((t) => inYardstick(text, t, sentences))) continue;
    const f: string[] = [relation(day, pub)];
    if (day === cur) {
      f.push('cur', `cur:${e.date?.how ?? '-'}`);
      if (e.how?.includes('date:from-story')) f.push('cur:from-story');
    } else f.push(cur ? 'notCur' : 'noCurDay');
    if (day === pub) f.push('pub');
    const ts = byDay.get(day) ?? [];
    if (ts.length === 0) f.push('untold');
    else {
      f.push(bucket(ts.length, [2, 3, 5], 'n'));
      if (allTimes > 0) f.push(bucket(ts.length / allTimes, [0.25, 0.5, 0.75], 'share'));
      const first = ts[0];
      const fs = sentenceAt(sentences, first.start);
      f.push(paraBucket(fs?.paragraph ?? 9));
      if (first.start < ctx.lead) f.push('lead');
      const rel = new Set<string>();
      for (const t of ts) {
        for (const x of nearness(t, e, sentences)) rel.add(x);
        const s = sentenceAt(sentences, t.start);
        if (s && INCIDENT.test(text.slice(s.start, s.end))) rel.add('incSent');
        if (t.start < 120 && (s?.paragraph ?? 9) === 0 && !INCIDENT.test(text.slice(s?.start ?? 0, s?.end ?? 0))) rel.add('stamp');
        const written = text.slice(t.start, t.end);
        if (WEEKDAY.test(written)) rel.add('form:weekday');
        if (MONTH_DAY.test(written)) rel.add('form:monthday');
        if (RELATIVE.test(written)) rel.add('form:relative');
        if (TIME_OF_DAY.test(written) || TIME_OF_DAY.test(text.slice(t.end, t.end + 12))) rel.add('form:timeofday');
        if (/\bon\s+$/i.test(text.slice(Math.max(0, t.start - 4), t.start))) rel.add('form:on');
        if (STATEMENT_BEFORE.test(text.slice(Math.max(0, t.start - 30), t.start)) || STATEMENT_AFTER.test(text.slice(t.end, t.end + 20))) rel.add('said');
        if (inQuote(t)) rel.add('inQuote');
      }
      // Every mention told beside a statement verb: the day is the statement's.
      if (rel.has('said') && ts.every((t) => STATEMENT_BEFORE.test(text.slice(Math.max(0, t.start - 30), t.start)) || STATEMENT_AFTER.test(text.slice(t.end, t.end + 20)))) rel.add('saidOnly');
      f.push(...rel);
      f.push(...dayContextFeatures(ts.map((t) => sentenceAt(sentences, t.start)).filter((x): x is SentenceLite => x !== null).map((x) => text.slice(x.start, x.end)), (titleStems ??= titleIncidentStems(ctx.article.title))));
      f.push(...dayNounFeatures(text, ts, titleStems));
      // Told in the lead, in the sentence of the event's first trigger: the text's own dating of it.
      if (rel.has('sameSentFirst') && ts.some((t) => t.start < ctx.lead)) f.push('leadTrig');
    }
    out.push({ day, features: f });
  }
  addDayOrderFeatures(out);
  return out;
}

const TOWN = new Set<Place['precision']>(['city', 'point']);

/** A US county (parish, borough) the article names: a coarser candidate, for reports whose town the gazetteer lacks. */
export const isCountyPlace = (p: Place): boolean => p.precision === 'region' && p.country === 'US' && / (County|Parish|Borough)$/.test(p.name);

/** Place candidates for event e, each with its features (one per town, towns within SAME_PLACE_KM pooled for counts). */
export function placeCandidates(e: EventRecord, ctx: ChoiceContext): PlaceCandidate[] {
  const text = ctx.article.text;
  const sentences = ctx.layers.sentences ?? [];
  const mentions: Array<{ place: Place; org: boolean; dateline: boolean }> = [];
  for (const p of ctx.layers.places ?? []) {
    if (!TOWN.has(p.precision) && !isCountyPlace(p)) continue;
    if (!isMappable(p)) continue;
    mentions.push({ place: p, org: false, dateline: p.entity === 'dateline' || isDatelineLike(text, p) });
  }
  for (const t of ctx.towns) if (t.org) mentions.push({ place: t.place, org: true, dateline: false });
  const key = (p: Place) => `${p.name}|${p.country ?? ''}|${p.admin1 ?? ''}`;
  const groups = new Map<string, { place: Place; list: typeof mentions }>();
  for (const m of mentions) {
    const k = key(m.place);
    const g = groups.get(k);
    if (g) g.list.push(m);
    else groups.set(k, { place: m.place, list: [m] });
  }
  const cur = e.place;
  if (cur && !groups.has(key(cur))) groups.set(key(cur), { place: cur, list: [] });
  if (ctx.setting && !groups.has(key(ctx.setting))) groups.set(key(ctx.setting), { place: ctx.setting, list: [] });
  const total = mentions.length;
  const pc = placeContext(ctx.article, ctx.layers.places ?? []);
  const out: PlaceCandidate[] = [];
  for (const { place, list } of groups.values()) {
    const f: string[] = [isCountyPlace(place) ? 'prec:county' : `prec:${place.precision}`];
    if (cur && haversineKm(cur, place) <= 1) {
      f.push('cur', `cur:${cur.precision}`);
      if (ctx.setting && haversineKm(cur, ctx.setting) <= 1) f.push('cur:setting');
    } else f.push(cur ? 'notCur' : 'noCur');
    if (ctx.setting) {
      const d = haversineKm(place, ctx.setting);
      f.push(d <= 1 ? 'setting' : d <= SAME_PLACE_KM ? 'nearSetting' : d <= 300 ? 'settingFar300' : 'settingFar');
    } else f.push('noSetting');
    const pool = mentions.filter((m) => haversineKm(m.place, place) <= SAME_PLACE_KM).length;
    f.push(bucket(list.length, [1, 2, 3, 5], 'n'), bucket(pool, [1, 2, 3, 5, 8], 'pool'));
    if (total > 0) f.push(bucket(pool / total, [0.25, 0.5, 0.75], 'share'));
    if (list.length === 0) f.push('untold');
    const prose = list.filter((m) => !m.org && !m.dateline);
    if (list.some((m) => m.dateline)) f.push(prose.length ? 'dateline' : 'datelineOnly');
    if (list.length && list.every((m) => m.org)) f.push('orgOnly');
    else if (list.some((m) => m.org)) f.push('org');
    if (prose.length) {
      const first = prose[0].place;
      f.push(paraBucket(sentenceAt(sentences, first.start)?.paragraph ?? 9));
      if (first.start < ctx.lead) f.push('lead');
      const rel = new Set<string>();
      for (const m of prose) {
        for (const x of nearness(m.place, e, sentences)) rel.add(x);
        const s = sentenceAt(sentences, m.place.start);
        if (s && INCIDENT.test(text.slice(s.start, s.end))) rel.add('incSent');
        if (PREP_BEFORE.test(text.slice(Math.max(0, m.place.start - 25), m.place.start))) rel.add('prep');
        if (followsReferenceWords(text, m.place.start)) rel.add('refPoint');
        if (s) {
          const c = clauseRelations(text, m.place, s, triggerSpans(e));
          if (c.attrib) rel.add('attrib');
          if (c.attribLocal) rel.add('attribLocal');
          if (c.sameClause) rel.add('sameClause');
          if (c.sameClauseFirst) rel.add('sameClauseFirst');
        }
      }
      // Every prose mention beside a statement verb: the town of a source, not of the event.
      if (rel.has('attrib') && prose.every((m) => { const s = sentenceAt(sentences, m.place.start); return s !== null && clauseRelations(text, m.place, s, []).attrib; })) rel.add('attribOnly');
      f.push(...rel);
      if (rel.has('sameSentFirst') && prose.some((m) => m.place.start < ctx.lead)) f.push('leadTrig');
    }
    f.push(bucket(place.confidence, [0.3, 0.6, 0.85], 'conf'));
    f.push(...placeContextFeatures(place, list.map((m) => text.slice(m.place.start, m.place.end)), pc));
    out.push({ place, features: f });
  }
  // The headline names some candidate town: the others are told as not named there.
  if (out.some((c) => c.features.includes('title'))) for (const c of out) if (!c.features.includes('title')) c.features.push('titleOther');
  // Another town, over SAME_PLACE_KM away, is told in the lead in the trigger's own sentence (a dateline or a
  // newsroom's city against the scene the lead names).
  for (const c of out)
    if (!c.features.includes('leadTrig') && out.some((o) => o.features.includes('leadTrig') && haversineKm(o.place, c.place) > SAME_PLACE_KM)) c.features.push('leadTrigOther');
  return out;
}
