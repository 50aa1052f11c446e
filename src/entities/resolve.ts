/**
 * From tagged mention spans to article entities: titles and honorifics peeled off names, roles from
 * pre-nominal titles ("Kremlin spokesperson Dmitry Peskov") and appositions ("Rustem Umerov,
 * secretary of the …"), possessive organisations ("Netanyahu's office"), and within-article
 * coreference of name variants ("Dmitry Peskov" … "Peskov"; "Zelenskyy" … "Volodymyr Zelenskyy").
 *
 * Works on token indexes of the article's `tokens` layer; all output spans are text offsets.
 */
import type { Entity, EntityRole, EntityType, Mention, Token } from '../core/layers.js';
import type { Span } from '../core/article.js';
import { REGIONS, countryOfDemonym, countryOfName, isKnownPlaceName } from './countries.js';
import { isCapitalized, normalizeForm } from './features.js';
import { countryOf, isGenericBody, isGenericHead, ownedBody } from './owners.js';
import { DETERMINERS, HONORIFICS, POSSESSED_ORGS, ROLE_CONNECTORS, ROLE_HEADS, ROLE_WORDS, nameKey, sameNameVariant, transliterationKey } from './names.js';

/** A mention as the tagger found it, over tokens `[first, last]` (inclusive). */
export interface RawMention {
  first: number;
  last: number;
  type: EntityType;
}

interface Work {
  first: number;
  last: number;
  type: EntityType;
  kind: Mention['kind'];
  /** Name tokens as written (title-free). */
  words: string[];
  key: string;
  titles: string[];
  entity: number;
  /** A generic body's owner-qualified name ("Romania's Defence Ministry"), when the text gives the owner. */
  owned?: string;
}

interface Cluster {
  type: EntityType;
  mentions: Work[];
  /** Longest name words seen. */
  words: string[];
  key: string;
  roles: EntityRole[];
  /** The owning cluster of a possessive organisation ("Netanyahu's office"); -1 for none. */
  owner: number;
  typeVotes: Map<EntityType, number>;
  /** Owner-qualified name of a generic body (Work.owned); its key is this name's key. */
  owned?: string;
}

const lower = (s: string): string => {
  const l = normalizeForm(s).toLowerCase();
  return l.endsWith('.') ? l.slice(0, -1) : l;
};
const isPossessiveMark = (s: string): boolean => s === "'s" || s === '’s' || s === "'" || s === '’';

/*
 * Per-token caches shared by all TokenText instances, reused from article to article: an entry is
 * valid when its stamp is the current instance's. Resolution is synchronous and never re-entered,
 * so only the newest TokenText is ever read.
 */
let formCache: string[] = new Array<string>(1024).fill('');
let lowerCache: string[] = new Array<string>(1024).fill('');
let formStamp = new Int32Array(1024);
let lowerStamp = new Int32Array(1024);
let stampCounter = 0;

/**
 * An article's tokens with their surface forms and `lower` forms computed once, on first use.
 * Resolution reads the same few tokens around each mention many times. Only the most recently
 * created TokenText may be used (they share one cache).
 */
class TokenText {
  private readonly stamp: number;

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
  ) {
    if (formStamp.length < tokens.length) {
      const size = Math.max(tokens.length, 2 * formStamp.length);
      formStamp = new Int32Array(size);
      lowerStamp = new Int32Array(size);
      formCache = new Array<string>(size).fill('');
      lowerCache = new Array<string>(size).fill('');
    }
    if (stampCounter === 0x7fffffff) {
      stampCounter = 0;
      formStamp.fill(0);
      lowerStamp.fill(0);
    }
    this.stamp = ++stampCounter;
  }

  /** The token's text. */
  form(i: number): string {
    if (formStamp[i] === this.stamp) return formCache[i];
    const t = this.tokens[i];
    const f = this.text.slice(t.start, t.end);
    formCache[i] = f;
    formStamp[i] = this.stamp;
    return f;
  }

  /** The token's text normalised, lowercased, without a final period. */
  lower(i: number): string {
    if (lowerStamp[i] === this.stamp) return lowerCache[i];
    const l = lower(this.form(i));
    lowerCache[i] = l;
    lowerStamp[i] = this.stamp;
    return l;
  }

  /** Text of tokens first..last inclusive. */
  surface(first: number, last: number): string {
    return this.text.slice(this.tokens[first].start, this.tokens[last].end);
  }
}

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
let byteScratch = new Uint8Array(1024);
const COVERED = 1;
const STARTS = 2;

/** A zeroed byte array of at least `n` entries (shared; valid until the next call). */
function scratchBytes(n: number): Uint8Array {
  if (byteScratch.length < n) byteScratch = new Uint8Array(Math.max(n, 2 * byteScratch.length));
  else byteScratch.fill(0, 0, n);
  return byteScratch;
}

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

/** 3. Roles: titles inside the mention, pre-nominal titles, appositions. */
function assignRoles(doc: TokenText, clusters: Cluster[], work: readonly Work[], mentionAt: Int32Array, raw: readonly RawMention[]): void {
  const tokens = doc.tokens;
  for (const w of work) {
    if (w.entity < 0 || clusters[w.entity].type !== 'PER') continue;
    const c = clusters[w.entity];
    const pre = preNominalRole(w, doc, mentionAt, raw);
    if (pre !== null) {
      // "senior Hamas leader Dr." → the role and, apart, the honorific.
      const words = pre.title.split(' ');
      let k = words.length;
      while (k > 1 && /\.$/.test(words[k - 1]) && HONORIFICS.has(lower(words[k - 1]))) k--;
      const restIsHonorific = words.slice(0, k).every((x) => HONORIFICS.has(lower(x)));
      if (k < words.length && !restIsHonorific) {
        addRole(c, { ...pre, title: words.slice(0, k).join(' ') });
        addRole(c, { title: words.slice(k).join(' '), evidence: pre.evidence });
      } else addRole(c, pre);
    } else if (w.titles.length > 0) {
      addRole(c, { title: w.titles.join(' '), evidence: { start: tokens[w.first].start - w.titles.join(' ').length - 1, end: tokens[w.last].end } });
    }
    const app = apposition(w, doc, mentionAt, raw);
    if (app !== null) addRole(c, app);
  }
  for (const c of clusters) fixEvidence(c, doc.text);
}

/** 4. Possessive organisations: "<entity>'s office". */
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

const CALENDAR = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'mon', 'tue', 'wed',
  'thu', 'fri', 'sat', 'sun', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
/** Lowercase words allowed inside names ("Mohammad bin Salman", "Ministry of the Interior"). */
const NAME_FUNCTION_WORDS = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'van', 'von', 'de', 'da', 'der', 'den', 'del', 'di', 'du', 'la', 'le', 'dos', 'das', 'y', "'s", 'st.']);
const ORG_FUNCTION_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'to', '&', 'du', 'des', 'et', 'a']);
const NAME_PARTICLES = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'van', 'von', 'de', 'da', 'der', 'abu', 'ben', 'del', 'di', 'la', 'le']);

const ORG_WORDS = new Set([
  'ministry', 'command', 'council', 'committee', 'agency', 'bureau', 'department', 'forces', 'army', 'navy', 'police',
  'party', 'university', 'company', 'corporation', 'corp', 'inc', 'ltd', 'llc', 'group', 'bank', 'news', 'times',
  'post', 'journal', 'association', 'union', 'court', 'parliament', 'government', 'administration', 'embassy',
  'headquarters', 'institute', 'foundation', 'commission', 'authority', 'office', 'service', 'services', 'brigade',
  'battalion', 'regiment', 'division', 'fund', 'organization', 'organisation', 'federation', 'club', 'airlines',
]);

/** A country, alias or region from our tables ("Africa", "U.S.", "Gaza"). */
function isKnownPlace(name: string): boolean {
  return countryOfName(name) !== undefined || REGION_SET.has(name.toLowerCase());
}
const REGION_SET = new Set(REGIONS.map((r) => r.toLowerCase()));

/** Whether the form holds a letter (/\p{L}/u); ASCII letters are found without the regex. */
const isWord = (f: string): boolean => {
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    if (c >= 128) return /\p{L}/u.test(f);
  }
  return false;
};
const isCap = (f: string): boolean => isWord(f) && isCapitalized(f);

/**
 * Repairs tagger output before resolution: titles glued to names are split off ("Army Secretary
 * Daniel P. Driscoll" → PER "Daniel P. Driscoll", the title left for the role finder; "United Nations
 * Secretary-General Antonio Guterres" → ORG + PER), hyphen and particle joins are merged
 * ("Al-Hayya", "Mohammad bin Salman"), and bare weekday/month names are dropped.
 */
export function refineMentions(text: string, tokens: readonly Token[], input: readonly RawMention[]): RawMention[] {
  return refine(new TokenText(text, tokens), input);
}

/** The mentions in order of first token (a stable sort; the tagger's are already in order). */
function sortedByFirst(input: readonly RawMention[]): readonly RawMention[] {
  for (let k = 1; k < input.length; k++) if (input[k].first < input[k - 1].first) return [...input].sort((a, b) => a.first - b.first);
  return input;
}

function refine(doc: TokenText, input: readonly RawMention[]): RawMention[] {
  const tokens = doc.tokens;
  const out: RawMention[] = [];
  // Per token: COVERED when inside an input mention, STARTS when one begins there.
  const marks = scratchBytes(tokens.length);
  for (const m of input) {
    marks[m.first] |= STARTS;
    for (let i = m.first; i <= m.last; i++) marks[i] |= COVERED;
  }
  for (const m0 of sortedByFirst(input)) refineOne(doc, input, marks, { first: m0.first, last: m0.last, type: m0.type }, out);
  joinHyphenatedNames(doc, marks, out);
  trimTitlesBeforePersons(doc, out);
  return mergeJoined(doc, out);
}

/*
 * The steps of refine, each a small function: V8 optimises a function after it has run enough
 * bytecode for its size, so one large function stayed unoptimised for most of a corpus.
 */

const isRoleAt = (doc: TokenText, i: number): boolean => ROLE_WORDS.has(doc.lower(i)) || (doc.form(i) === '-' && i > 0 && ROLE_WORDS.has(doc.lower(i - 1)));

/** One tagger mention repaired; pushes what it becomes (nothing, itself, or an organisation and a person) to `out`. */
function refineOne(doc: TokenText, input: readonly RawMention[], marks: Uint8Array, m: RawMention, out: RawMention[]): void {
  stopAtLowercase(doc, m);
  while (m.last > m.first && ROLE_CONNECTORS.has(doc.lower(m.last))) m.last--;
  if (m.type === 'PER') extendPerson(doc, input, marks, m);
  trimNonWords(doc, m);
  if (m.type === 'PER') retypePerson(doc, m);
  honorificMakesPerson(doc, m);
  if (splitAtRole(doc, marks, m, out)) return;
  // Only title words ("Sergeant Major", "Secretary"): not an entity; the role finder reads them.
  if (onlyTitleWords(doc, m)) return;
  if (m.type === 'PER' && onlyRoleWords(doc, m)) m.type = 'ORG';
  if (m.first === m.last && CALENDAR.has(doc.lower(m.first))) return;
  out.push(m);
}

/**
 * A name does not run on over lowercase words ("Trump believes this unfortunate"): the tagger's
 * greedy decoding can leave a span open. Organisation names keep their function words.
 */
function stopAtLowercase(doc: TokenText, m: RawMention): void {
  for (let i = m.first + 1; i <= m.last; i++) {
    const f = doc.form(i);
    if (isWord(f) && f === f.toLowerCase() && !NAME_FUNCTION_WORDS.has(f) && !(m.type !== 'PER' && ORG_FUNCTION_WORDS.has(f))) {
      m.last = i - 1;
      break;
    }
  }
}

/** "Gen. Curtis Buzzard" tagged as "Buzzard": take capitalised words back to a title; an initial does not end a name. */
function extendPerson(doc: TokenText, input: readonly RawMention[], marks: Uint8Array, m: RawMention): void {
  const tokens = doc.tokens;
  let f = m.first;
  while (f - 1 >= 0 && m.first - f < 2 && (marks[f - 1] & COVERED) === 0 && isCap(doc.form(f - 1)) && !ROLE_WORDS.has(doc.lower(f - 1)) && tokens[f - 1].sentence === tokens[m.first].sentence) f--;
  if (f < m.first && f - 1 >= 0 && (HONORIFICS.has(doc.lower(f - 1)) || ROLE_HEADS.has(doc.lower(f - 1)))) m.first = f;
  // "Daniel P." + "Driscoll": an initial does not end a name.
  while (m.last + 1 < tokens.length && /^\p{Lu}\.$/u.test(doc.form(m.last)) && isCap(doc.form(m.last + 1)) && !ROLE_WORDS.has(doc.lower(m.last + 1)) && tokens[m.last + 1].sentence === tokens[m.last].sentence) {
    m.last++;
    if ((marks[m.last] & COVERED) !== 0) {
      const next = input.find((x) => x.first === m.last);
      if (next !== undefined) m.last = next.last;
    }
  }
}

/** Punctuation at either end (digits stay). */
function trimNonWords(doc: TokenText, m: RawMention): void {
  while (m.first < m.last && !isWord(doc.form(m.first)) && !/\d/.test(doc.form(m.first))) m.first++;
  while (m.last > m.first && !isWord(doc.form(m.last)) && !/\d/.test(doc.form(m.last))) m.last--;
}

/** A "person" that is a known place, a demonym, or made of organisation, role or place words. */
function retypePerson(doc: TokenText, m: RawMention): void {
  let orgWord = false;
  let allPlaceOrRole = true;
  for (let i = m.first; i <= m.last; i++) {
    if (ORG_WORDS.has(doc.lower(i))) orgWord = true;
    if (!(ROLE_WORDS.has(doc.lower(i)) || isKnownPlace(doc.form(i)))) allPlaceOrRole = false;
  }
  const whole = doc.surface(m.first, m.last);
  if (isKnownPlace(whole)) m.type = 'LOC';
  else if (countryOfDemonym(whole) !== undefined) m.type = 'MISC';
  else if (orgWord || allPlaceOrRole) m.type = 'ORG';
}

/** Leading honorifics ("Col.", "Gen.", "Sheikh") make the rest a person. */
function honorificMakesPerson(doc: TokenText, m: RawMention): void {
  let h = m.first;
  while (h < m.last && (HONORIFICS.has(doc.lower(h)) || doc.form(h) === '.')) h++;
  if (h > m.first && h <= m.last && isCap(doc.form(h)) && !ROLE_WORDS.has(doc.lower(h)) && /\.$|^(sheikh|sheik|shaikh|emir|imam|rabbi|ayatollah)$/i.test(doc.form(m.first))) {
    m.type = 'PER';
  }
}

/**
 * A role word inside the mention followed by a capitalised, role-free tail: split there, pushing the
 * organisation before the role (if any) and the person after it. True when split.
 */
function splitAtRole(doc: TokenText, marks: Uint8Array, m: RawMention, out: RawMention[]): boolean {
  const tokens = doc.tokens;
  let r = -1;
  for (let i = m.last - 1; i >= m.first; i--) {
    if (isRoleAt(doc, i)) {
      r = i;
      break;
    }
  }
  if (r < 0) return false;
  let tailOk = true;
  for (let i = r + 1; i <= m.last; i++) {
    if (!(isCap(doc.form(i)) || doc.form(i) === '.') || ROLE_WORDS.has(doc.lower(i)) || ORG_WORDS.has(doc.lower(i))) tailOk = false;
  }
  let p = m.first;
  while (p <= r && !isRoleAt(doc, p)) p++;
  let hasHead = false;
  for (let i = p; i <= r; i++) if (ROLE_HEADS.has(doc.lower(i))) hasHead = true;
  const tail = doc.surface(r + 1, m.last);
  const tailLen = m.last - r;
  const placeTail = countryOfName(tail) !== undefined || countryOfDemonym(tail) !== undefined;
  if (!(tailOk && !placeTail && (hasHead || tailLen >= 2))) return false;
  if (p > m.first) out.push({ first: m.first, last: p - 1, type: m.type === 'PER' ? 'ORG' : m.type });
  let last = m.last;
  // "Vice President JD Vance": the tagger may stop early; take following capitalised words.
  while (last + 1 < tokens.length && tokens[last + 1].sentence === tokens[last].sentence && isCap(doc.form(last + 1)) && !ROLE_WORDS.has(doc.lower(last + 1)) && (marks[last + 1] & STARTS) === 0 && last - r < 4) last++;
  out.push({ first: r + 1, last, type: 'PER' });
  return true;
}

function onlyTitleWords(doc: TokenText, m: RawMention): boolean {
  for (let i = m.first; i <= m.last; i++) {
    const l = doc.lower(i);
    if (!(ROLE_HEADS.has(l) || HONORIFICS.has(l) || ROLE_CONNECTORS.has(l) || doc.form(i) === '.')) return false;
  }
  return true;
}

function onlyRoleWords(doc: TokenText, m: RawMention): boolean {
  for (let i = m.first; i <= m.last; i++) if (!(ROLE_WORDS.has(doc.lower(i)) || ROLE_CONNECTORS.has(doc.lower(i)))) return false;
  return true;
}

/** "Karin Keller-Sutter": a name runs on over a touching hyphen and a capitalised word. */
function joinHyphenatedNames(doc: TokenText, marks: Uint8Array, out: RawMention[]): void {
  const tokens = doc.tokens;
  for (const m of out) {
    while (
      m.last + 2 < tokens.length &&
      doc.form(m.last + 1) === '-' &&
      tokens[m.last + 1].start === tokens[m.last].end &&
      tokens[m.last + 2].start === tokens[m.last + 1].end &&
      isCap(doc.form(m.last + 2)) &&
      (marks[m.last + 2] & STARTS) === 0
    ) {
      m.last += 2;
    }
  }
}

/**
 * "United Nations Secretary-General Antonio Guterres": role words that end an organisation right before
 * a person are the person's title, not part of the organisation.
 */
function trimTitlesBeforePersons(doc: TokenText, out: RawMention[]): void {
  const personStarts = new Set<number>();
  for (const x of out) if (x.type === 'PER') personStarts.add(x.first);
  if (personStarts.size === 0) return;
  for (const m of out) {
    if (m.type === 'PER' || !personStarts.has(m.last + 1)) continue;
    let last = m.last;
    while (last > m.first && (ROLE_HEADS.has(doc.lower(last)) || (doc.form(last) === '-' && ROLE_HEADS.has(doc.lower(last - 1))))) last--;
    if (last < m.last && last >= m.first && !ROLE_WORDS.has(doc.lower(last))) m.last = last;
  }
}

/** Merge across hyphens without spaces and name particles. */
function mergeJoined(doc: TokenText, out: readonly RawMention[]): RawMention[] {
  const tokens = doc.tokens;
  const merged: RawMention[] = [];
  for (const m of out) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && tokens[prev.last].sentence === tokens[m.first].sentence) {
      const gap = m.first - prev.last - 1;
      const joinTok = prev.last + 1;
      const hyphen = gap === 1 && doc.form(joinTok) === '-' && tokens[joinTok].start === tokens[prev.last].end && tokens[m.first].start === tokens[joinTok].end;
      const particle = gap === 1 && NAME_PARTICLES.has(doc.form(joinTok).toLowerCase()) && (prev.type === 'PER' || m.type === 'PER');
      const touching = gap === 0 && tokens[m.first].start === tokens[prev.last].end;
      // "Saif al-Islam", "Bashar al-Assad": a particle hyphenated onto the next name.
      const hyphenParticle =
        gap === 2 &&
        NAME_PARTICLES.has(doc.form(joinTok).toLowerCase()) &&
        doc.form(joinTok + 1) === '-' &&
        tokens[joinTok + 1].start === tokens[joinTok].end &&
        tokens[m.first].start === tokens[joinTok + 1].end &&
        (prev.type === 'PER' || m.type === 'PER');
      if (hyphen || particle || touching || hyphenParticle) {
        prev.last = m.last;
        if (m.type === 'PER' || prev.type === 'PER') prev.type = 'PER';
        continue;
      }
    }
    merged.push({ first: m.first, last: m.last, type: m.type });
  }
  return merged;
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

function lastBefore(c: Cluster, at: number): number {
  let best = -1;
  for (const m of c.mentions) if (m.first < at && m.first > best) best = m.first;
  return best;
}

/** "Mr", "Mrs." say nothing of what a person does: never a role (ranks like "Gen." are). */
const COURTESY_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'messrs', 'mme', 'mlle', 'madam', 'madame', 'monsieur', 'herr', 'frau', 'his', 'her']);

function addRole(c: Cluster, role: EntityRole): void {
  if (role.title.split(/\s+/).every((w) => COURTESY_TITLES.has(w.toLowerCase().replace(/\.$/, '')))) return;
  const key = `${role.title.toLowerCase()}|${role.affiliation ?? ''}`;
  if (c.roles.some((r) => `${r.title.toLowerCase()}|${r.affiliation ?? ''}` === key)) return;
  c.roles.push(role);
}

function dedupeRoles(c: Cluster): void {
  c.roles = c.roles.filter(
    (r) => !c.roles.some((o) => o !== r && o.title.length > r.title.length && o.title.toLowerCase().endsWith(r.title.toLowerCase())),
  );
}

function fixEvidence(c: Cluster, text: string): void {
  dedupeRoles(c);
  for (const r of c.roles) {
    r.evidence = { start: Math.max(0, r.evidence.start), end: Math.min(text.length, r.evidence.end) };
  }
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

/**
 * Walks left from a person's name over role words, connectors and modifier mentions:
 * "Israeli Prime Minister Benjamin Netanyahu" → title "Prime Minister", affiliation "Israel";
 * "Kremlin spokesperson Dmitry Peskov" → title "Kremlin spokesperson", affiliation "Kremlin".
 */
function preNominalRole(w: Work, doc: TokenText, mentionAt: Int32Array, raw: readonly RawMention[]): EntityRole | null {
  const { text, tokens } = doc;
  const form = (i: number): string => doc.form(i);
  const sentence = tokens[w.first].sentence;
  let i = w.first - 1;
  let start = w.first;
  let hasHead = w.titles.some((t) => t.split(/\s+/).some((x) => ROLE_HEADS.has(lower(x))));
  let affiliation: string | undefined;
  let steps = 0;
  while (i >= 0 && tokens[i].sentence === sentence && steps < 10) {
    const f = form(i);
    const lw = doc.lower(i);
    const m = mentionAt[i];
    if (m >= 0 && raw[m].last === i && raw[m].type !== 'PER' && i + 1 === start) {
      // A modifier mention: "Kremlin", "Israeli", "U.S.", "Ukraine's".
      const mm = raw[m];
      const surface = text.slice(tokens[mm.first].start, tokens[mm.last].end);
      const country = countryOfDemonym(surface) ?? countryOfName(surface);
      affiliation ??= country ?? surface;
      start = mm.first;
      i = mm.first - 1;
      steps++;
      continue;
    }
    if (isPossessiveMark(f) && i > 0 && mentionAt[i - 1] >= 0 && raw[mentionAt[i - 1]].type !== 'PER' && i + 1 === start) {
      start = i;
      i--;
      continue;
    }
    if (f === '-' && i > 0 && tokens[i].start === tokens[i - 1].end && tokens[i].end === tokens[i + 1].start && ROLE_WORDS.has(doc.lower(i - 1))) {
      start = i;
      i--;
      continue;
    }
    const prevLw = i > 0 ? doc.lower(i - 1) : '';
    const connectorOk = ROLE_CONNECTORS.has(lw) && i > 0 && (ROLE_WORDS.has(prevLw) || ROLE_CONNECTORS.has(prevLw) || mentionAt[i - 1] >= 0);
    if (ROLE_WORDS.has(lw) || connectorOk) {
      const demonym = isCapitalized(f) ? countryOfDemonym(f) : undefined;
      if (demonym !== undefined) affiliation ??= demonym;
      if (ROLE_HEADS.has(lw)) hasHead = true;
      start = i;
      i--;
      steps++;
      continue;
    }
    const demonym = isCapitalized(f) ? countryOfDemonym(f) : undefined;
    if (demonym !== undefined && i + 1 === start) {
      affiliation ??= demonym;
      start = i;
      i--;
      steps++;
      continue;
    }
    break;
  }
  if (!hasHead || start >= w.first) return null;
  // Trim connectors and determiners at the left edge; drop leading country/demonym modifiers from the title.
  let s = start;
  while (s < w.first && (ROLE_CONNECTORS.has(doc.lower(s)) || DETERMINERS.has(doc.lower(s)))) s++;
  let titleStart = s;
  while (titleStart < w.first) {
    const m = mentionAt[titleStart];
    const f = form(titleStart);
    const surface = m >= 0 ? text.slice(tokens[raw[m].first].start, tokens[raw[m].last].end) : f;
    const isCountry = countryOfDemonym(surface) !== undefined || countryOfName(surface) !== undefined;
    if (!isCountry) break;
    titleStart = m >= 0 ? raw[m].last + 1 : titleStart + 1;
    while (titleStart < w.first && isPossessiveMark(form(titleStart))) titleStart++;
  }
  if (titleStart >= w.first) return null;
  const title = text.slice(tokens[titleStart].start, tokens[w.first - 1].end).replace(/\s+/g, ' ');
  if (!title.split(' ').some((x) => ROLE_HEADS.has(lower(x)))) return null;
  const role: EntityRole = { title, evidence: { start: tokens[s].start, end: tokens[w.last].end } };
  if (affiliation !== undefined) role.affiliation = affiliation;
  return role;
}

/** "Rustem Umerov, secretary of the National Security and Defense Council," → that role. */
function apposition(w: Work, doc: TokenText, mentionAt: Int32Array, raw: readonly RawMention[]): EntityRole | null {
  const { text, tokens } = doc;
  const form = (i: number): string => doc.form(i);
  let i = w.last + 1;
  if (i >= tokens.length || form(i) !== ',' || tokens[i].sentence !== tokens[w.last].sentence) return null;
  i++;
  const sentence = tokens[w.last].sentence;
  let s = i;
  while (s < tokens.length && DETERMINERS.has(doc.lower(s))) s++;
  // The role head must come within the first few words ("the Chief of Staff", "secretary of …").
  let head = -1;
  for (let k = s; k < Math.min(tokens.length, s + 4) && tokens[k].sentence === sentence; k++) {
    const lw = doc.lower(k);
    if (ROLE_HEADS.has(lw)) {
      head = k;
      break;
    }
    if (!(ROLE_WORDS.has(lw) || mentionAt[k] >= 0 || isPossessiveMark(form(k)))) break;
  }
  if (head < 0) return null;
  let end = head;
  let affiliation: string | undefined;
  for (let k = head + 1; k < tokens.length && tokens[k].sentence === sentence && k < head + 14; k++) {
    const f = form(k);
    if (f === ',' || f === ';' || f === ')' || f === '.' || f === '—' || f === '–' || f === ':') break;
    const lw = doc.lower(k);
    if (lw === 'who' || lw === 'which' || lw === 'said' || lw === 'says') break;
    if (lw === 'and') {
      const nextM = k + 1 < tokens.length ? mentionAt[k + 1] : -1;
      const inName = nextM >= 0 && raw[nextM].type !== 'PER' && mentionAt[k - 1] >= 0;
      if (!(inName || (k + 1 < tokens.length && ROLE_WORDS.has(doc.lower(k + 1))))) return null;
    }
    const m = mentionAt[k];
    if (m >= 0 && raw[m].type === 'PER') break;
    if (m >= 0 && affiliation === undefined) {
      const surface = text.slice(tokens[raw[m].first].start, tokens[raw[m].last].end);
      affiliation = countryOfDemonym(surface) ?? countryOfName(surface) ?? surface;
    }
    end = k;
  }
  // An apposition is closed: by a comma, a dash, a parenthesis or the end of the sentence.
  const after = end + 1;
  if (after < tokens.length && tokens[after].sentence === sentence && !/^[,;)—–:.]$/.test(form(after))) return null;
  const title = text.slice(tokens[s].start, tokens[end].end).replace(/\s+/g, ' ');
  const role: EntityRole = { title, evidence: { start: tokens[w.first].start, end: tokens[end].end } };
  if (affiliation !== undefined) role.affiliation = affiliation;
  return role;
}
