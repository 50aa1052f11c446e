/**
 * How each layer maps onto its table `layer_<name>`.
 *
 * Every layer table has `(article_id, idx, start, end, data)` where `data` is the item (encoded by
 * store/layer-codec.ts); the columns declared here are copied out of the item so they can be indexed and
 * queried. A `packed` layer (tokens: hundreds per article) is stored as one row per article whose `data`
 * is the whole list, column-wise, and whose `count` is its length — still its own table, without paying
 * a row per token.
 */
import type { LayerName, Layers, Token } from '../core/layers.js';

export type ColumnType = 'TEXT' | 'REAL' | 'INTEGER';

export interface LayerColumn {
  name: string;
  type: ColumnType;
  value: (item: never) => string | number | null | undefined;
  index?: boolean;
}

export interface LayerTable {
  layer: LayerName;
  packed?: boolean;
  /** For packed layers: reads the JSON form written before schema version 5 when it was not the plain list. */
  legacy?: (data: unknown) => unknown[];
  columns?: LayerColumn[];
}

interface PackedTokens {
  start: number[];
  length: number[];
  pos: string[];
  sentence: number[];
  space: number[];
}

/** Tokens as schema versions 1–4 stored them: column-wise JSON, lengths instead of ends. */
function legacyTokens(data: unknown): Token[] {
  const p = data as PackedTokens;
  return p.start.map((start, i) => ({ start, end: start + p.length[i], pos: p.pos[i], sentence: p.sentence[i], spaceBefore: p.space[i] === 1 }));
}

type Item<L extends LayerName> = NonNullable<Layers[L]>[number];

function column<L extends LayerName>(
  _layer: L,
  name: string,
  type: ColumnType,
  value: (item: Item<L>) => string | number | null | undefined,
  index = false,
): LayerColumn {
  return { name, type, value: value as (item: never) => string | number | null | undefined, index };
}

export const LAYER_TABLES: LayerTable[] = [
  { layer: 'paragraphs', packed: true },
  { layer: 'sentences', packed: true },
  { layer: 'tokens', packed: true, legacy: legacyTokens },
  { layer: 'mentions', packed: true },
  {
    layer: 'entities',
    columns: [
      column('entities', 'name', 'TEXT', (e) => e.name, true),
      column('entities', 'type', 'TEXT', (e) => e.type, true),
      column('entities', 'key', 'TEXT', (e) => e.key, true),
      column('entities', 'mention_count', 'INTEGER', (e) => e.mentions.length),
    ],
  },
  {
    layer: 'published',
    columns: [
      column('published', 'value', 'TEXT', (p) => p.value, true),
      column('published', 'source', 'TEXT', (p) => p.source),
      column('published', 'confidence', 'REAL', (p) => p.confidence),
    ],
  },
  {
    layer: 'times',
    columns: [
      column('times', 'type', 'TEXT', (t) => t.type),
      column('times', 'value', 'TEXT', (t) => t.value, true),
      column('times', 'range_from', 'TEXT', (t) => t.range?.from, true),
      column('times', 'range_to', 'TEXT', (t) => t.range?.to),
    ],
  },
  {
    layer: 'quotes',
    columns: [
      column('quotes', 'kind', 'TEXT', (q) => q.kind),
      column('quotes', 'speaker_text', 'TEXT', (q) => q.speaker?.text),
      column('quotes', 'speaker_entity', 'TEXT', (q) => q.speaker?.entity, true),
    ],
  },
  {
    layer: 'quantities',
    columns: [
      column('quantities', 'value', 'REAL', (q) => q.value),
      column('quantities', 'unit', 'TEXT', (q) => q.unit),
      column('quantities', 'role', 'TEXT', (q) => q.role, true),
      column('quantities', 'hedge', 'TEXT', (q) => q.hedge),
      column('quantities', 'claimant_text', 'TEXT', (q) => q.claimant?.text),
    ],
  },
  {
    layer: 'places',
    columns: [
      column('places', 'name', 'TEXT', (p) => p.name, true),
      column('places', 'country', 'TEXT', (p) => p.country, true),
      column('places', 'lat', 'REAL', (p) => p.lat),
      column('places', 'lon', 'REAL', (p) => p.lon),
    ],
  },
  {
    layer: 'events',
    columns: [
      column('events', 'acled_type', 'TEXT', (e) => e.acled?.eventType, true),
      column('events', 'acled_sub_type', 'TEXT', (e) => e.acled?.subEventType),
      column('events', 'plover_type', 'TEXT', (e) => e.plover?.type, true),
      column('events', 'date_value', 'TEXT', (e) => e.date?.value, true),
      column('events', 'place_name', 'TEXT', (e) => e.place?.name),
      column('events', 'lat', 'REAL', (e) => e.place?.lat),
      column('events', 'lon', 'REAL', (e) => e.place?.lon),
      column('events', 'killed', 'INTEGER', (e) => e.killed?.value),
      column('events', 'injured', 'INTEGER', (e) => e.injured?.value),
    ],
  },
];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A value SQLite returns unchanged from a column of this type (TEXT keeps well-formed strings; numeric types keep numbers). */
function returnsUnchanged(type: ColumnType, v: string | number | null): boolean {
  if (v === null) return true;
  if (typeof v === 'number') return type !== 'TEXT';
  return type === 'TEXT' && !LONE_SURROGATE.test(v) && !v.includes('\0');
}

/**
 * The values a row's columns will give back, by column name, for those SQLite returns unchanged: what an
 * item's encoding may leave to its columns (store/layer-codec.ts encodeItem).
 */
export function storedColumns(
  spec: LayerTable,
  start: number | null,
  end: number | null,
  values: ReadonlyArray<string | number | null>,
): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  if (returnsUnchanged('INTEGER', start)) out.start = start;
  if (returnsUnchanged('INTEGER', end)) out.end = end;
  (spec.columns ?? []).forEach((c, i) => {
    if (returnsUnchanged(c.type, values[i])) out[c.name] = values[i];
  });
  return out;
}

export function layerTable(layer: LayerName): LayerTable {
  const spec = LAYER_TABLES.find((t) => t.layer === layer);
  return spec ?? { layer, columns: [] };
}

export function tableName(layer: LayerName): string {
  return `layer_${layer}`;
}
