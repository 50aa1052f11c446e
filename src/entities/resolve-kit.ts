/** The working types of entity resolution (mentions, work items, clusters), the token view they read, and word sets shared by its steps. */
import type { EntityRole, EntityType, Mention, Token } from '../core/layers.js';
import { REGIONS, countryOfName } from './countries.js';
import { isCapitalized, normalizeForm } from './features.js';

/** A mention as the tagger found it, over tokens `[first, last]` (inclusive). */
export interface RawMention {
  first: number;
  last: number;
  type: EntityType;
}

export interface Work {
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

export interface Cluster {
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

export const lower = (s: string): string => {
  const l = normalizeForm(s).toLowerCase();
  return l.endsWith('.') ? l.slice(0, -1) : l;
};
export const isPossessiveMark = (s: string): boolean => s === "'s" || s === '’s' || s === "'" || s === '’';

/*
 * Per-token caches shared by all TokenText instances, reused from article to article: an entry is
 * valid when its stamp is the current instance's. Resolution is synchronous and never re-entered,
 * so only the newest TokenText is ever read.
 */
export let formCache: string[] = new Array<string>(1024).fill('');
export let lowerCache: string[] = new Array<string>(1024).fill('');
export let formStamp = new Int32Array(1024);
export let lowerStamp = new Int32Array(1024);
export let stampCounter = 0;

/**
 * An article's tokens with their surface forms and `lower` forms computed once, on first use.
 * Resolution reads the same few tokens around each mention many times. Only the most recently
 * created TokenText may be used (they share one cache).
 */
export class TokenText {
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

export const CALENDAR = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'mon', 'tue', 'wed',
  'thu', 'fri', 'sat', 'sun', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
/** Lowercase words allowed inside names ("Mohammad bin Salman", "Ministry of the Interior"). */
export const NAME_FUNCTION_WORDS = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'van', 'von', 'de', 'da', 'der', 'den', 'del', 'di', 'du', 'la', 'le', 'dos', 'das', 'y', "'s", 'st.']);
export const ORG_FUNCTION_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'to', '&', 'du', 'des', 'et', 'a']);
export const NAME_PARTICLES = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'van', 'von', 'de', 'da', 'der', 'abu', 'ben', 'del', 'di', 'la', 'le']);

export const ORG_WORDS = new Set([
  'ministry', 'command', 'council', 'committee', 'agency', 'bureau', 'department', 'forces', 'army', 'navy', 'police',
  'party', 'university', 'company', 'corporation', 'corp', 'inc', 'ltd', 'llc', 'group', 'bank', 'news', 'times',
  'post', 'journal', 'association', 'union', 'court', 'parliament', 'government', 'administration', 'embassy',
  'headquarters', 'institute', 'foundation', 'commission', 'authority', 'office', 'service', 'services', 'brigade',
  'battalion', 'regiment', 'division', 'fund', 'organization', 'organisation', 'federation', 'club', 'airlines',
]);

/** A country, alias or region from our tables ("Africa", "U.S.", "Gaza"). */
export function isKnownPlace(name: string): boolean {
  return countryOfName(name) !== undefined || REGION_SET.has(name.toLowerCase());
}
export const REGION_SET = new Set(REGIONS.map((r) => r.toLowerCase()));

/** Whether the form holds a letter (/\p{L}/u); ASCII letters are found without the regex. */
export const isWord = (f: string): boolean => {
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    if (c >= 128) return /\p{L}/u.test(f);
  }
  return false;
};
export const isCap = (f: string): boolean => isWord(f) && isCapitalized(f);

export function lastBefore(c: Cluster, at: number): number {
  let best = -1;
  for (const m of c.mentions) if (m.first < at && m.first > best) best = m.first;
  return best;
}
