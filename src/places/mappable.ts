/**
 * Which resolved places go on the map and into GeoJSON/ACLED exports. Below MAP_CONFIDENCE a toponym
 * stays text only. The confidence is the pick's margin over its best rival elsewhere after document
 * context (geocoder.ts), 0.5 at a margin of 0; guesses by the article's focus (a name the gazetteer
 * lacks, put near another place) have 0.2. Data (`dateline eval geo --xml … --split dev`, table "by
 * confidence"): the guesses are right within 161 km for 58% (LGL dev) and 68% (GeoWebNews dev), picks
 * at ≥ 0.9 for 94% and 97%. Picks between 0.5 and 0.9 are 51–60% right on LGL (156 toponyms) and 11 of
 * 11 on GeoWebNews; we keep them: 0.9 would unmap 18% of LGL's toponyms and big cities told without
 * their state ("Dayton" 0.77, "Memphis" 0.87 in our incident reports), so 0.5 drops exactly the guesses.
 */
import type { Place } from '../core/layers.js';

export const MAP_CONFIDENCE = 0.5;

export function isMappable(p: Pick<Place, 'confidence' | 'lat' | 'lon'> & { near?: string }): boolean {
  return p.near === undefined && p.confidence >= MAP_CONFIDENCE && Number.isFinite(p.lat) && Number.isFinite(p.lon);
}
