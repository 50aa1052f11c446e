/**
 * Hand-made articles with every layer, for the server, UI and browser tests (invented places and people).
 * Spans are computed from the text, so `text.slice(start, end)` always reproduces each surface.
 * One article is hostile: markup and script in its title, text, source and layer surfaces.
 */
import { makeArticle, type Span } from '../core/article.js';
import type { Entity, EventRecord, Layers, Place, Quantity, Quote, TimeExpr } from '../core/layers.js';
import { openStore, type SqliteStore } from '../store/sqlite.js';

/** The span of the `nth` occurrence (0-based) of `needle` in `text`. */
export function find(text: string, needle: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: '${needle}' (#${nth}) not in text`);
  }
  return { start: at, end: at + needle.length };
}

function entity(text: string, id: string, name: string, type: Entity['type'], surfaces: string[], roles: Array<{ title: string; affiliation?: string }> = []): Entity {
  const mentions = surfaces.map((s) => find(text, s));
  return {
    ...mentions[0],
    id,
    name,
    type,
    mentions,
    roles: roles.map((r) => ({ ...r, evidence: find(text, r.title) })),
    key: name.toLowerCase(),
    confidence: 0.9,
  };
}

function time(text: string, surface: string, value: string, rule: string): TimeExpr {
  return {
    ...find(text, surface),
    text: surface,
    type: 'DATE',
    value,
    range: { from: value, to: value },
    anchor: 'published',
    direction: 'past',
    stated: ['weekday'],
    implied: ['year', 'month', 'day'],
    confidence: 0.9,
    rule,
  };
}

function place(text: string, surface: string, lat: number, lon: number, country: string): Place {
  return { ...find(text, surface), text: surface, name: surface, lat, lon, country, precision: 'city', confidence: 0.9 };
}

function quantity(text: string, surface: string, value: number, unit: string, role: string, claimant: { text: string; entity: string | null } | null): Quantity {
  return {
    ...find(text, surface),
    text: surface,
    value,
    unit,
    hedge: surface.startsWith('at least') ? 'at_least' : 'exact',
    role,
    claimant: claimant ? { ...find(text, claimant.text), text: claimant.text, entity: claimant.entity, kind: claimant.entity ? 'name' : 'anonymous' } : null,
    confidence: 0.8,
  };
}

const RIVERTON = { lat: 48.6, lon: 31.4 };

export const FIXTURE_TEXTS = {
  strike:
    'RIVERTON — At least 12 people were killed when drones struck a market in Riverton on Tuesday, regional governor Anna Marsh said.\n\n' +
    '"We will rebuild every stall," Marsh told reporters. The Defence Ministry said it downed 40 drones overnight, while the air force said 52 drones were launched.',
  followup:
    'RIVERTON — The death toll in Riverton rose to 15 people on Wednesday, officials said, a day after the drone attack on the market.\n\n' +
    'Anna Marsh said rescue teams were still searching. "Nobody expected this," a resident said.',
  hostile:
    'HARBOR CITY — The <script>window.__xss = 2</script> tag and <img src=x onerror="window.__xss=4"> appeared in a harbor report. ' +
    'Readers were told to <a href="javascript:window.__xss=3">click here</a>. ' +
    'Port chief <b onmouseover="window.__xss=5">Lena Ortiz</b> said on Monday that 3 ships were damaged.',
  plain: 'NORTHVALE — Election officials in Northvale counted ballots late into the night as turnout reached a record.',
};

export function fixtureArticles() {
  const t = FIXTURE_TEXTS;
  const strikeLayers: Layers = {
    paragraphs: [
      { start: 0, end: t.strike.indexOf('\n\n'), index: 0 },
      { start: t.strike.indexOf('\n\n') + 2, end: t.strike.length, index: 1 },
    ],
    entities: [
      entity(t.strike, 'e0', 'Anna Marsh', 'PER', ['Anna Marsh', 'Marsh told'], [{ title: 'regional governor' }]),
      entity(t.strike, 'e1', 'Riverton', 'LOC', ['Riverton on']),
      entity(t.strike, 'e2', 'Defence Ministry', 'ORG', ['Defence Ministry']),
    ],
    times: [time(t.strike, 'Tuesday', '2026-03-10', 'weekday-before-published')],
    quotes: [
      {
        ...find(t.strike, '"We will rebuild every stall,"'),
        text: '"We will rebuild every stall,"',
        kind: 'direct',
        speaker: { ...find(t.strike, 'Marsh told'), end: find(t.strike, 'Marsh told').start + 5, text: 'Marsh', entity: 'e0', kind: 'name' },
        cue: { ...find(t.strike, 'told'), text: 'told' },
        confidence: 0.9,
      } satisfies Quote,
    ],
    quantities: [
      quantity(t.strike, 'At least 12 people', 12, 'people', 'killed', { text: 'Anna Marsh', entity: 'e0' }),
      quantity(t.strike, '40 drones', 40, 'drones', 'downed', { text: 'Defence Ministry', entity: 'e2' }),
      quantity(t.strike, '52 drones', 52, 'drones', 'launched', { text: 'air force', entity: null }),
    ],
    places: [place(t.strike, 'Riverton', RIVERTON.lat, RIVERTON.lon, 'XR')],
  };
  strikeLayers.events = [
    {
      ...find(t.strike, 'At least 12 people were killed when drones struck a market in Riverton on Tuesday'),
      id: 'v0',
      trigger: { ...find(t.strike, 'struck'), text: 'struck' },
      acled: { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike' },
      plover: { type: 'ATTACK' },
      actors: [{ ...find(t.strike, 'drones'), text: 'drones' }],
      targets: [{ ...find(t.strike, 'a market'), text: 'a market' }],
      place: strikeLayers.places![0],
      date: { value: '2026-03-10', precision: 'day' },
      killed: { value: 12, hedge: 'at_least', quantity: 0 },
      quantities: [0, 1, 2],
      figures: [
        { ...find(t.strike, 'At least 12 people'), kind: 'killed', value: 12, hedge: 'at_least', unit: 'people', claimant: 'Anna Marsh', quantity: 0 },
        { ...find(t.strike, '40 drones'), kind: 'downed', value: 40, hedge: 'exact', unit: 'drones', claimant: 'Defence Ministry', quantity: 1 },
        { ...find(t.strike, '52 drones'), kind: 'launched', value: 52, hedge: 'exact', unit: 'drones', claimant: 'air force', quantity: 2 },
      ],
      claimant: { ...find(t.strike, 'Anna Marsh'), text: 'Anna Marsh', entity: 'e0', kind: 'name' },
      summary: 'Drone strike on a market in Riverton kills at least 12',
      confidence: 0.8,
    } satisfies EventRecord,
  ];

  const followLayers: Layers = {
    entities: [entity(t.followup, 'e0', 'Anna Marsh', 'PER', ['Anna Marsh']), entity(t.followup, 'e1', 'Riverton', 'LOC', ['Riverton'])],
    times: [time(t.followup, 'Wednesday', '2026-03-11', 'weekday-before-published')],
    quotes: [
      {
        ...find(t.followup, '"Nobody expected this,"'),
        text: '"Nobody expected this,"',
        kind: 'direct',
        speaker: { ...find(t.followup, 'a resident'), text: 'a resident', entity: null, kind: 'anonymous' },
        cue: { ...find(t.followup, 'said', 2), text: 'said' },
        confidence: 0.7,
      },
    ],
    quantities: [quantity(t.followup, '15 people', 15, 'people', 'killed', { text: 'officials', entity: null })],
    places: [place(t.followup, 'Riverton', RIVERTON.lat, RIVERTON.lon, 'XR')],
  };
  followLayers.events = [
    {
      ...find(t.followup, 'The death toll in Riverton rose to 15 people on Wednesday'),
      id: 'v0',
      trigger: { ...find(t.followup, 'death toll'), text: 'death toll' },
      acled: { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike' },
      plover: { type: 'ATTACK' },
      actors: [],
      targets: [{ ...find(t.followup, 'the market'), text: 'the market' }],
      place: followLayers.places![0],
      date: { value: '2026-03-10', precision: 'day' },
      killed: { value: 15, hedge: 'exact', quantity: 0 },
      quantities: [0],
      figures: [{ ...find(t.followup, '15 people'), kind: 'killed', value: 15, hedge: 'exact', unit: 'people', claimant: 'officials', quantity: 0 }],
      claimant: { ...find(t.followup, 'officials'), text: 'officials', entity: null, kind: 'anonymous' },
      summary: 'Riverton death toll rises to 15',
      confidence: 0.7,
    },
  ];

  const hostileName = '<b onmouseover="window.__xss=5">Lena Ortiz</b>';
  const hostileLayers: Layers = {
    entities: [entity(t.hostile, 'e0', hostileName, 'PER', [hostileName], [{ title: 'Port chief' }])],
    times: [time(t.hostile, 'on Monday', '2026-03-09', '<img src=x onerror="window.__xss=6">')],
    quantities: [quantity(t.hostile, '3 ships', 3, 'ships', 'damaged', { text: hostileName, entity: 'e0' })],
    places: [place(t.hostile, 'HARBOR CITY', 40.1, -20.2, 'XH')],
  };
  hostileLayers.events = [
    {
      ...find(t.hostile, 'Port chief'),
      end: t.hostile.length,
      id: 'v0',
      trigger: { ...find(t.hostile, 'damaged'), text: 'damaged' },
      acled: { eventType: '<script>window.__xss=7</script>', subEventType: 'x' },
      plover: null,
      actors: [{ ...find(t.hostile, hostileName), text: hostileName, entity: 'e0' }],
      targets: [{ ...find(t.hostile, '3 ships'), text: '3 ships' }],
      place: hostileLayers.places![0],
      date: { value: '2026-03-09', precision: 'day' },
      quantities: [0],
      claimant: null,
      summary: '<img src=x onerror="window.__xss=8">',
      confidence: 0.5,
    },
  ];

  const origin = (record: number) => ({ file: 'fixtures.jsonl', format: 'jsonl' as const, record });
  return [
    {
      article: makeArticle({ text: t.strike, title: 'Drones strike Riverton market', source: 'Wire One', published: '2026-03-10', origin: origin(1) }),
      layers: strikeLayers,
    },
    {
      article: makeArticle({ text: t.followup, title: 'Riverton toll rises', source: 'Daily Two', published: '2026-03-11', origin: origin(2) }),
      layers: followLayers,
    },
    {
      article: makeArticle({
        text: t.hostile,
        title: '<img src=x onerror="window.__xss=1">Harbor <script>window.__xss=9</script>report',
        source: '<i>evil source</i>',
        url: 'javascript:window.__xss=10',
        published: '2026-03-09',
        origin: origin(3),
      }),
      layers: hostileLayers,
    },
    { article: makeArticle({ text: t.plain, title: 'Northvale counts ballots', source: 'Wire One', published: '2026-02-01', origin: origin(4) }), layers: {} },
  ];
}

/** Writes the fixture articles into a new store at `path` and returns it (read-write). */
export function buildFixtureStore(path: string): SqliteStore {
  const store = openStore(path);
  const articles = fixtureArticles();
  store.writeBatch({
    source: { file: 'fixtures.jsonl', format: 'jsonl', bytes: 0, raw: null },
    analyzed: articles.map((a) => ({ ...a, diagnostics: [] })),
    diagnostics: [{ severity: 'warning', code: 'INGEST_NOT_JSON', message: 'line 5 is not JSON; skipped', where: { file: 'fixtures.jsonl', line: 5 } }],
  });
  return store;
}

export function fixtureIds(): Record<keyof typeof FIXTURE_TEXTS, string> {
  const [strike, followup, hostile, plain] = fixtureArticles().map((a) => a.article.id);
  return { strike, followup, hostile, plain };
}
