import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countries } from './countries.js';
import { regions } from './regions.js';
import { aliasRecords } from './aliases.js';
import { gazetteer, GEONAMES_NOTICE } from './gazetteer.js';
import { lookup, resolveToponyms, scanEvidence } from './geocoder.js';
import { distanceKm, nameKey } from './normalize.js';

/** Resolve every occurrence of `name` in `text` jointly with the other listed names. */
function resolveIn(text: string, names: string[]) {
  const spans: Array<{ start: number; end: number; name: string }> = [];
  for (const name of names) {
    let at = text.indexOf(name);
    while (at >= 0) {
      spans.push({ start: at, end: at + name.length, name });
      at = text.indexOf(name, at + name.length);
    }
  }
  const out = resolveToponyms(text, spans);
  return new Map(spans.map((s, i) => [s.name, out[i]]));
}

function near(got: { lat: number; lon: number } | null | undefined, lat: number, lon: number, km = 20): void {
  assert.ok(got, 'expected a place');
  const d = distanceKm(got.lat, got.lon, lat, lon);
  assert.ok(d <= km, `expected within ${km} km of ${lat},${lon}, got ${got.lat},${got.lon} (${Math.round(d)} km)`);
}

test('nameKey folds case, accents, apostrophes and abbreviations', () => {
  assert.equal(nameKey('Kramators’k'), 'kramatorsk');
  assert.equal(nameKey('KRAMATORSK'), 'kramatorsk');
  assert.equal(nameKey('St. Louis'), nameKey('Saint Louis'));
  assert.equal(nameKey('Ivano-Frankivsk'), 'ivano frankivsk');
  assert.equal(nameKey('Québec'), 'quebec');
  assert.equal(nameKey('the West Bank'), 'west bank');
});

test('data tables are well formed: finite points, ISO2 codes unique', () => {
  const codes = new Set<string>();
  for (const c of countries()) {
    assert.match(c.code, /^[A-Z]{2}$/);
    assert.ok(!codes.has(c.code), `duplicate ${c.code}`);
    codes.add(c.code);
    assert.ok(Number.isFinite(c.lat) && Math.abs(c.lat) <= 90, `${c.code} lat`);
    assert.ok(Number.isFinite(c.lon) && Math.abs(c.lon) <= 180, `${c.code} lon`);
  }
  for (const r of regions()) {
    assert.ok(Number.isFinite(r.lat) && Number.isFinite(r.lon), `${r.name} point`);
    assert.ok(r.country === '' || codes.has(r.country), `${r.name} country ${r.country}`);
  }
  for (const a of aliasRecords()) assert.ok(codes.has(a.country), `${a.aliases[0]} country`);
  // Every alias that names a gazetteer city must find it.
  for (const a of aliasRecords()) {
    for (const alias of a.aliases) assert.ok(gazetteer().aliases(nameKey(alias)).length > 0, `alias ${alias} resolves`);
  }
  assert.match(GEONAMES_NOTICE, /GeoNames.*CC BY 4\.0/);
});

test('Ternopil, Doha and Kyiv resolve to their cities', () => {
  const text = 'A Russian strike on Ternopil killed 20. In Doha, officials met. Kiev said the attack was massive.';
  const r = resolveIn(text, ['Ternopil', 'Doha', 'Kiev']);
  near(r.get('Ternopil'), 49.55, 25.59, 5);
  assert.equal(r.get('Ternopil')?.country, 'UA');
  assert.equal(r.get('Ternopil')?.precision, 'city');
  near(r.get('Doha'), 25.29, 51.53, 5);
  assert.equal(r.get('Doha')?.country, 'QA');
  near(r.get('Kiev'), 50.45, 30.52, 5);
});

test('"Poland" is the country, not Poland, Maine', () => {
  const r = resolveIn('NATO jets were scrambled in Poland overnight.', ['Poland']);
  assert.equal(r.get('Poland')?.precision, 'country');
  assert.equal(r.get('Poland')?.country, 'PL');
});

test('"Mykolaiv" is the regional capital (Mykolayiv, about 510k people), not the small town', () => {
  const r = resolveIn('Drones hit Mykolaiv and Odesa.', ['Mykolaiv', 'Odesa']);
  const m = r.get('Mykolaiv');
  near(m, 46.97, 32.0, 10);
  assert.ok((m?.population ?? 0) > 400_000);
  near(r.get('Odesa'), 46.48, 30.73, 10);
});

test('"Lviv region" resolves at region precision in Ukraine', () => {
  const r = resolveIn('Explosions were heard in the Lviv region on Tuesday.', ['Lviv region']);
  assert.equal(r.get('Lviv region')?.precision, 'region');
  assert.equal(r.get('Lviv region')?.country, 'UA');
  near(r.get('Lviv region'), 49.84, 24.03, 100);
});

test('"Washington" is Washington, D.C.; "Washington state" is the state', () => {
  const r = resolveIn('Officials in Washington said the talks would go on.', ['Washington']);
  near(r.get('Washington'), 38.9, -77.04, 15);
  assert.equal(lookup('Washington state').cands[0].precision, 'region');
});

test('areas and aliases: Gaza Strip, the West Bank, Europe, Middle East', () => {
  const text = 'Aid to the Gaza Strip and the West Bank was discussed in Europe and across the Middle East.';
  const r = resolveIn(text, ['Gaza Strip', 'the West Bank', 'Europe', 'Middle East']);
  assert.equal(r.get('Gaza Strip')?.country, 'PS');
  assert.equal(r.get('the West Bank')?.country, 'PS');
  assert.equal(r.get('Europe')?.precision, 'area');
  assert.equal(r.get('Middle East')?.precision, 'area');
});

test('context decides: Alexandria in Louisiana, Georgia the state vs the country', () => {
  const us = 'The Alexandria woman was arrested, the Rapides Parish sheriff said. Louisiana police investigated.';
  const a = resolveIn(us, ['Alexandria', 'Rapides Parish', 'Louisiana']);
  near(a.get('Alexandria'), 31.31, -92.45, 30);
  assert.equal(a.get('Rapides Parish')?.admin1, 'LA');

  const state = resolveIn('Flights from Atlanta to Savannah were cancelled across Georgia.', ['Atlanta', 'Savannah', 'Georgia']);
  assert.equal(state.get('Georgia')?.country, 'US');
  assert.equal(state.get('Georgia')?.precision, 'region');

  const country = resolveIn('Protesters in Tbilisi said Georgia must look west.', ['Tbilisi', 'Georgia']);
  assert.equal(country.get('Georgia')?.country, 'GE');
});

test('without context the population prior wins: Paris is in France', () => {
  const r = resolveIn('She moved to Paris last year.', ['Paris']);
  assert.equal(r.get('Paris')?.country, 'FR');
});

test('a qualified name is restricted to its qualifier: "Paris, Texas"', () => {
  const r = resolveIn('He was born in Paris, Texas.', ['Paris, Texas']);
  assert.equal(r.get('Paris, Texas')?.country, 'US');
  assert.equal(r.get('Paris, Texas')?.admin1, 'TX');
});

test('a bare qualifier is a state, never a county of another state: "Washington, Oregon" is no Washington, Missouri', () => {
  const text = 'Protesters gathered in Washington, Oregon on Sunday.';
  const out = resolveToponyms(text, [
    { start: 23, end: 33 },
    { start: 35, end: 41 },
  ]);
  assert.notEqual(out[0]?.admin1, 'MO');
  assert.equal(out[1]?.admin1, 'OR');
  assert.ok(!lookup('Washington, Oregon').cands.some((c) => c.admin1 === 'MO'));
});

test('unknown names resolve to null, not to a guess', () => {
  const r = resolveIn('The Zzyzxqvillе crossing closed.', ['Zzyzxqvillе']);
  assert.equal(r.get('Zzyzxqvillе'), null);
});

test('scanEvidence counts country names, demonyms and US states, not the pronoun "us"', () => {
  const e = scanEvidence('Ukrainian officials told us that Ukraine and the U.S. spoke. Ohio lawmakers agreed.');
  assert.ok((e.countries.get('UA') ?? 0) >= 1.5);
  assert.ok((e.countries.get('US') ?? 0) >= 1);
  assert.ok((e.admin1.get('US.OH') ?? 0) > 0);
});

test('"New York" is the city, but "Buffalo, New York" and "New York state" name the state', () => {
  const city = resolveIn('Flights to New York were delayed.', ['New York']);
  near(city.get('New York'), 40.71, -74.01, 10);
  const state = resolveIn('The girl was from Buffalo, New York, officials said.', ['Buffalo', 'New York']);
  assert.equal(state.get('New York')?.precision, 'region');
  near(state.get('Buffalo'), 42.89, -78.88, 20);
  const gov = resolveIn('New York state officials declared an emergency.', ['New York']);
  assert.equal(gov.get('New York')?.precision, 'region');
});

test('bare names heading a "counties" list resolve as counties, near each other', () => {
  const text = 'Fires burned in Camden, Charlton and Glynn counties along the St. Marys River in Georgia.';
  const r = resolveIn(text, ['Camden', 'Charlton', 'Glynn']);
  for (const name of ['Camden', 'Charlton', 'Glynn']) {
    assert.equal(r.get(name)?.admin1, 'GA', `${name} in Georgia`);
    assert.equal(r.get(name)?.precision, 'region');
  }
});

test('focus fallback: an unknown name gets the article focus at area precision, only when asked', () => {
  const text = 'Liverpool fans marched from Anfield to the Liverpool docks; Liverpool police watched.';
  const spans = [
    { start: text.indexOf('Liverpool'), end: text.indexOf('Liverpool') + 9 },
    { start: text.indexOf('Anfield'), end: text.indexOf('Anfield') + 7 },
  ];
  // Without the fallback the unknown name stays unresolved, whatever the gazetteer holds for it.
  const plain = resolveToponyms(text.replace('Anfield', 'Qxzvfld'), spans);
  assert.equal(plain[1], null);
  const withFocus = resolveToponyms(text.replace('Anfield', 'Qxzvfld'), spans, { focusFallback: true });
  assert.equal(withFocus[1]?.source, 'focus');
  assert.equal(withFocus[1]?.precision, 'area');
  assert.equal(withFocus[1]?.confidence, 0.2);
  near(withFocus[1], 53.41, -2.98, 20);
});

test('focus fallback: an unknown name takes a town of its own sentence first, when the article supports that town', () => {
  const text =
    'The pianist studies in London. London suits him, and London is where he records. ' +
    'His father runs a studio at Qxzvbeggan, near Dunshaughlin, in Ireland. Later he played Qxzvhall.';
  const spans = ['London', 'Qxzvbeggan', 'Dunshaughlin', 'Qxzvhall'].flatMap((name) => {
    const out: Array<{ start: number; end: number }> = [];
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) out.push({ start: at, end: at + name.length });
    return out;
  });
  const r = resolveToponyms(text, spans, { focusFallback: true });
  const at = (name: string) => r[spans.findIndex((s) => text.slice(s.start, s.end) === name)];
  near(at('Qxzvbeggan'), 53.51, -6.54, 10);
  assert.equal(at('Qxzvbeggan')?.source, 'focus');
  // Alone in its sentence, the other unknown name gets the article focus (London, three mentions).
  near(at('Qxzvhall'), 51.51, -0.13, 20);
  // A town of the sentence in a country nothing else in the article supports is no anchor. (This read
  // "Fulham" when that resolved to Fulham, South Australia; the alias table now puts Fulham in London,
  // in the focus's own region, so a town of South Australia stands in for it.)
  const far = 'Fans met in Leeds, Leeds and Leeds. They sang at Qxzvcottage and in Adelaide.';
  const farSpans = ['Leeds', 'Qxzvcottage', 'Adelaide'].flatMap((name) => {
    const out: Array<{ start: number; end: number }> = [];
    for (let at = far.indexOf(name); at >= 0; at = far.indexOf(name, at + 1)) out.push({ start: at, end: at + name.length });
    return out;
  });
  const fr = resolveToponyms(far, farSpans, { focusFallback: true });
  near(fr[3], 53.8, -1.55, 20);
});

test('a small town abroad that nothing supports, in an article plainly about another country, is unknown', () => {
  const text =
    'Rangers from New South Wales walked the shore at Glenrock, south of Newcastle. ' +
    'Visitors from Sydney and Newcastle love Glenrock, the rangers said.';
  const names = ['New South Wales', 'Glenrock', 'Newcastle', 'Sydney'];
  const r = resolveIn(text, names);
  assert.equal(r.get('Sydney')?.country, 'AU');
  assert.equal(r.get('Glenrock'), null, 'not Glenrock, Wyoming');
  // With the fallback it lands in the article's own town, not in Wyoming.
  const spans = names.flatMap((name) => {
    const out: Array<{ start: number; end: number }> = [];
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) out.push({ start: at, end: at + name.length });
    return out;
  });
  const withFocus = resolveToponyms(text, spans, { focusFallback: true });
  const g = withFocus[spans.findIndex((s) => text.slice(s.start, s.end) === 'Glenrock')];
  assert.equal(g?.country, 'AU');
  // The same town in an article about its own country stays resolved.
  const home = resolveIn('Glenrock, Wyoming, and Casper met in Wyoming.', ['Glenrock', 'Casper']);
  near(home.get('Glenrock'), 42.86, -105.87, 10);
});

test('focus fallback without any town: the article\'s best-supported country', () => {
  const text = 'Floods hit Zimbabwe. In Qxzvwedza, farmers in Zimbabwe lost seed.';
  const spans = [
    { start: text.indexOf('Zimbabwe'), end: text.indexOf('Zimbabwe') + 8 },
    { start: text.indexOf('Qxzvwedza'), end: text.indexOf('Qxzvwedza') + 9 },
  ];
  const r = resolveToponyms(text, spans, { focusFallback: true });
  assert.equal(r[1]?.country, 'ZW');
  assert.equal(r[1]?.source, 'focus');
});

test('buildings and institutions: a ministry is in the capital, an embassy is not in its own country', () => {
  const text = 'The Russian Foreign Ministry summoned diplomats; staff at the British Embassy Tokyo and the Russian Embassy waited.';
  const r = resolveIn(text, ['Russian Foreign Ministry', 'British Embassy Tokyo', 'Russian Embassy']);
  near(r.get('Russian Foreign Ministry'), 55.75, 37.62, 20);
  near(r.get('British Embassy Tokyo'), 35.69, 139.69, 30);
  // Neither a country nor its capital: the embassy's city is not in the name.
  assert.equal(r.get('Russian Embassy'), null);
  // A possessive names a person ("Eva's Village"), and a continent does not place a mall.
  assert.equal(lookup("Eva's Village").cands.length, 0);
  assert.equal(lookup('SM Mall of Asia').cands.length, 0);
  // Generic words are no facility: "Madison City Council" still finds Madison.
  assert.ok(lookup('Madison City Council').cands.some((c) => c.country === 'US'));
});

test('first-level regions beyond the US: Irish counties, Kenyan and Philippine provinces, area adjectives', () => {
  const irish = resolveIn('Storms hit County Clare and Limerick; Clare farmers in Ireland counted losses.', ['Clare', 'Ireland']);
  assert.equal(irish.get('Clare')?.country, 'IE');
  assert.equal(irish.get('Clare')?.precision, 'region');
  const kenya = resolveIn('A case was confirmed in Nyanza, western Kenya.', ['Nyanza', 'Kenya']);
  near(kenya.get('Nyanza'), -0.5, 34.5, 60);
  const ph = resolveIn('Pigs in Pangasinan and Laguna, north and south of Manila, were culled.', ['Pangasinan', 'Laguna', 'Manila']);
  assert.equal(ph.get('Laguna')?.country, 'PH', 'the province, not Laguna, California');
  assert.equal(lookup('Central American').cands[0]?.name, 'Central America');
});

test('townships are not their namesake city: unknown alone, placed by their neighbours with the fallback', () => {
  assert.equal(lookup('Washington Township').cands.length, 0, 'not Washington, D.C.');
  const text = 'Sirens go up in Columbus, Grove City and Franklin County; Pleasant and Madison townships bought theirs too.';
  const names = ['Columbus', 'Grove City', 'Franklin County', 'Pleasant', 'Madison'];
  const spans = names.map((n) => ({ start: text.indexOf(n), end: text.indexOf(n) + n.length }));
  const r = resolveToponyms(text, spans, { focusFallback: true });
  for (const i of [3, 4]) {
    assert.equal(r[i]?.source, 'focus', names[i]);
    near(r[i], 39.9, -83.0, 40);
  }
});

test('districts and landmarks: London districts over namesakes abroad, a sizeable namesake wins with context', () => {
  const london = resolveIn('Fulham drew at Craven Cottage; fans from Soho and Westminster came.', ['Fulham', 'Craven Cottage', 'Soho', 'Westminster']);
  near(london.get('Fulham'), 51.47, -0.2, 5);
  near(london.get('Craven Cottage'), 51.47, -0.22, 5);
  near(london.get('Westminster'), 51.5, -0.13, 5);
  const denver = resolveIn('Snow closed roads in Denver, Colorado, and in Westminster, north of Denver.', ['Denver', 'Colorado', 'Westminster']);
  assert.equal(denver.get('Westminster')?.admin1, 'CO');
});

test('dependent territories are places of their own; "Little Portugal" is a neighbourhood, not the country', () => {
  assert.equal(lookup('Bonaire').cands[0]?.country, 'BQ');
  assert.equal(lookup('Falklands').cands[0]?.country, 'FK');
  assert.ok(!lookup('Little Portugal').cands.some((c) => c.country === 'PT'));
  assert.ok(!lookup('Little Havana').cands.some((c) => c.country === 'CU'));
});

test('a rejected namesake abroad: its own repeated mentions are no support for its country', () => {
  const text = 'Glenrock is loved in New South Wales. Glenrock trails are busy, and Glenrock is near the sea in Australia.';
  const r = resolveIn(text, ['Glenrock', 'New South Wales', 'Australia']);
  assert.equal(r.get('Glenrock'), null, 'not Glenrock, Wyoming, however often it is named');
});

test('scanEvidence: contractions and bare abbreviations are no state; possessives are', () => {
  const none = scanEvidence("I'll sing at Mass with Miss Jones and Cal Ripken.");
  assert.equal(none.admin1.size, 0, [...none.admin1.keys()].join(','));
  const some = scanEvidence("Ohio's governor met officials in Springfield, Ill. on Monday.");
  assert.ok(some.admin1.has('US.OH'));
  assert.ok(some.admin1.has('US.IL'));
});

test('scanEvidence: a person, a firm or a police unit named like a region is no evidence', () => {
  const e = scanEvidence('John Kerry praised Berkshire Hathaway; a SWAT team and Champagne were on hand.');
  assert.equal(e.countries.size, 0, [...e.countries.keys()].join(','));
  // As a toponym the name still resolves.
  assert.equal(lookup('Kerry').cands[0]?.country, 'IE');
});

test('gazetteer: a Japanese city GeoNames names with "-shi" is found and shown by its bare name', () => {
  const nara = gazetteer().cities('nara').find((c) => c.country === 'JP');
  assert.ok(nara, 'Nara, Japan');
  assert.equal(nara.name, 'Nara');
  assert.ok(Math.abs(nara.lat - 34.68) < 0.1 && Math.abs(nara.lon - 135.8) < 0.1);
});
