/**
 * Name keys for gazetteer lookups: case-, accent- and punctuation-folded, so that "Kramators’k",
 * "KRAMATORSK" and "Kramatorsk" meet, "St. Louis" meets "Saint Louis", and "Ivano-Frankivsk" meets
 * "Ivano Frankivsk". One function is used both to build the index and to query it.
 */
const COMBINING = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’ʼ`ʻ‘]/g;
const SEPARATORS = /[-‐‑–—_/.,()]+/g;

const SIMPLE = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
const ABBREVIATION = /(?:^| )(?:st|ste|mt|ft)(?: |$)/;
const cache = new Map<string, string>();

/**
 * Entries kept before the cache is dropped: ~230 bytes each, so 100,000 held 23 MB of the ingest heap on
 * long news, while the words asked for over and over are a few thousand (docs/benchmarks.md, "mem16").
 */
const CACHE_LIMIT = 20_000;

/** `nameKey`, memoised: text scans ask for the same few thousand words over and over. */
export function nameKey(raw: string): string {
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  const s = foldName(raw);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, s);
  return s;
}

/** The key itself, uncached (index builds: 180k names looked at once). */
export function foldName(raw: string): string {
  let s: string;
  if (SIMPLE.test(raw)) {
    s = raw.toLowerCase();
  } else {
    s = raw.normalize('NFD').replace(COMBINING, '').toLowerCase();
    s = s.replace(/ß/g, 'ss').replace(/[ıİ]/g, 'i').replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/đ/g, 'd').replace(/ł/g, 'l');
    s = s.replace(APOSTROPHES, '').replace(SEPARATORS, ' ');
    s = s.replace(/\s+/g, ' ').trim();
  }
  if (s.startsWith('the ')) s = s.slice(4);
  if (s.includes(' of the ')) s = s.replace(/ of the /g, ' of ');
  // "St Louis", "Ste Genevieve", "Mt Vernon", "Ft Worth": expand the common abbreviations.
  if (ABBREVIATION.test(s)) {
    s = s.replace(/(^| )st(?= |$)/g, '$1saint').replace(/(^| )ste(?= |$)/g, '$1sainte');
    s = s.replace(/(^| )mt(?= |$)/g, '$1mount').replace(/(^| )ft(?= |$)/g, '$1fort');
  }
  return s;
}

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}
