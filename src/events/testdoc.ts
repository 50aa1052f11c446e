/**
 * Hand-built documents for the events, merge, story and export tests: our own text, segmented by the
 * real segmenter, with the layers of the later stages written out by hand as plain data (the shapes
 * those stages produce), so these tests do not depend on the models of other stages.
 */
import { makeArticle, type Article, type Span } from '../core/article.js';
import type { Entity, EntityType, Layers, Mention, Place, Quantity, TimeExpr } from '../core/layers.js';
import { segmentText } from '../segment/segment.js';

export interface DocSpec {
  text: string;
  published: string | null;
  entities?: Array<{ name: string; type: EntityType; surfaces: string[] }>;
  places?: Array<{ surface: string; name: string; lat: number; lon: number; country: string; precision: Place['precision']; nth?: number }>;
  times?: Array<{ surface: string; value: string; from: string; to: string; nth?: number }>;
  quantities?: Array<{ surface: string; value: number; unit: string | null; role: string | null; hedge?: Quantity['hedge']; claimant?: string; nth?: number }>;
}

/** The span of the nth (0-based) occurrence of `surface` in `text`. */
export function find(text: string, surface: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(surface, at + 1);
    if (at < 0) throw new Error(`test document has no occurrence ${nth} of '${surface}'`);
  }
  return { start: at, end: at + surface.length };
}

function allSpans(text: string, surface: string): Span[] {
  const out: Span[] = [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

export function buildDoc(spec: DocSpec, file = 'test.txt'): { article: Article; layers: Layers } {
  const article = makeArticle({ text: spec.text, origin: { file, format: 'text' }, published: spec.published });
  const text = spec.text;
  const seg = segmentText(text);
  const entities: Entity[] = [];
  const mentions: Mention[] = [];
  for (const e of spec.entities ?? []) {
    const index = entities.length;
    const spans = e.surfaces.flatMap((s) => allSpans(text, s));
    spans.sort((a, b) => a.start - b.start);
    if (spans.length === 0) continue;
    entities.push({
      id: `e${index}`,
      name: e.name,
      type: e.type,
      start: spans[0].start,
      end: spans[0].end,
      mentions: spans,
      roles: [],
      key: e.name.toLowerCase(),
      confidence: 0.9,
    });
    for (const s of spans) mentions.push({ ...s, text: text.slice(s.start, s.end), entity: index, kind: 'name' });
  }
  mentions.sort((a, b) => a.start - b.start);
  const places: Place[] = (spec.places ?? []).map((p) => {
    const s = find(text, p.surface, p.nth ?? 0);
    return { ...s, text: text.slice(s.start, s.end), name: p.name, lat: p.lat, lon: p.lon, country: p.country, precision: p.precision, confidence: 0.9 };
  });
  const times: TimeExpr[] = (spec.times ?? []).map((t) => {
    const s = find(text, t.surface, t.nth ?? 0);
    return {
      ...s,
      text: text.slice(s.start, s.end),
      type: 'DATE',
      value: t.value,
      range: { from: t.from, to: t.to },
      anchor: 'published',
      stated: [],
      implied: [],
      confidence: 0.9,
    };
  });
  const quantities: Quantity[] = (spec.quantities ?? []).map((q) => {
    const s = find(text, q.surface, q.nth ?? 0);
    const claimant = q.claimant ? find(text, q.claimant) : null;
    return {
      ...s,
      text: text.slice(s.start, s.end),
      value: q.value,
      unit: q.unit,
      hedge: q.hedge ?? 'exact',
      role: q.role,
      claimant: claimant ? { ...claimant, text: text.slice(claimant.start, claimant.end), entity: null, kind: 'organisation' } : null,
      confidence: 0.9,
    };
  });
  const published = spec.published ? [{ value: spec.published, source: 'header' as const, confidence: 1, range: { from: spec.published, to: spec.published }, evidence: [] }] : [];
  return {
    article,
    layers: { ...seg, entities, mentions, places, times, quantities, quotes: [], published },
  };
}

/** A strike, its follow-up, a barrage, interceptions and a meeting: our own wire-style text. */
export const STRIKE_DOC: DocSpec = {
  text:
    'At least 12 people were killed in a Russian missile strike on the city of Rivne on Tuesday, Ukraine’s emergency service said. Another 30 people were injured, the service said.\n' +
    'Ukraine’s air force said Russia launched 300 drones and 20 missiles overnight. Air defenses downed 280 drones and 15 missiles, the air force said.\n' +
    'Rescuers worked through the night after the strike on Rivne.\n' +
    'The foreign ministers of France and Germany met in Berlin on Monday to discuss the war.\n' +
    'Teachers went on strike in Lyon on Monday over pay.',
  published: '2025-03-05',
  entities: [
    { name: 'Ukraine', type: 'LOC', surfaces: ['Ukraine'] },
    { name: 'Russia', type: 'LOC', surfaces: ['Russia'] },
    { name: 'France', type: 'LOC', surfaces: ['France'] },
    { name: 'Germany', type: 'LOC', surfaces: ['Germany'] },
    { name: 'Rivne', type: 'LOC', surfaces: ['Rivne'] },
    { name: 'Berlin', type: 'LOC', surfaces: ['Berlin'] },
    { name: 'Lyon', type: 'LOC', surfaces: ['Lyon'] },
  ],
  places: [
    { surface: 'Rivne', name: 'Rivne', lat: 50.62, lon: 26.25, country: 'UA', precision: 'city' },
    { surface: 'Rivne', name: 'Rivne', lat: 50.62, lon: 26.25, country: 'UA', precision: 'city', nth: 1 },
    { surface: 'Berlin', name: 'Berlin', lat: 52.52, lon: 13.41, country: 'DE', precision: 'city' },
    { surface: 'Lyon', name: 'Lyon', lat: 45.75, lon: 4.85, country: 'FR', precision: 'city' },
  ],
  times: [
    { surface: 'Tuesday', value: '2025-03-04', from: '2025-03-04', to: '2025-03-04' },
    { surface: 'Monday', value: '2025-03-03', from: '2025-03-03', to: '2025-03-03' },
    { surface: 'Monday', value: '2025-03-03', from: '2025-03-03', to: '2025-03-03', nth: 1 },
  ],
  quantities: [
    { surface: 'At least 12 people', value: 12, unit: 'people', role: 'killed', hedge: 'at_least', claimant: 'Ukraine’s emergency service' },
    { surface: '30 people', value: 30, unit: 'people', role: 'injured', claimant: 'the service' },
    { surface: '300 drones', value: 300, unit: 'drones', role: 'launched' },
    { surface: '20 missiles', value: 20, unit: 'missiles', role: 'launched' },
    { surface: '280 drones', value: 280, unit: 'drones', role: 'downed' },
    { surface: '15 missiles', value: 15, unit: 'missiles', role: 'downed' },
  ],
};

/** A second report of the same strike with a different toll, and a strike elsewhere. */
export const SECOND_DOC: DocSpec = {
  text:
    'Fifteen people died when Russian missiles hit Rivne on Tuesday, the city mayor said.\n' +
    'Separately, a Russian drone strike on Kharkiv on Tuesday killed 2 people, regional officials said.',
  published: '2025-03-04',
  places: [
    { surface: 'Rivne', name: 'Rivne', lat: 50.62, lon: 26.25, country: 'UA', precision: 'city' },
    { surface: 'Kharkiv', name: 'Kharkiv', lat: 49.99, lon: 36.23, country: 'UA', precision: 'city' },
  ],
  times: [
    { surface: 'Tuesday', value: '2025-03-04', from: '2025-03-04', to: '2025-03-04' },
    { surface: 'Tuesday', value: '2025-03-04', from: '2025-03-04', to: '2025-03-04', nth: 1 },
  ],
  quantities: [
    { surface: 'Fifteen people', value: 15, unit: 'people', role: 'killed', claimant: 'the city mayor' },
    { surface: '2 people', value: 2, unit: 'people', role: 'killed', claimant: 'regional officials' },
  ],
};

/** An unrelated article (another story). */
export const OTHER_DOC: DocSpec = {
  text: 'The city council of Porto approved a new budget for public libraries and parks on Thursday after a long debate.',
  published: '2025-03-06',
  places: [{ surface: 'Porto', name: 'Porto', lat: 41.15, lon: -8.61, country: 'PT', precision: 'city' }],
};
