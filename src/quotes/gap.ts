/**
 * Object gaps: "his comments that he posted online", "the statement that she had written for him", "the claims that
 * he filed were denied". A "that" clause whose transitive verb lacks its object — the verb is followed directly by a
 * preposition, an adverb, a time word, punctuation or another verb — is a relative clause on the noun before it
 * (the noun is the missing object), not the content of a statement. Verbs that are often used without an object
 * ("prices would rise", "he would resign") are not listed, so a content clause ending in them is kept.
 */
import { PRONOUNS, TIME_HEADS, WEEKDAYS } from './lexicon.js';
import { isFinalPunct, isQuoteMark } from './quote-marks.js';
import type { Tok } from './tokens.js';

/** Regular transitive verbs that rarely stand without an object; -s, -ed and -ing forms are derived. */
const REGULAR = [
  'post', 'file', 'covet', 'sign', 'tweet', 'draft', 'submit', 'prepare', 'repeat', 'retract', 'publish',
  'release', 'issue', 'share', 'receive', 'lodge', 'raise', 'offer', 'level', 'accept', 'reject', 'dismiss', 'want',
  'need', 'use', 'own', 'obtain', 'collect', 'create', 'produce', 'design', 'record', 'mention', 'cite', 'quote',
  'review', 'request', 'demand', 'desire', 'seek', 'secure', 'earn', 'award', 'enjoy', 'value', 'cherish', 'propose',
  'introduce', 'express', 'voice', 'describe', 'edit', 'compose', 'circulate', 'contest', 'support', 'oppose', 'defend',
  'sponsor',
];
/** Irregular forms (past, participle, present) of transitive verbs. */
const IRREGULAR = [
  'made', 'make', 'makes', 'making', 'wrote', 'written', 'write', 'writes', 'gave', 'given', 'give', 'gives', 'sent',
  'send', 'sends', 'read', 'reads', 'brought', 'bring', 'bought', 'buy', 'put', 'puts', 'kept', 'found', 'find', 'heard',
  'hear', 'saw', 'seen', 'see', 'sold', 'sought', 'told', 'built', 'build', 'spent', 'spend', 'meant', 'struck', 'drew',
  'drawn', 'threw', 'thrown', 'chose', 'chosen', 'stole', 'stolen', 'forgot', 'forgotten', 'swore', 'sworn', 'laid', 'hid',
  'hidden',
];

function forms(stem: string): string[] {
  const base = stem.endsWith('e') ? stem.slice(0, -1) : stem;
  return [stem, stem.endsWith('s') ? stem + 'es' : stem + 's', base + 'ed', base + 'ing'];
}

const TRANSITIVE: ReadonlySet<string> = new Set([...REGULAR.flatMap(forms), ...IRREGULAR]);

/** Words tagged as adjectives or nouns that stand where an adverb would ("posted online"). */
const ADVERB_LIKE = new Set(['online', 'again', 'here', 'there', 'together', 'alone', 'yesterday', 'today', 'tonight', 'earlier', 'later', 'ago', 'before', 'once', 'twice']);
const TIME_OPENERS = new Set(['last', 'this', 'next', 'that', 'every', 'each', 'earlier', 'late', 'early']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re", 'get', 'got', 'gets', 'gotten']);
/** Particles after which a transitive verb needs no object ("give up", "back down", "make off"). */
const INTRANSITIVE_PARTICLES = new Set(['up', 'down', 'off', 'away', 'back', 'through']);
const AUX_LIKE = new Set(['not', "n't", 'never', 'also', 'just', 'already', 'once', 'recently', 'previously', 'ever']);

/** The subject of a clause at p (a pronoun or a short noun phrase), as the index after it, or -1. */
function subjectEnd(toks: readonly Tok[], p: number, hi: number): number {
  const t = toks[p];
  if (!t) return -1;
  if (t.pos === 'PRON' && PRONOUNS.has(t.lower)) return p + 1;
  let q = p;
  if (q < hi && t.pos === 'DET') q++;
  const start = q;
  while (q < hi && q < start + 5 && (toks[q].pos === 'NOUN' || toks[q].pos === 'PROPN' || toks[q].pos === 'ADJ' || toks[q].pos === 'NUM')) q++;
  return q > start ? q : -1;
}

/** Whether the "that" at `that` opens a clause whose transitive verb has no object (a relative clause). */
export function objectGapAfter(toks: readonly Tok[], that: number, hi: number): boolean {
  if (toks[that]?.lower !== 'that') return false;
  let q = subjectEnd(toks, that + 1, hi);
  if (q < 0) return false;
  while (q < hi && (toks[q].pos === 'AUX' || AUX_LIKE.has(toks[q].lower) || (toks[q].pos === 'ADV' && /ly$/.test(toks[q].lower)))) {
    // "that the deal was signed in May": a passive has no object to miss
    if (BE_FORMS.has(toks[q].lower)) return false;
    q++;
  }
  if (q >= hi || !TRANSITIVE.has(toks[q].lower)) return false;
  const n = toks[q + 1];
  if (!n || q + 1 >= hi) return true;
  if (n.text === ',' || n.text === ';' || n.text === ':' || n.text === '—' || n.text === ')' || isFinalPunct(n) || isQuoteMark(n)) return true;
  // "that he filed were denied": a verb where the object should be
  if (n.pos === 'AUX' || (n.pos === 'VERB' && n.lower !== 'to')) return true;
  // "that he would never give up": a particle that makes the verb intransitive
  if (INTRANSITIVE_PARTICLES.has(n.lower)) return false;
  // "that he wanted to …" is an infinitive, not a preposition
  if (n.pos === 'ADP' || n.pos === 'PART') return !(n.lower === 'to' && toks[q + 2]?.pos === 'VERB');
  if (n.pos === 'ADV' || ADVERB_LIKE.has(n.lower) || WEEKDAYS.has(n.lower)) return true;
  return TIME_OPENERS.has(n.lower) && !!toks[q + 2] && TIME_HEADS.has(toks[q + 2].lower);
}
