/**
 * From tagged mention spans to article entities: titles and honorifics peeled off names, roles from
 * pre-nominal titles ("Kremlin spokesperson Dmitry Peskov") and appositions ("Rustem Umerov,
 * secretary of the …"), possessive organisations ("Netanyahu's office"), and within-article
 * coreference of name variants ("Dmitry Peskov" … "Peskov"; "Zelenskyy" … "Volodymyr Zelenskyy").
 *
 * Works on token indexes of the article's `tokens` layer; all output spans are text offsets. Mentions are
 * repaired first (refine-mentions.ts); roles are found by entity-roles.ts.
 */
import type { Entity, EntityType, Mention, Token } from '../core/layers.js';
import type { Span } from '../core/article.js';
import { countryOfDemonym, countryOfName, isKnownPlaceName } from './countries.js';
import { countryOf, isGenericBody, isGenericHead, ownedBody } from './owners.js';
import { HONORIFICS, POSSESSED_ORGS, nameKey, sameNameVariant, transliterationKey } from './names.js';
import { type Cluster, ORG_WORDS, type RawMention, TokenText, type Work, isPossessiveMark, lastBefore, lower } from './resolve-kit.js';
import { refine } from './refine-mentions.js';
import { assignRoles } from './entity-roles.js';

export type { RawMention } from './resolve-kit.js';

export interface ResolveInput {
  text: string;
  tokens: readonly Token[];
  mentions: readonly RawMention[];
  /** Dateline span, if the article has one: mentions inside it are places. */
  dateline?: Span | null;
}

export interface ResolveOutput {
  mentions: Mention[];
  entities: Entity[];
}

/*
 * resolveEntities runs in phases, each its own small function: V8 optimises (and, on an unexpected
 * object shape, deoptimises and re-optimises) functions one at a time, and one big function made
 * every such event cost a recompilation of the whole resolver.
 */

export function resolveEntities(input: ResolveInput): ResolveOutput {
  const doc = new TokenText(input.text, input.tokens);
  const raw = refine(doc, input.mentions);
  const mentionAt = mentionIndex(raw, input.tokens.length);
  const dateline = input.dateline ?? null;
  const work = cleanMentions(doc, raw, dateline);
  if (dateline) datelinePlaces(doc, dateline, work);
  work.sort(byFirst);
  ownGenericBodies(doc, work);
  retypeByPersonContext(doc, work);
  retypeByPersonSuffix(work);
  const state = new ClusterSet();
  clusterFullNames(state, work);
  splitRunTogetherSurnames(state, work);
  attachRemaining(state, work);
  assignRoles(doc, state.clusters, work, mentionAt, raw);
  const extra = possessiveOrganisations(doc, state, work, mentionAt);
  return output(doc, state.clusters, work, extra);
}

const byFirst = (a: Work, b: Work): number => a.first - b.first;

function makeWork(first: number, last: number, type: EntityType, kind: Mention['kind'], words: string[], key: string, titles: string[]): Work {
  return { first, last, type, kind, words, key, titles, entity: -1 };
}

/*
 * Per-token scratch arrays, reused from article to article (resolution is synchronous and never
 * re-entered): a fresh typed array per article cost more than the work done with it.
 */
let mentionScratch = new Int32Array(1024);

/** For each token, the index of the (refined) mention covering it, or -1 (shared; valid until the next call). */
function mentionIndex(raw: readonly RawMention[], tokenCount: number): Int32Array {
  if (mentionScratch.length < tokenCount) mentionScratch = new Int32Array(Math.max(tokenCount, 2 * mentionScratch.length));
  const mentionAt = mentionScratch;
  mentionAt.fill(-1, 0, tokenCount);
  for (let k = 0; k < raw.length; k++) {
    const m = raw[k];
    for (let i = m.first; i <= m.last; i++) mentionAt[i] = k;
  }
  return mentionAt;
}

/** 1. Clean mentions: datelines are places, honorifics leave names, possessive marks are dropped. */
function cleanMentions(doc: TokenText, raw: readonly RawMention[], dateline: Span | null): Work[] {
  const tokens = doc.tokens;
  const work: Work[] = [];
  for (const m of raw) {
    let first = m.first;
    let last = m.last;
    let type = m.type;
    const titles: string[] = [];
    if (dateline && tokens[first].start < dateline.end && tokens[last].end > dateline.start) {
      type = 'LOC';
    }
    while (last > first && isPossessiveMark(doc.form(last))) last--;
    if (type === 'PER') {
      let t = first;
      while (t < last && (HONORIFICS.has(doc.lower(t)) || doc.form(t) === '.')) t++;
      if (t > first) titles.push(doc.surface(first, t - 1));
      first = t;
    }
    const words: string[] = [];
    for (let i = first; i <= last; i++) words.push(doc.form(i));
    const key = nameKey(words.join(' '));
    if (key === '') continue;
    work.push(makeWork(first, last, type, 'name', words, key, titles));
  }
  return work;
}

/**
 * Generic state bodies take their owner into their name and key: "Russian Defence Ministry", "Romania's Defence
 * Ministry" are two organisations. A body named without an owner takes the one owner the article gives that body
 * elsewhere; with none or several, it stays as written.
 */
function ownGenericBodies(doc: TokenText, work: Work[]): void {
  const ownersOf = new Map<string, Set<string>>();
  const bare: Work[] = [];
  for (const w of work) {
    if (w.type === 'PER' || !isGenericHead(lower(w.words[w.words.length - 1]))) continue;
    const before: string[] = [];
    for (let i = Math.max(0, w.first - 4); i < w.first; i++) before.push(doc.form(i));
    const owned = ownedBody(w.words, before);
    if (owned === null) {
      if (isGenericBody(w.words.map((x) => x.toLowerCase()))) bare.push(w);
      continue;
    }
    setOwner(w, owned.owner, owned.body);
    const bodyKey = nameKey(owned.body.join(' '));
    ownersOf.set(bodyKey, (ownersOf.get(bodyKey) ?? new Set()).add(owned.owner));
  }
  for (const w of bare) {
    const owners = ownersOf.get(w.key);
    if (owners && owners.size === 1) setOwner(w, [...owners][0], w.words);
  }
}

function setOwner(w: Work, owner: string, body: readonly string[]): void {
  w.type = 'ORG';
  w.owned = `${owner}'s ${body.join(' ').replace(/\s*-\s*/g, '-')}`;
  w.key = nameKey(w.owned);
}

/** Titles only people take, with or without a period: "Mr Assad", "President Zelenskyy". */
const PERSONAL_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'president', 'sen', 'senator', 'rep', 'sheikh', 'ayatollah', 'imam', 'rabbi', 'pope', 'colonel', 'col']);
/** Verbs of saying right after a name: a person's context ("Assad said", "Kadhafi told reporters"). */
const SPEECH_VERBS = new Set(['said', 'says', 'told', 'tells', 'added', 'wrote', 'insisted', 'vowed', 'urged', 'warned', 'declared', 'stated', 'replied', 'recalled', 'admitted', 'denied']);

/**
 * A name the tagger read as a place or misc takes a person's context: a personal title before it ("Mr Assad"),
 * or a verb of saying after it ("Kadhafi told"), unless it is a known place ("Russia said", "Moscow warned"), a
 * demonym or an organisation-like name. Organisations speak too, so an ORG reading is left to the model.
 */
function retypeByPersonContext(doc: TokenText, work: Work[]): void {
  const tokens = doc.tokens;
  for (const w of work) {
    if (w.type !== 'LOC' && w.type !== 'MISC') continue;
    let p = w.first - 1;
    while (p >= 0 && doc.form(p) === '.') p--;
    const titled = p >= 0 && PERSONAL_TITLES.has(doc.lower(p)) && tokens[p].sentence === tokens[w.first].sentence;
    const n = w.last + 1;
    const spoke = n < tokens.length && SPEECH_VERBS.has(doc.lower(n)) && tokens[n].sentence === tokens[w.last].sentence;
    if (!titled && !spoke) continue;
    if (w.owned || w.words.some((x) => ORG_WORDS.has(lower(x)))) continue;
    const name = w.words.join(' ');
    if (isKnownPlaceName(name) || countryOfDemonym(name) !== undefined) continue;
    w.type = 'PER';
  }
}

/** The dateline names a place: the same name elsewhere in the article is that place. */
function datelinePlaces(doc: TokenText, d: Span, work: Work[]): void {
  const tokens = doc.tokens;
  addDatelinePlace(doc, d, work);
  const placeKeys = new Set(work.filter((w) => tokens[w.first].start >= d.start && tokens[w.last].end <= d.end).map((w) => w.key));
  for (const w of work) if (placeKeys.has(w.key)) w.type = 'LOC';
}

/**
 * A non-person mention that ends with a person's name ("Khalil Al-Hayya" tagged MISC, "Al-Hayya" PER)
 * is that person.
 */
function retypeByPersonSuffix(work: Work[]): void {
  const perKeys = new Set<string>();
  for (const w of work) if (w.type === 'PER') perKeys.add(w.key);
  if (perKeys.size === 0) return;
  for (const w of work) {
    if (w.type === 'PER' || w.words.length < 2) continue;
    if (w.words.some((x) => ORG_WORDS.has(lower(x)))) continue;
    if (endsWithKeyOf(w.key, perKeys)) w.type = 'PER';
  }
}

/**
 * Whether `key` ends with ` k` for some k in `keys` (a whole-word suffix, shorter than the key):
 * each suffix after a space is looked up, instead of testing every key.
 */
export function endsWithKeyOf(key: string, keys: ReadonlySet<string>): boolean {
  for (let p = key.indexOf(' '); p >= 0; p = key.indexOf(' ', p + 1)) {
    if (keys.has(key.slice(p + 1))) return true;
  }
  return false;
}

/** The clusters of one article and their lookup by type and key. */
class ClusterSet {
  readonly clusters: Cluster[] = [];
  private readonly byKey = new Map<string, number>();

  get(type: EntityType, key: string): number | undefined {
    return this.byKey.get(`${type}|${key}`);
  }

  set(type: EntityType, key: string, id: number): void {
    this.byKey.set(`${type}|${key}`, id);
  }

  create(w: Work): number {
    const id = this.clusters.length;
    this.clusters.push({ type: w.type, mentions: [], words: w.words, key: w.key, roles: [], owner: -1, typeVotes: new Map(), owned: w.owned });
    this.set(w.type, w.key, id);
    return id;
  }

  attach(w: Work, id: number): void {
    const c = this.clusters[id];
    w.entity = id;
    c.mentions.push(w);
    c.typeVotes.set(w.type, (c.typeVotes.get(w.type) ?? 0) + w.words.length);
    if (w.words.length > c.words.length || (w.words.length === c.words.length && allCaps(c.words) && !allCaps(w.words))) {
      c.words = w.words;
      c.key = w.key;
    }
  }

  /** Whether some cluster is a person's. */
  hasPerson(): boolean {
    for (const c of this.clusters) if (c.type === 'PER') return true;
    return false;
  }

  private readonly translitKeys: Array<{ key: string; translit: string } | undefined> = [];

  /** The transliteration key of a cluster's current key (kept until the key changes). */
  translit(id: number): string {
    const key = this.clusters[id].key;
    let t = this.translitKeys[id];
    if (t === undefined || t.key !== key) this.translitKeys[id] = t = { key, translit: transliterationKey(key) };
    return t.translit;
  }

  /** The first person cluster of a multi-word name whose key ends with ` ${key}` and has more than `minWords` words. */
  longerPerson(suffix: string, minWords: number): number {
    const clusters = this.clusters;
    for (let id = 0; id < clusters.length; id++) {
      const c = clusters[id];
      if (c.type === 'PER' && c.words.length > minWords && c.key.endsWith(suffix)) return id;
    }
    return -1;
  }

  /** The person cluster whose multi-word name ends with this word. */
  lastWordOwner(word: string): number {
    return this.longerPerson(` ${nameKey(word)}`, 1);
  }
}

function allCaps(ws: string[]): boolean {
  const joined = ws.join('');
  return joined === joined.toUpperCase();
}

/** 2a. Cluster: full person names first (longest first); shorter variants attach to a longer name seen. */
function clusterFullNames(state: ClusterSet, work: readonly Work[]): void {
  const longFirst = work.filter((w) => w.type === 'PER' && w.words.length >= 2);
  longFirst.sort((a, b) => b.words.length - a.words.length || a.first - b.first);
  for (const w of longFirst) {
    const existing = state.get('PER', w.key);
    if (existing !== undefined) {
      state.attach(w, existing);
      continue;
    }
    // A shorter form of a longer name already seen ("Al-Hayya" of "Khalil Al-Hayya").
    const longer = state.longerPerson(` ${w.key}`, w.words.length);
    if (longer >= 0) {
      w.kind = 'surname';
      state.attach(w, longer);
      continue;
    }
    // Two surnames run together: left for the split below.
    if (w.words.length === 2) {
      const a = state.lastWordOwner(w.words[0]);
      const b = state.lastWordOwner(w.words[1]);
      if (a >= 0 && b >= 0 && a !== b) continue;
    }
    state.attach(w, state.create(w));
  }
}

/** 2b. "Umerov Hnatov" (a dropped "and"): a two-word name whose words are the surnames of two different people. */
function splitRunTogetherSurnames(state: ClusterSet, work: Work[]): void {
  for (let k = 0; k < work.length; k++) {
    const w = work[k];
    if (w.entity >= 0 || w.type !== 'PER' || w.words.length !== 2) continue;
    const owner0 = state.lastWordOwner(w.words[0]);
    const owner1 = state.lastWordOwner(w.words[1]);
    if (owner0 >= 0 && owner1 >= 0 && owner0 !== owner1) {
      const a = makeWork(w.first, w.first, w.type, 'surname', [w.words[0]], nameKey(w.words[0]), []);
      const b = makeWork(w.first + 1, w.last, w.type, 'surname', [w.words[1]], nameKey(w.words[1]), []);
      state.attach(a, owner0);
      state.attach(b, owner1);
      work.splice(k, 1, a, b);
      k++;
    }
  }
}

/** 2c. Everything else: surnames to the person they name, then same-key (or same-country) clusters. */
function attachRemaining(state: ClusterSet, work: readonly Work[]): void {
  for (const w of work) {
    if (w.entity >= 0) continue;
    if ((w.type === 'PER' || w.words.length === 1) && attachSurname(state, w)) continue;
    if (attachSpelling(state, w)) continue;
    const canonical = canonicalPlace(w);
    const existing = state.get(w.type, canonical) ?? (w.type === 'PER' ? undefined : state.get(w.type, w.key));
    if (existing !== undefined) {
      if (state.clusters[existing].key !== w.key) w.kind = 'alias';
      state.attach(w, existing);
    } else {
      const id = state.create(w);
      state.set(w.type, canonical, id);
      state.attach(w, id);
    }
  }
}

/**
 * A surname or a one-word name: the PER cluster whose name ends with (or contains) it; among several,
 * the one mentioned last before it (or, with none before, the first listed).
 */
function attachSurname(state: ClusterSet, w: Work): boolean {
  const clusters = state.clusters;
  const suffix = ` ${w.key}`;
  let any = false;
  let endsWith = false;
  let pick = -1;
  let pickLast = -2;
  let anyBefore = false;
  for (let id = 0; id < clusters.length; id++) {
    const c = clusters[id];
    if (c.type !== 'PER' || c.words.length <= w.words.length || !containsKey(c.key, w.key)) continue;
    any = true;
    if (!endsWith && c.key.endsWith(suffix)) endsWith = true;
    const last = lastBefore(c, w.first);
    // Candidates mentioned before w win over those that are not; then the latest such mention.
    if (last >= 0) {
      if (!anyBefore || last > pickLast) {
        pick = id;
        pickLast = last;
      }
      anyBefore = true;
    } else if (!anyBefore && pick < 0) {
      pick = id;
      pickLast = last;
    }
  }
  if (!any || !(w.type === 'PER' || endsWith)) return false;
  w.kind = 'surname';
  state.attach(w, pick);
  return true;
}

/**
 * A name spelt as a person of the article is spelt another way ("Kadhafi" typed a place, "Qaddafi" a person): it is
 * that person, unless it is a known place. Only an unambiguous match counts.
 */
function attachSpelling(state: ClusterSet, w: Work): boolean {
  // Reached only by mentions no surname or key claimed (most are not; spelling keys are cached).
  if (w.owned || !state.hasPerson()) return false;
  if (isKnownPlaceName(w.words.join(' '))) return false;
  let pick = -1;
  const clusters = state.clusters;
  const wKey = transliterationKey(w.key);
  if (wKey === '') return false;
  for (let id = 0; id < clusters.length; id++) {
    const c = clusters[id];
    if (c.type !== 'PER' || c.owned) continue;
    const cKey = state.translit(id);
    // A surname spelt another way joins a full name already mentioned before it.
    const full = cKey === wKey && sameNameVariant(c.key, w.key);
    const surname =
      !full && w.words.length === 1 && cKey.endsWith(` ${wKey}`) && lastBefore(c, w.first) >= 0 && sameNameVariant(c.key.slice(c.key.lastIndexOf(' ') + 1), w.key);
    if (!full && !surname) continue;
    if (pick >= 0 && pick !== id) return false;
    pick = id;
  }
  if (pick < 0) return false;
  if (state.clusters[pick].key !== w.key) w.kind = w.words.length === 1 && state.clusters[pick].words.length > 1 ? 'surname' : 'alias';
  state.attach(w, pick);
  return true;
}

function canonicalPlace(w: Work): string {
  if (w.type !== 'LOC') return w.key;
  const name = w.words.join(' ');
  return nameKey(countryOfName(name) ?? name);
}

function possessiveOrganisations(doc: TokenText, state: ClusterSet, work: readonly Work[], mentionAt: Int32Array): Work[] {
  const tokens = doc.tokens;
  const clusters = state.clusters;
  const extra: Work[] = [];
  for (const w of work) {
    if (w.entity < 0) continue;
    const markIdx = w.last + 1;
    if (markIdx + 1 >= tokens.length || !isPossessiveMark(doc.form(markIdx)) || tokens[markIdx].sentence !== tokens[w.last].sentence) continue;
    // "Netanyahu's office"; "Romania's defence ministry": up to two modifiers before a generic body's head.
    let end = -1;
    const body: string[] = [];
    for (let j = markIdx + 1; j <= markIdx + 3 && j < tokens.length && mentionAt[j] < 0 && tokens[j].sentence === tokens[w.last].sentence; j++) {
      body.push(doc.lower(j));
      if (j === markIdx + 1 ? POSSESSED_ORGS.has(body[0]) : isGenericBody(body)) end = j;
    }
    if (end < 0) continue;
    const owner = clusters[w.entity];
    const nounWords: string[] = [];
    for (let j = markIdx + 1; j <= end; j++) nounWords.push(doc.form(j));
    const noun = nounWords.join(' ').toLowerCase();
    const words = [...owner.words, "'s", ...nounWords];
    // A country owner by its canonical name, so that "Russia's defence ministry" and "Russian Defence Ministry" meet.
    const country = owner.type === 'LOC' ? countryOf(entityName(owner)) : undefined;
    const key = country ? nameKey(`${country}'s ${noun}`) : `${owner.key}'s ${noun}`;
    const p = makeWork(w.first, end, 'ORG', 'possessive', words, key, []);
    const existing = state.get('ORG', key);
    if (existing !== undefined) state.attach(p, existing);
    else {
      const id = state.create(p);
      clusters[id].owner = w.entity;
      clusters[id].words = [...owner.words, "'s", ...noun.split(' ')];
      if (country) clusters[id].owned = `${country}'s ${noun}`;
      state.attach(p, id);
    }
    extra.push(p);
  }
  return extra;
}

/** 5. Output, entities in order of first mention. */
function output(doc: TokenText, clusters: readonly Cluster[], work: readonly Work[], extra: readonly Work[]): ResolveOutput {
  const tokens = doc.tokens;
  const order: { id: number; first: number }[] = [];
  for (let id = 0; id < clusters.length; id++) {
    let first = Infinity;
    for (const m of clusters[id].mentions) first = Math.min(first, tokens[m.first].start);
    order.push({ id, first });
  }
  order.sort((a, b) => a.first - b.first);
  const newId = new Int32Array(clusters.length);
  for (let k = 0; k < order.length; k++) newId[order[k].id] = k;
  const entities: Entity[] = [];
  for (let k = 0; k < order.length; k++) entities.push(entityOf(clusters, order[k].id, k, tokens, newId));
  const mentions: Mention[] = [];
  for (const w of work) if (w.entity >= 0) mentions.push(mentionOf(w, doc, newId));
  for (const w of extra) mentions.push(mentionOf(w, doc, newId));
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  return { mentions, entities };
}

function mentionOf(w: Work, doc: TokenText, newId: Int32Array): Mention {
  const start = doc.tokens[w.first].start;
  const end = doc.tokens[w.last].end;
  return { start, end, text: doc.text.slice(start, end), entity: newId[w.entity], kind: w.kind };
}

function entityOf(clusters: readonly Cluster[], id: number, k: number, tokens: readonly Token[], newId: Int32Array): Entity {
  const c = clusters[id];
  const spans: Span[] = [];
  for (const m of c.mentions) spans.push({ start: tokens[m.first].start, end: tokens[m.last].end });
  spans.sort((a, b) => a.start - b.start);
  let type = c.type;
  let best = -1;
  for (const [t, v] of c.typeVotes) {
    if (v > best) {
      best = v;
      type = t;
    }
  }
  const owned = c.owner >= 0;
  if (owned || c.owned) type = 'ORG';
  const mark = c.words.lastIndexOf("'s");
  const lastWord = c.words.slice(mark + 1).join(' ');
  const name = c.owned ?? (owned ? `${entityName(clusters[c.owner])}'s ${lastWord}` : entityName(c));
  const entity: Entity = {
    id: `e${k}`,
    start: spans[0].start,
    end: spans[0].end,
    name,
    type,
    mentions: spans,
    roles: c.roles,
    key: c.owned ? nameKey(c.owned) : owned ? `${nameKey(entityName(clusters[c.owner]))}'s ${nameKey(lastWord)}` : nameKey(name),
    confidence: confidenceOf(c),
  };
  if (owned) entity.owner = `e${newId[c.owner]}`;
  return entity;
}

function entityName(c: Cluster): string {
  const joined = c.words.join(' ');
  // Most names have no comma, period or hyphen to close up.
  if (!/[,.-]/.test(joined)) return joined;
  return joined.replace(/ ([,.])/g, '$1').replace(/\s*-\s*/g, '-');
}

function confidenceOf(c: Cluster): number {
  let conf = 0.75;
  if (c.mentions.length > 1) conf += 0.1;
  if (c.words.length > 1) conf += 0.05;
  if (c.typeVotes.size > 1) conf -= 0.15;
  return Math.round(Math.max(0.3, Math.min(0.95, conf)) * 100) / 100;
}

/** Whether `part` occurs in `full` as whole words (` ${full} ` includes ` ${part} `), without building strings. */
export function containsKey(full: string, part: string): boolean {
  if (full === part) return true;
  if (part === '') return full.includes('  ') || full.startsWith(' ') || full.endsWith(' ');
  for (let at = full.indexOf(part); at >= 0; at = full.indexOf(part, at + 1)) {
    const end = at + part.length;
    if ((at === 0 || full.charCodeAt(at - 1) === 32) && (end === full.length || full.charCodeAt(end) === 32)) return true;
  }
  return false;
}

function addDatelinePlace(doc: TokenText, d: Span, work: Work[]): void {
  const tokens = doc.tokens;
  if (work.some((w) => tokens[w.first].start >= d.start && tokens[w.last].end <= d.end)) return;
  const inside: number[] = [];
  tokens.forEach((t, i) => {
    if (t.start >= d.start && t.end <= d.end && /\p{L}/u.test(doc.form(i))) inside.push(i);
  });
  if (inside.length === 0) return;
  // The dateline's city: the capitalised run before the first comma or closing parenthesis.
  let end = inside[0];
  while (end + 1 < tokens.length && inside.includes(end + 1)) end++;
  const words: string[] = [];
  for (let i = inside[0]; i <= end; i++) words.push(doc.form(i));
  work.push(makeWork(inside[0], end, 'LOC', 'name', words, nameKey(words.join(' ')), []));
}
