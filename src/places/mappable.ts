/**
 * Which resolved places go on the map and into GeoJSON/ACLED exports. Below MAP_CONFIDENCE a toponym
 * stays text only. The confidence is the pick's margin over its best rival elsewhere after document
 * context (geocoder.ts); guesses by the article's focus (a name the gazetteer lacks, put near another
 * place) have 0.2. On the dev halves (`node /tmp`-free rerun: see docs/benchmarks.md, evgeo section),
 * LGL: the focus guesses are right within 161 km for 57.6% and the picks at ≥ 0.5 for 87.1%;
 * GeoWebNews: 66.2% against 97.8%. 0.5 is the lowest confidence a real pick can have (a margin of 0),
 * so the threshold drops exactly the guesses: raising it to 0.9 would drop a further 17% of LGL's
 * picks, 58% of which are right.
 */
import type { Place } from '../core/layers.js';

export const MAP_CONFIDENCE = 0.5;

export function isMappable(p: Pick<Place, 'confidence' | 'lat' | 'lon'> & { near?: string }): boolean {
  return p.near === undefined && p.confidence >= MAP_CONFIDENCE && Number.isFinite(p.lat) && Number.isFinite(p.lon);
}
