/**
 * Name normalisation and the word tables used to separate names from titles and roles.
 * Pure data and string functions; no model.
 */

/**
 * nameKey results by input: the same names recur within and across articles. Cleared when full; the
 * folded-name cache below shares the limit (at 50,000 it held 13 MB of the ingest heap on long news,
 * docs/benchmarks.md, "mem16").
 */
const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 15_000;

/** Folds case, diacritics, punctuation and common transliteration variants for matching names. */
export function nameKey(name: string): string {
  const known = keyCache.get(name);
  if (known !== undefined) return known;
  const key = computeNameKey(name);
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(name, key);
  return key;
}

function computeNameKey(name: string): string {
  if (isAscii(name)) return asciiNameKey(name);
  let s = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    // Letters NFD does not decompose: Turkish dotless i, Polish l, Nordic o, German sharp s.
    .replace(/ı/g, 'i')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[\u2018\u2019'`´]s\b/g, '')
    .replace(/[.\u2018\u2019'`´]/g, '')
    .replace(/[-‐‑–—_/]/g, ' ')
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  s = s
    .split(' ')
    .map(foldToken)
    .join(' ');
  return s;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}

/**
 * computeNameKey for ASCII text: no marks to strip after NFD, and the letter and digit classes are
 * [a-z0-9] once lowercased, so the same steps take fewer passes.
 */
function asciiNameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/['`]s\b/g, '')
    .replace(/[.'`]/g, '')
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/ +/g, ' ')
    .trim()
    .split(' ')
    .map(foldToken)
    .join(' ');
}

const GIVEN_NAME_VARIANTS = new Map<string, string>(Object.entries({
  muhammad: 'mohammed',
  mohammad: 'mohammed',
  mohamed: 'mohammed',
  muhammed: 'mohammed',
  mohamad: 'mohammed',
  mohammed: 'mohammed',
  volodimir: 'volodymyr',
  vladimir: 'vladimir',
  oleksandr: 'oleksandr',
  aleksandr: 'alexander',
  alexandr: 'alexander',
  sergey: 'sergei',
  sergiy: 'sergei',
  serhiy: 'sergei',
  yuri: 'yury',
  yuriy: 'yury',
  dmitri: 'dmitry',
  dmytro: 'dmitry',
  andriy: 'andrii',
}));

/** Transliteration folding of one lowercase token: Zelenskyy/Zelenskiy/Zelensky → zelensky. */
export function foldToken(token: string): string {
  // A Map, not an object lookup: 'constructor' is a name token, not Object.prototype's.
  const known = GIVEN_NAME_VARIANTS.get(token);
  if (known !== undefined) return known;
  // Every rule below rewrites a token ending in y, i, h or j; others are returned as they are.
  const lastCode = token.charCodeAt(token.length - 1);
  if (lastCode !== 121 && lastCode !== 105 && lastCode !== 104 && lastCode !== 106) return token;
  let t = token;
  t = t.replace(/yy$/, 'y').replace(/iy$/, 'y').replace(/yi$/, 'y').replace(/ii$/, 'i');
  t = t.replace(/ych$/, 'ich').replace(/ij$/, 'y');
  return t;
}

/** Honorifics and ranks: never part of a name, kept as a title. */
export const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'gen', 'general', 'lt',
  'lieut', 'lieutenant', 'col', 'colonel', 'maj', 'major', 'capt', 'captain', 'cmdr', 'cdr', 'commander', 'adm',
  'admiral', 'sgt', 'sergeant', 'cpl', 'corporal', 'pvt', 'brig', 'brigadier', 'rev', 'reverend', 'fr', 'sheikh',
  'sheik', 'shaikh', 'imam', 'rabbi', 'ayatollah', 'mullah', 'gov', 'governor', 'sen', 'senator', 'rep', 'pres',
  'president', 'king', 'queen', 'prince', 'princess', 'emir', 'sultan', 'pope', 'cardinal', 'bishop', 'archbishop',
  'justice', 'judge', 'mayor', 'chancellor', 'premier', 'marshal', 'field', 'staff', 'chief', 'minister', 'secretary',
  'ambassador', 'envoy', 'spokesperson', 'spokesman', 'spokeswoman', 'officer', 'deputy', 'vice', 'prime', 'acting',
  'former', 'attorney', 'speaker', 'leader', 'chairman', 'chairwoman', 'director', 'commissioner', 'inspector',
  'supt', 'superintendent', 'detective', 'constable', 'head', 'hon', 'honourable', 'honorable', 'excellency',
  'his', 'her', 'saint', 'st',
]);

/** Words that can form a role phrase before or after a name ("Kremlin spokesperson", "chief of the General Staff"). */
export const ROLE_WORDS = new Set([
  ...HONORIFICS,
  'adviser', 'advisor', 'aide', 'analyst', 'army', 'navy', 'air', 'force', 'forces', 'marine', 'corps', 'guard',
  'national', 'security', 'defense', 'defence', 'foreign', 'interior', 'finance', 'economy', 'trade', 'health',
  'justice', 'state', 'affairs', 'intelligence', 'military', 'press', 'presidential', 'special', 'senior', 'top',
  'chief', 'executive', 'ceo', 'cfo', 'coo', 'founder', 'co-founder', 'owner', 'president', 'vice', 'member',
  'lawmaker', 'legislator', 'congressman', 'congresswoman', 'mp', 'negotiator', 'diplomat', 'representative',
  'coordinator', 'administrator', 'manager', 'coach', 'editor', 'correspondent', 'reporter', 'journalist',
  'economist', 'strategist', 'official', 'officials', 'spokesperson', 'spokesman', 'spokeswoman', 'commander',
  'commander-in-chief', 'head', 'chair', 'secretary-general', 'general', 'high', 'commissioner', 'counsel',
  'prosecutor', 'nominee', 'candidate', 'incumbent', 'opposition', 'party', 'regional', 'local', 'federal',
  'assistant', 'associate', 'principal', 'first', 'lady', 'crown', 'supreme', 'grand', 'ayatollah', 'policy',
  'public', 'relations', 'communications', 'operations', 'staff', 'joint', 'chiefs', 'house', 'white', 'majority',
  'minority', 'whip', 'ministry', 'department', 'council', 'committee', 'agency', 'office', 'envoy', 'peace',
  'humanitarian', 'emergency', 'services', 'police', 'fire', 'rescue', 'medical', 'service', 'attorney', 'district',
  'county', 'city', 'governor', 'mayor', 'deputy', 'acting', 'former', 'interim', 'sergeant', 'major',
  'lieutenant', 'colonel', 'captain', 'minister', 'secretary', 'ambassador', 'director', 'leader', 'speaker',
  'chairman', 'chairwoman', 'prime', 'defence',
]);

/** Role heads: a role phrase needs one of these ("spokesperson", "minister", …), not just modifiers. */
export const ROLE_HEADS = new Set([
  ...[...HONORIFICS].filter((w) => !['his', 'her', 'former', 'acting', 'deputy', 'vice', 'prime', 'field', 'staff'].includes(w)),
  'adviser', 'advisor', 'aide', 'analyst', 'founder', 'co-founder', 'owner', 'member', 'lawmaker', 'legislator',
  'congressman', 'congresswoman', 'mp', 'negotiator', 'diplomat', 'representative', 'coordinator', 'administrator',
  'manager', 'coach', 'editor', 'correspondent', 'reporter', 'journalist', 'economist', 'strategist', 'official',
  'commander-in-chief', 'chair', 'secretary-general', 'commissioner', 'counsel', 'prosecutor', 'nominee', 'candidate',
  'ceo', 'cfo', 'coo', 'executive', 'whip', 'head', 'chief',
]);

/** Possessed nouns that make an organisation-like entity: "Netanyahu's office". */
export const POSSESSED_ORGS = new Set([
  'office', 'government', 'administration', 'cabinet', 'ministry', 'party', 'campaign', 'army', 'military', 'forces',
  'team', 'staff', 'family', 'foundation', 'company', 'firm', 'spokesperson', 'spokesman', 'spokeswoman',
  'embassy', 'parliament', 'navy', 'police', 'regime', 'coalition', 'delegation', 'lawyers', 'attorneys',
]);

/** Determiners and connectors allowed inside a role phrase. */
export const ROLE_CONNECTORS = new Set(['of', 'the', 'for', 'and', 'on', 'to', "'s", '’s', 'de']);

export const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'whose']);

/** Name particles left out of a transliteration key: "al-Assad" and "Assad" are one surname. */
const KEY_PARTICLES = new Set(['al', 'el', 'ul', 'ad', 'as', 'ash', 'at', 'az', 'bin', 'ibn', 'abu']);

/**
 * Spelling-insensitive form of one key token: letters that transliterations of one sound alternate between are
 * folded (q/k/g/c/kh/gh → k, dh → d, th → t, ph → f, w → v, j/dj → j, y → i), silent h dropped, doubled letters
 * collapsed. Vowels stay (see `transliterationKey` for the skeleton).
 */
export function spellingFold(token: string): string {
  return token
    .replace(SPELLING_UNITS, foldUnit)
    .replace(/([^aeiou])h/g, '$1')
    .replace(/(.)\1+/g, '$1');
}

/** The letters and digraphs `spellingFold` rewrites, longest first, in one pass. */
const SPELLING_UNITS = /dzh|kh|gh|ck|dh|th|ph|dj|zh|[qgkcwy]/g;

/** A soft c (before e, i, y) is s; any other c is k. */
function foldUnit(unit: string, offset: number, whole: string): string {
  if (unit === 'c') {
    const next = whole.charCodeAt(offset + 1);
    return next === 101 || next === 105 || next === 121 ? 's' : 'k';
  }
  return SPELLING_FOLD[unit];
}
const SPELLING_FOLD: Record<string, string> = {
  dzh: 'j', kh: 'k', gh: 'k', ck: 'k', dh: 'd', th: 't', ph: 'f', dj: 'j', zh: 'j', q: 'k', g: 'k', k: 'k', c: 'k', w: 'v', y: 'i',
};

/** Consonant skeleton of a folded token: Gaddafi, Qaddafi, Kadhafi, Gadhafi, Kadafi, Khadafy → "kdf". */
function skeleton(folded: string): string {
  return folded.replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1');
}

/** foldedTokens and transliterationKey results by key (names recur); cleared when full. */
const foldedCache = new Map<string, { tokens: string[]; translit: string }>();

function folded(key: string): { tokens: string[]; translit: string } {
  let f = foldedCache.get(key);
  if (f === undefined) {
    const tokens = key.split(' ').filter((t) => t !== '' && !KEY_PARTICLES.has(t)).map(spellingFold);
    f = { tokens, translit: tokens.map(skeleton).join(' ') };
    if (foldedCache.size >= KEY_CACHE_LIMIT) foldedCache.clear();
    foldedCache.set(key, f);
  }
  return f;
}

/** The name's tokens without particles, spelling-folded: the unit the transliteration key and its guard compare. */
export function foldedTokens(key: string): string[] {
  return folded(key).tokens;
}

/**
 * A transliteration key: the consonant skeletons of a name's tokens (particles left out). Two names with one key
 * are candidates for one person; `sameNameVariant` decides.
 */
export function transliterationKey(key: string): string {
  return folded(key).translit;
}

/** Levenshtein distance, for short name tokens. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The guard on a transliteration match: folded tokens this close (edits per letter) are one name's spellings. */
export const VARIANT_MAX_EDIT_RATE = 0.34;
/** Skeletons shorter than this (Ali, Ella → "l") match only when the folded forms are equal. */
export const VARIANT_MIN_SKELETON = 2;

/**
 * Whether two name keys are spellings of one name: as many tokens (particles aside), each pair with one skeleton,
 * and each pair's folded forms within `VARIANT_MAX_EDIT_RATE` edits per letter. "Muammar Gaddafi" / "Moammar
 * Kadafi" are; "Saif Gaddafi" / "Muammar Gaddafi" (another first name) and "Ali" / "Ella" are not.
 */
export function sameNameVariant(a: string, b: string): boolean {
  if (a === b) return true;
  const fa = folded(a);
  const fb = folded(b);
  if (fa.translit !== fb.translit) return false;
  const ta = fa.tokens;
  const tb = fb.tokens;
  if (ta.length === 0 || ta.length !== tb.length) return false;
  for (let i = 0; i < ta.length; i++) {
    const x = ta[i];
    const y = tb[i];
    if (x === y) continue;
    const sk = skeleton(x);
    if (sk !== skeleton(y) || sk.length < VARIANT_MIN_SKELETON) return false;
    if (editDistance(x, y) > VARIANT_MAX_EDIT_RATE * Math.max(x.length, y.length)) return false;
  }
  return true;
}
