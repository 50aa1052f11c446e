/**
 * Owners of generic state bodies. "Defence Ministry", "the military", "Foreign Ministry" name a different
 * organisation in every country: the owner ("Romania's", "Russian", "of Russia") is part of the name, so that
 * Romania's and Russia's defence ministries never become one entity. Pure string functions.
 */
import { countryOfDemonym, countryOfName } from './countries.js';
import { POSSESSED_ORGS, ROLE_WORDS } from './names.js';

/** Heads of generic state bodies: a name made only of role words and one of these needs an owner. */
export const GENERIC_BODY_HEADS = new Set([
  'ministry', 'military', 'army', 'navy', 'government', 'cabinet', 'parliament', 'police', 'forces', 'embassy',
  'office', 'administration', 'presidency', 'command', 'department', 'council', 'guard', 'service', 'services',
  'agency', 'prosecutor', 'court', 'senate', 'assembly', 'coast',
]);

/** Words that may come before the head in a generic body's name ("Defence", "Foreign Affairs", "General Staff"). */
const GENERIC_MODIFIERS = new Set([...ROLE_WORDS, 'of', 'the', 'affairs', 'general', 'supreme', 'border', 'emergencies', 'emergency', 'armed', 'internal', 'home', 'war', 'energy', 'education', 'agriculture', 'transport']);

/** Whether a lower-cased word can end a generic body's name (a cheap test before `ownedBody`). */
export function isGenericHead(word: string): boolean {
  return GENERIC_BODY_HEADS.has(word) || POSSESSED_ORGS.has(word);
}

/** Whether lower-cased words form a generic state body's name: modifiers and a generic head, nothing else. */
export function isGenericBody(lowerWords: readonly string[]): boolean {
  if (lowerWords.length === 0) return false;
  const head = lowerWords[lowerWords.length - 1];
  if (!GENERIC_BODY_HEADS.has(head) && !POSSESSED_ORGS.has(head)) return false;
  for (let i = 0; i < lowerWords.length - 1; i++) if (!GENERIC_MODIFIERS.has(lowerWords[i]) && !GENERIC_BODY_HEADS.has(lowerWords[i])) return false;
  return true;
}

/** A country named by a demonym or a country name (any case), canonical ("Russian" → "Russia"). */
export function countryOf(word: string): string | undefined {
  return countryOfDemonym(word) ?? countryOfName(word);
}

export interface OwnedBody {
  owner: string;
  /** The body's own words as written, owner removed ("Defence Ministry"). */
  body: string[];
}

/**
 * The owner of a mention that names a generic body: a demonym or country inside it ("Russian Defence Ministry"),
 * or right before it (`before`: the words before the mention, nearest last: "Romanian", "Russia 's"). Null when the
 * mention is no generic body or no owner is written next to it.
 */
export function ownedBody(words: readonly string[], before: readonly string[]): OwnedBody | null {
  const low = words.map((w) => w.toLowerCase());
  const inside = words.length > 1 ? countryOf(words[0]) : undefined;
  if (inside && isGenericBody(low.slice(1))) return { owner: inside, body: words.slice(1) };
  if (!isGenericBody(low)) return null;
  const n = before.length;
  if (n >= 1 && !/^['’]s?$/.test(before[n - 1])) {
    const owner = countryOfDemonym(before[n - 1]);
    return owner ? { owner, body: [...words] } : null;
  }
  // "Russia's", "the United States'": up to three words before the possessive mark.
  for (let k = 1; k <= 3 && n - 1 - k >= 0; k++) {
    const owner = countryOfName(before.slice(n - 1 - k, n - 1).join(' '));
    if (owner) return { owner, body: [...words] };
  }
  return null;
}
