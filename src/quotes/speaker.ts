/**
 * Speaker resolution: a speaker noun phrase → an entity of the article, or an anonymous source.
 *
 * - names and surnames: the entities layer's mentions inside the phrase (the one covering its head wins);
 *   failing that, an entity whose last name word equals the head;
 * - pronouns: the mentions layer if coreference resolved it; otherwise "he/she" → the nearest earlier
 *   person speaker (then person mention), "it/they" → the nearest earlier organisation speaker or mention;
 * - nominals ("the ministry", "the command"): the nearest earlier speaker or entity whose name has that head;
 *   "the official" → the earlier anonymous source it refers back to (still anonymous);
 * - anonymous sources ("a U.S. official", "local officials") stay anonymous (entity null) unless the
 *   phrase names an organisation they speak for ("a spokesperson for Qatar's Ministry of Foreign Affairs").
 */
import type { Span } from '../core/article.js';
import type { Entity, EntityType, Layers, Mention, SpeakerRef } from '../core/layers.js';
import { ANONYMOUS_HEADS, ORG_HEADS, PRONOUNS } from './lexicon.js';
import { firstAtOrAfter } from './tokens.js';

interface TokLike extends Span {
  text: string;
  lower: string;
  pos: string;
  sentence: number;
}

export interface RawSpeaker extends Span {
  text: string;
  /** Token range of the phrase. */
  tokens: [number, number];
  /** For a relative "who"/"which": the phrase it hangs on ("a UKIP spokesman, who said"), resolved in its place. */
  antecedent?: Span & { text: string; tokens: [number, number] };
}

interface History {
  /** A he/she/it/they with no antecedent found: kept for the look-back, never given as a speaker. */
  unresolved?: boolean;
  ref: SpeakerRef;
  type: EntityType | null;
  head: string;
  /** The phrase's words before any complement ("The Defense Ministry" of "The Defense Ministry in Bucharest"). */
  core: string;
  plural: boolean;
  /** Two or more coordinated speakers ("X and Y"). */
  group?: boolean;
}

const LINKS = new Set(['for', 'of', 'at', 'from', 'in', 'with', 'to']);

/** The phrase a pronoun or nominal refers back to: the earlier speaker's own phrase, or what that one referred to. */
function backRef(prev: History): Span & { text: string } {
  const r = prev.ref;
  return r.antecedent ?? { start: r.start, end: r.end, text: r.text };
}

const MALE_HEAD = /^(?:spokesman|chairman|congressman|businessman|man|king|father|brother|son|husband|lord|sir|mr)$/;
const FEMALE_HEAD = /^(?:spokeswoman|chairwoman|congresswoman|businesswoman|woman|queen|mother|sister|daughter|wife|lady|baroness|mrs|ms)$/;

/** "he" cannot refer back to "a spokeswoman", nor "she" to "a spokesman"; other heads fit either. */
function genderFits(pronoun: string, head: string): boolean {
  if (pronoun === 'he') return !FEMALE_HEAD.test(head);
  if (pronoun === 'she') return !MALE_HEAD.test(head);
  return true;
}

function singularOf(word: string): string {
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

export function resolveSpeakers(
  text: string,
  toks: readonly TokLike[],
  raw: ReadonlyArray<{ start: number }>,
  speakers: ReadonlyArray<RawSpeaker | null>,
  layers: Readonly<Layers>,
): Array<SpeakerRef | null> {
  const entities = layers.entities ?? [];
  const mentions = [...(layers.mentions ?? [])].sort((a, b) => a.start - b.start);
  const byId = new Map<string, Entity>();
  entities.forEach((e) => byId.set(e.id, e));
  const entityAt = (m: Mention): Entity | undefined => entities[m.entity];
  const history: History[] = [];
  const out: Array<SpeakerRef | null> = speakers.map(() => null);
  // resolve in text order of the speaker phrase (pronouns look back)
  const order = speakers
    .map((s, i) => ({ s, i }))
    .filter((x): x is { s: RawSpeaker; i: number } => x.s !== null)
    .sort((a, b) => a.s.start - b.s.start || raw[a.i].start - raw[b.i].start);
  for (const { s, i } of order) {
    const ref = s.antecedent ? relativeRef(s, resolveOne(s.antecedent, toks, mentions, entities, entityAt, history, text)) : resolveOne(s, toks, mentions, entities, entityAt, history, text);
    out[i] = ref.unresolved ? null : ref.ref;
    history.push(ref);
  }
  void byId;
  return out;
}

/**
 * "who" keeps its own span (the word the quote's attribution holds) and takes what its antecedent phrase resolved
 * to; the phrase is shown as the antecedent when it names no entity ("who = UKIP spokesman").
 */
function relativeRef(s: RawSpeaker, resolved: History): History {
  const r = resolved.ref;
  const ref: SpeakerRef = { start: s.start, end: s.end, text: s.text, entity: r.entity, kind: 'pronoun' };
  if (!r.entity) ref.antecedent = r.antecedent ?? { start: r.start, end: r.end, text: r.text };
  if (r.owner) ref.owner = r.owner;
  return { ...resolved, ref };
}

/** Mentions overlapping [start, end); mentions are short, so those starting a little before are enough. */
function mentionsIn(mentions: readonly Mention[], start: number, end: number): Mention[] {
  const out: Mention[] = [];
  for (let i = firstAtOrAfter(mentions, start - 200); i < mentions.length; i++) {
    const m = mentions[i];
    if (m.start >= end) break;
    if (m.end > start) out.push(m);
  }
  return out;
}

/**
 * How far back a pronoun or nominal may look: mentions and earlier speakers. A referent further back than
 * this is not a safe antecedent, and the bound keeps resolution linear in article length.
 */
const LOOKBACK_MENTIONS = 300;
const LOOKBACK_SPEAKERS = 200;

function lastMentionBefore(mentions: readonly Mention[], offset: number, accept: (m: Mention) => boolean): Mention | null {
  const from = firstAtOrAfter(mentions, offset) - 1;
  for (let i = from; i >= 0 && i > from - LOOKBACK_MENTIONS; i--) if (accept(mentions[i])) return mentions[i];
  return null;
}

/** Links after a spokesperson-like head that name whom it speaks for ("a spokesman for X", "an aide to X"). */
const OWNER_LINKS = new Set(['for', 'of', 'to', 'at', 'from']);

/**
 * Whom an anonymous source speaks for: the possessor before its head ("the Prime Minister's spokesman") or the
 * complement after it ("a spokeswoman for the ministry"), with the entity of the mention that ends it.
 */
function ownerOf(
  toks: readonly TokLike[],
  a: number,
  coreEnd: number,
  b: number,
  mentions: readonly Mention[],
  entityAt: (m: Mention) => Entity | undefined,
  text: string,
): SpeakerRef['owner'] | null {
  let range: [number, number] | null = null;
  for (let q = coreEnd - 2; q > a; q--) {
    if (/^['’]s?$/.test(toks[q].lower)) {
      range = [toks[a].lower === 'the' || toks[a].lower === 'a' || toks[a].lower === 'an' ? a + 1 : a, q];
      break;
    }
  }
  if (!range && coreEnd < b - 1 && OWNER_LINKS.has(toks[coreEnd].lower)) range = [coreEnd + 1, b];
  if (!range || range[1] <= range[0]) return null;
  const ob = range[1];
  let oa = range[0];
  if (toks[oa].lower === 'the' && ob - oa > 1) oa++;
  const start = toks[oa].start;
  const end = toks[ob - 1].end;
  const ending = mentionsIn(mentions, start, end).filter((m) => m.end === end && m.start >= start);
  const entity = ending.length > 0 ? entityAt(ending[0]) : undefined;
  return { start, end, text: text.slice(start, end), entity: entity ? entity.id : null };
}

const surnameCache = new WeakMap<readonly Entity[], Map<string, Entity>>();

/** Entities by the last word of their name, the first entity winning (built once per entities layer). */
function bySurname(entities: readonly Entity[]): Map<string, Entity> {
  let map = surnameCache.get(entities);
  if (!map) {
    map = new Map();
    for (const e of entities) {
      const last = e.name.toLowerCase().split(/\s+/).pop() ?? '';
      if (!map.has(last)) map.set(last, e);
    }
    surnameCache.set(entities, map);
  }
  return map;
}

/** Heads of a nominal that names a publication or broadcaster ("the paper adds"). */
const PRESS_HEADS = new Set(['paper', 'newspaper', 'broadcaster', 'magazine', 'publication', 'outlet', 'tabloid', 'daily', 'network', 'channel']);

/** Heads of a document or finding that can "say" something ("the report said"). */
const DOC_HEADS = new Set([
  'report', 'study', 'survey', 'poll', 'statement', 'document', 'letter', 'memo', 'analysis', 'review', 'inquiry',
  'audit', 'ruling', 'judgment', 'judgement', 'paper', 'manifesto', 'resolution', 'lawsuit', 'complaint', 'filing',
]);

const TERMINAL = new Set(['.', '!', '?']);

/** Whether token i ends a sentence or a paragraph runs out before token i + 1. */
function endsSentence(toks: readonly TokLike[], i: number, text: string): boolean {
  return TERMINAL.has(toks[i].text) || (i + 1 < toks.length && text.slice(toks[i].end, toks[i + 1].start).includes('\n'));
}

/** How many tokens back the start of a sentence is looked for; a longer sentence gives no subject. */
const SENTENCE_MAX_TOKENS = 80;

/** The first token of the sentence that holds token i, or -1 when it starts more than SENTENCE_MAX_TOKENS back. */
function sentenceStart(toks: readonly TokLike[], i: number, text: string): number {
  let start = i;
  while (start > 0 && toks[start - 1].sentence === toks[i].sentence && !endsSentence(toks, start - 1, text)) {
    if (i - start >= SENTENCE_MAX_TOKENS) return -1;
    start--;
  }
  return start;
}

/**
 * For a sentence-initial "it" at token a: the subject noun phrase of the sentence before, when its head is an
 * organisation or a document ("The committee", "Thursday's report") and a verb follows it; otherwise null.
 */
function previousSubject(toks: readonly TokLike[], a: number, text: string): (Span & { text: string }) | null {
  if (a < 2 || !endsSentence(toks, a - 1, text)) return null;
  const start = sentenceStart(toks, a - 1, text);
  if (start < 0) return null;
  let head = -1;
  for (let i = start; i < a - 1 && i < start + 6; i++) {
    const t = toks[i];
    if (t.pos === 'NOUN' || t.pos === 'PROPN') head = i;
    else if (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'PART' || /^['’]s?$/.test(t.lower)) continue;
    else if ((t.pos === 'VERB' || t.pos === 'AUX') && head >= 0) {
      const h = toks[head].lower;
      if (!ORG_HEADS.has(h) && !DOC_HEADS.has(h)) return null;
      return { start: toks[start].start, end: toks[head].end, text: text.slice(toks[start].start, toks[head].end) };
    } else return null;
  }
  return null;
}

/** "the former vice president" refers back to "Vice President Biden", not to "the president": the words after the article end the earlier phrase. */
function tailMatches(words: readonly TokLike[], earlier: string): boolean {
  const own = words.filter((t, i) => !(i === 0 && (t.lower === 'the' || t.lower === 'a' || t.lower === 'an'))).map((t) => t.lower);
  const prev = earlier.toLowerCase().split(/\s+/);
  if (own.length > prev.length) return false;
  return own.every((w, i) => prev[prev.length - own.length + i] === w);
}

/** The single person entity a mention before `offset` names with `title` in front ("President Trump"), or null. */
function titledPerson(
  mentions: readonly Mention[],
  entityAt: (m: Mention) => Entity | undefined,
  text: string,
  offset: number,
  title: string,
): Entity | null {
  let found: Entity | null = null;
  const titledBefore = new RegExp(`(?:^|[^\\p{L}])${title}\\s+$`, 'u');
  const from = firstAtOrAfter(mentions, offset) - 1;
  for (let i = from; i >= 0 && i > from - LOOKBACK_MENTIONS; i--) {
    const m = mentions[i];
    const e = entityAt(m);
    if (!e || e.type !== 'PER') continue;
    const inside = m.text.toLowerCase().startsWith(`${title} `);
    const before = text.slice(Math.max(0, m.start - title.length - 2), m.start).toLowerCase();
    const titledHere = inside || titledBefore.test(before);
    if (!titledHere) continue;
    if (found && found !== e) return null;
    found = e;
  }
  return found;
}

const POSSESSIVE_SUBJECT: ReadonlyMap<string, string> = new Map([['his', 'he'], ['her', 'she'], ['their', 'they'], ['its', 'it']]);

function kindForType(type: EntityType | null, head: string): SpeakerRef['kind'] {
  if (type === 'PER') return 'name';
  if (type === 'ORG' || type === 'LOC' || type === 'MISC') return 'organisation';
  return ORG_HEADS.has(head) ? 'organisation' : 'name';
}

function resolveOne(
  s: RawSpeaker,
  toks: readonly TokLike[],
  mentions: readonly Mention[],
  entities: readonly Entity[],
  entityAt: (m: Mention) => Entity | undefined,
  history: readonly History[],
  text: string,
): History {
  const [a, b] = s.tokens;
  const headTok = toks[b - 1];
  // a possessive alone ("his warning that …", nominal-cues.ts) refers back as its subject pronoun does
  const head = (b - a === 1 ? POSSESSIVE_SUBJECT.get(headTok.lower) : undefined) ?? headTok.lower;
  const base = { start: s.start, end: s.end, text: s.text };
  const plural = /s$/.test(head) && !/ss$/.test(head);
  // the phrase's own head, before a complement ("a spokesperson for X" → spokesperson, "Embassy in Doha" → embassy)
  let coreEnd = b;
  for (let q = a + 1; q < b; q++) {
    if (LINKS.has(toks[q].lower)) {
      coreEnd = q;
      break;
    }
  }
  const coreHead = toks[coreEnd - 1].lower;
  const core = text.slice(s.start, toks[coreEnd - 1].end);
  const make = (entity: Entity | null | undefined, kind: SpeakerRef['kind'], type: EntityType | null = entity?.type ?? null): History => ({
    ref: { ...base, entity: entity ? entity.id : null, kind },
    type,
    head: coreHead,
    core,
    plural,
  });

  // pronoun
  if (b - a === 1 && PRONOUNS.has(head)) {
    const inLayer = mentionsIn(mentions, s.start, s.end).find((m) => m.start === s.start && m.end === s.end);
    const own = inLayer ? entityAt(inLayer) : undefined;
    if (own) return make(own, 'pronoun');
    const cls = PRONOUNS.get(head);
    if (cls === 'person') {
      const personal = head === 'he' || head === 'she';
      // "On Monday Tony Blair insisted … . He said …": the subject of the sentence just before, when a person
      const subject = personal ? previousPersonSubject(toks, a, text, mentions, entityAt, head) : null;
      if (subject === AMBIGUOUS) return { ...make(null, 'pronoun'), unresolved: true };
      if (subject) return make(subject, 'pronoun');
      for (let h = history.length - 1; h >= 0 && h >= history.length - 8; h--) {
        const prev = history[h];
        if (prev.ref.entity && prev.type === 'PER') return { ...make(null, 'pronoun', 'PER'), ref: { ...base, entity: prev.ref.entity, kind: 'pronoun' } };
        // "he" never refers back to two people ("she and Sen. Bernie Sanders")
        if (prev.group) continue;
        if (prev.ref.kind === 'name' && prev.ref.entity === null && prev.type === null) {
          // shown as the antecedent only when it reads as a name ("Kayleigh McEnany"), not "aides to the president"
          const ref: SpeakerRef = { ...base, entity: null, kind: 'pronoun' };
          if (/^\p{Lu}/u.test(prev.ref.text.split(/\s+/).pop() ?? '')) ref.antecedent = backRef(prev);
          return { ...make(null, 'pronoun'), type: null, ref };
        }
        // "A Labour Party spokesman told …  "…," he said": an unnamed single source (for an organisation or
        // not) is as good an antecedent as a name, if its head agrees with the pronoun
        if (personal && ANONYMOUS_HEADS.has(prev.head) && !prev.plural && prev.ref.kind !== 'pronoun' && genderFits(head, prev.head)) {
          const ref: SpeakerRef = { ...base, entity: prev.ref.entity, kind: 'pronoun', antecedent: backRef(prev) };
          if (prev.ref.owner) ref.owner = prev.ref.owner;
          return { ...make(null, 'pronoun', prev.type), ref };
        }
      }
      const m = lastMentionBefore(mentions, s.start, (x) => entityAt(x)?.type === 'PER');
      return m ? make(entityAt(m), 'pronoun') : { ...make(null, 'pronoun'), unresolved: true };
    }
    if (cls === 'thing' || cls === 'group') {
      // "Thursday's report was drawn up by two committees. It said …": the subject of the sentence just
      // before wins over any speaker quoted before it
      const subject = cls === 'thing' ? previousSubject(toks, a, text) : null;
      if (subject) {
        const covering = mentionsIn(mentions, subject.start, subject.end).find((m) => m.end === subject.end);
        const own = covering ? entityAt(covering) : undefined;
        const after = history.length > 0 && history[history.length - 1].ref.start >= subject.start;
        if (!after) {
          if (own && own.type !== 'PER') return make(own, 'pronoun');
          if (!own) return { ...make(null, 'pronoun'), ref: { ...base, entity: null, kind: 'pronoun', antecedent: subject } };
        }
      }
      for (let h = history.length - 1; h >= 0 && h >= history.length - 8; h--) {
        const prev = history[h];
        if (prev.type === 'PER' || prev.ref.kind === 'name') {
          if (cls === 'thing') continue;
          if (!prev.plural) continue;
        }
        if (prev.ref.kind === 'pronoun' && prev.ref.entity === null) {
          // "It said … . It also said …": the same antecedent, when the earlier "it" found one
          if (prev.ref.antecedent && prev.type !== 'PER' && !(cls === 'thing' && prev.plural)) {
            return { ...make(null, 'pronoun', prev.type), ref: { ...base, entity: null, kind: 'pronoun', antecedent: prev.ref.antecedent } };
          }
          continue;
        }
        if (prev.ref.kind === 'anonymous') {
          if (cls === 'group' && prev.plural) return { ...make(null, 'pronoun'), ref: { ...base, entity: null, kind: 'pronoun', antecedent: backRef(prev) } };
          continue;
        }
        const ref: SpeakerRef = { ...base, entity: prev.ref.entity, kind: 'pronoun' };
        if (!prev.ref.entity) ref.antecedent = backRef(prev);
        return { ...make(null, 'pronoun', prev.type), ref };
      }
      const m = lastMentionBefore(mentions, s.start, (x) => {
        const t = entityAt(x)?.type;
        return t === 'ORG' || (cls === 'group' && t === 'LOC');
      });
      return m ? make(entityAt(m), 'pronoun') : { ...make(null, 'pronoun'), unresolved: true };
    }
    return make(null, 'pronoun');
  }

  const words = toks.slice(a, b);
  const hasName = words.some((t) => t.pos === 'PROPN');
  const definite = words[0].lower === 'the';

  // "The Christian Medical Fellowship (CMF) and Lawyers' Christian Fellowship said": both speak, no one entity
  if (isCoordination(toks, a, coreEnd, mentions)) {
    const orgs = mentionsIn(mentions, s.start, s.end).some((m) => entityAt(m)?.type === 'ORG');
    return { ...make(null, orgs ? 'organisation' : 'name', null), plural: true, group: true };
  }
  // "Those closest to the former vice president": no noun before the complement, an unnamed group
  if (coreEnd < b && !toks.slice(a, coreEnd).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) {
    const owner = ownerOf(toks, a, coreEnd, b, mentions, entityAt, text);
    const h = { ...make(null, 'anonymous'), plural: true };
    return owner ? { ...h, ref: { ...h.ref, owner } } : h;
  }

  // anonymous and back-referring anonymous ("the official")
  if (ANONYMOUS_HEADS.has(coreHead) && toks[coreEnd - 1].pos !== 'PROPN') {
    const owner = ownerOf(toks, a, coreEnd, b, mentions, entityAt, text);
    const withOwner = (h: History, own: SpeakerRef['owner'] = owner ?? undefined): History => (own ? { ...h, ref: { ...h.ref, owner: own } } : h);
    if (definite && coreEnd === b && !hasName) {
      // "the spokesperson said": the source introduced earlier ("a spokesperson for Qatar's Ministry …")
      for (let h = history.length - 1; h >= 0 && h >= history.length - LOOKBACK_SPEAKERS; h--) {
        const prev = history[h];
        if (prev.head === coreHead || singularOf(prev.head) === singularOf(coreHead)) {
          const ref: SpeakerRef = { ...base, entity: prev.ref.entity, kind: prev.ref.entity ? prev.ref.kind : 'anonymous' };
          return withOwner({ ...make(null, prev.ref.kind, prev.type), ref, head: coreHead }, prev.ref.owner);
        }
      }
    }
    if (coreEnd < b) {
      // speaks for a named organisation
      const inner = mentionsIn(mentions, toks[coreEnd].start, s.end);
      // the mention that ends the phrase ("Qatar's Ministry of Foreign Affairs", not "Qatar"), an organisation first
      const ranked = [...inner].sort((x, y) => Number(y.end === s.end) - Number(x.end === s.end) || Number(entityAt(y)?.type === 'ORG') - Number(entityAt(x)?.type === 'ORG'));
      const org = ranked.map(entityAt).find((e) => e && e.type !== 'PER');
      if (org) return withOwner({ ...make(org, 'organisation'), head: coreHead });
    }
    return withOwner({ ...make(null, 'anonymous'), head: coreHead });
  }

  // mentions inside the phrase: the one covering its core head ("Defense Ministry" in "the Defense Ministry
  // in Bucharest", "Peskov" in "Kremlin spokesperson Dmitry Peskov") names the speaker
  const coreTok = toks[coreEnd - 1];
  const inside = mentionsIn(mentions, s.start, s.end);
  const covering = inside.find((m) => m.start <= coreTok.start && m.end >= coreTok.end) ?? null;
  if (covering) {
    const e = entityAt(covering);
    if (e) return make(e, definite && !hasName ? 'nominal' : kindForType(e.type, coreHead));
  }
  // "the cardinal", "the president": the one person earlier named with that title ("Cardinal Cormac
  // Murphy-O'Connor", "President Donald Trump"); two such people make it ambiguous, left to the rules below
  if (definite && b - a === 2 && !ORG_HEADS.has(head) && /^\p{L}+$/u.test(head)) {
    const titled = titledPerson(mentions, entityAt, text, s.start, head);
    if (titled) return make(titled, 'nominal');
  }
  // a name the entities stage split ("Col. Dave Butler" with only "Dave Butler" marked) still counts when
  // the mention ends the core phrase; an owner ("Ukraine's air force") does not make the speaker
  if (coreTok.pos === 'PROPN') {
    const ending = inside.find((m) => m.end === coreTok.end);
    const e = ending ? entityAt(ending) : undefined;
    if (e) return make(e, kindForType(e.type, coreHead));
  }

  // nominal: "the ministry", "the command", "the country"
  if (!hasName || (definite && headTok.pos !== 'PROPN')) {
    for (let h = history.length - 1; h >= 0 && h >= history.length - LOOKBACK_SPEAKERS; h--) {
      const prev = history[h];
      if (prev.ref.kind === 'pronoun') continue;
      if ((prev.head === coreHead && tailMatches(toks.slice(a, coreEnd), prev.core)) || (coreHead === 'country' && prev.type === 'LOC')) {
        return { ...make(null, 'nominal', prev.type), ref: { ...base, entity: prev.ref.entity, kind: 'nominal' } };
      }
      // "Egyptian officials said … the country added": the country the last speaker's demonym names
      if (coreHead === 'country' && h === history.length - 1) {
        const words = prev.ref.text.toLowerCase().split(/[^\p{L}]+/u);
        const country = entities.find((e) => e.type === 'LOC' && words.some((w) => w !== e.name.toLowerCase() && w.startsWith(e.name.toLowerCase().slice(0, Math.max(4, e.name.length - 1)))));
        if (country) return make(country, 'nominal');
      }
    }
    // "…, says The Times. … , the paper adds": a publication's nominal is the organisation that spoke just before
    if (definite && PRESS_HEADS.has(coreHead)) {
      for (let h = history.length - 1; h >= 0 && h >= history.length - 3; h--) {
        const prev = history[h];
        if (prev.ref.entity && prev.type === 'ORG' && prev.ref.kind !== 'pronoun') return { ...make(null, 'nominal', prev.type), ref: { ...base, entity: prev.ref.entity, kind: 'nominal' } };
      }
    }
    const m = salientMentionBefore(toks, text, mentions, s.start, (x) => {
      const e = entityAt(x);
      return !!e && e.type !== 'PER' && (e.name.toLowerCase().includes(coreHead) || headAfter(toks, x, coreHead) || (coreHead === 'country' && e.type === 'LOC'));
    });
    if (m) return make(entityAt(m), 'nominal');
    return make(null, ORG_HEADS.has(head) && !definite ? 'organisation' : 'nominal', null);
  }

  // a name with no mention: surname match against the entities
  if (headTok.pos === 'PROPN') {
    const match = bySurname(entities).get(headTok.text.toLowerCase());
    if (match) return make(match, kindForType(match.type, head));
  }
  void text;
  return make(null, kindForType(null, head), null);
}

/** Tokens of [a, coreEnd) joined by "and"/"&" that no single mention spans: two or more speakers. */
function isCoordination(toks: readonly TokLike[], a: number, coreEnd: number, mentions: readonly Mention[]): boolean {
  for (let i = a + 1; i < coreEnd - 1; i++) {
    if (toks[i].lower !== 'and' && toks[i].text !== '&') continue;
    const t = toks[i];
    if (mentionsIn(mentions, t.start, t.end).some((m) => m.start < t.start && m.end > t.end)) continue;
    const left = toks[i - 1];
    const right = toks[coreEnd - 1];
    const nominal = (x: TokLike) => x.pos === 'PROPN' || x.pos === 'NOUN' || x.text === ')' || x.pos === 'PRON';
    // "the Florida senator and Republican presidential candidate": two descriptions of one person
    const singularNoun = (x: TokLike) => x.pos === 'NOUN' && !/[^s]s$/.test(x.lower);
    if (singularNoun(left) && singularNoun(right) && toks[i + 1].pos !== 'DET') continue;
    if (nominal(left) && nominal(right)) return true;
  }
  return false;
}

export const AMBIGUOUS = 'ambiguous' as const;

const MALE_TITLE = /^(?:mr|lord|sir)\.?$/i;
const FEMALE_TITLE = /^(?:mrs|ms|miss|lady|baroness|dame)\.?$/i;

/**
 * A sentence-initial "he"/"she" at token a: the person entity that is the subject of the sentence before ("On
 * Monday Tony Blair insisted … . He said"), when that sentence holds no quotation and its paragraph opened none
 * before it; AMBIGUOUS when the subject joins two people ("Blair and Brown met … . He said"); null otherwise.
 * A gendered title that disagrees with the pronoun ("Mrs Smith" for "he") rules the subject out.
 */
/** Offsets of the text's straight, opening and closing double quotation marks (one scan per text, kept for the last text). */
let marksCache: { text: string; straight: number[]; open: number[]; close: number[] } | null = null;
function quoteMarksOf(text: string): { straight: number[]; open: number[]; close: number[] } {
  if (marksCache?.text === text) return marksCache;
  const straight: number[] = [];
  const open: number[] = [];
  const close: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) straight.push(i);
    else if (c === 0x201c) open.push(i);
    else if (c === 0x201d) close.push(i);
  }
  marksCache = { text, straight, open, close };
  return marksCache;
}

/** How many of the sorted offsets lie before `at`. */
function countBefore(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function previousPersonSubject(
  toks: readonly TokLike[],
  a: number,
  text: string,
  mentions: readonly Mention[],
  entityAt: (m: Mention) => Entity | undefined,
  pronoun: string,
): Entity | typeof AMBIGUOUS | null {
  if (a < 2 || !endsSentence(toks, a - 1, text)) return null;
  const start = sentenceStart(toks, a - 1, text);
  if (start < 0) return null;
  // outside any quotation: balanced marks before the sentence in its paragraph, none inside it
  const lineStart = text.lastIndexOf('\n', toks[start].start) + 1;
  const marks = quoteMarksOf(text);
  const count = (at: readonly number[]) => countBefore(at, toks[start].start) - countBefore(at, lineStart);
  if (count(marks.straight) % 2 !== 0 || count(marks.open) !== count(marks.close) || /["“”]/.test(text.slice(toks[start].start, toks[a - 1].end))) return null;
  let v = start + 1;
  while (v < a - 1 && toks[v].pos !== 'VERB' && toks[v].pos !== 'AUX') v++;
  if (v >= a - 1) return null;
  let j = v - 1;
  while (j > start && toks[j].pos === 'ADV') j--;
  const m = mentionsIn(mentions, toks[j].start, toks[j].end).find((x) => x.start <= toks[j].start && x.end >= toks[j].end);
  const e = m ? entityAt(m) : undefined;
  if (!m || !e || e.type !== 'PER') return null;
  const first = firstAtOrAfter(toks, m.start);
  if (first > start && (toks[first - 1].lower === 'and' || toks[first - 1].text === '&')) return AMBIGUOUS;
  if (toks[j + 1]?.lower === 'and' && j + 1 < v) return AMBIGUOUS;
  const title = first > start && !MALE_TITLE.test(toks[first].text) && !FEMALE_TITLE.test(toks[first].text) ? toks[first - 1].text : toks[first].text;
  if ((pronoun === 'he' && FEMALE_TITLE.test(title)) || (pronoun === 'she' && MALE_TITLE.test(title))) return null;
  return e;
}

/** Characters back a nominal may find the subject of an earlier sentence naming its head ("The party argues"). */
const SALIENT_CHARS = 600;

/** Whether the mention opens its sentence (after "The" at most) and a verb follows it: the sentence's subject. */
function isSubjectMention(toks: readonly TokLike[], text: string, m: Mention): boolean {
  let i = firstAtOrAfter(toks, m.start);
  if (i >= toks.length || toks[i].start !== m.start) return false;
  if (i > 0 && toks[i - 1].lower === 'the') i--;
  if (i > 0 && !endsSentence(toks, i - 1, text)) return false;
  let after = firstAtOrAfter(toks, m.end);
  // a name the entities stage cut short ("UK Independence" of "The UK Independence Party could …")
  while (after < toks.length && after - i < 12 && toks[after].pos === 'PROPN') after++;
  return after < toks.length && (toks[after].pos === 'VERB' || toks[after].pos === 'AUX');
}

/** "UK Independence" marked without the "Party" that follows it: the head word right after the mention. */
function headAfter(toks: readonly TokLike[], m: Mention, head: string): boolean {
  const i = firstAtOrAfter(toks, m.end);
  return i < toks.length && toks[i].start <= m.end + 1 && toks[i].lower === head && toks[i].pos === 'PROPN';
}

/**
 * The mention a nominal refers back to: the nearest accepted one, unless it is not a sentence's subject and an
 * accepted mention a little earlier is ("The UK Independence Party could take legal action to unseat two members
 * who defected to … Veritas Party. … The party argues" → UKIP).
 */
function salientMentionBefore(toks: readonly TokLike[], text: string, mentions: readonly Mention[], offset: number, accept: (m: Mention) => boolean): Mention | null {
  const nearest = lastMentionBefore(mentions, offset, accept);
  if (!nearest || isSubjectMention(toks, text, nearest)) return nearest;
  const from = firstAtOrAfter(mentions, nearest.start) - 1;
  for (let i = from; i >= 0 && i > from - LOOKBACK_MENTIONS && mentions[i].start >= offset - SALIENT_CHARS; i--) {
    if (accept(mentions[i]) && isSubjectMention(toks, text, mentions[i])) return mentions[i];
  }
  return nearest;
}
