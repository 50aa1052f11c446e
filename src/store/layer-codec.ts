/**
 * How layer data is written into SQLite compactly (schema version 5; docs/benchmarks.md "dbsize").
 *
 * - Packed layers (paragraphs, sentences, tokens, mentions: one row per article) are stored column-wise:
 *   delta-encoded start offsets, lengths instead of ends, strings as indexes into a per-row table, all
 *   as varints, then deflated. A list whose items do not fit the layer's column schema exactly (an extra
 *   or missing field, a fractional number) is stored as deflated JSON instead, so nothing is ever lost.
 * - Items of row-per-item layers are stored in a tagged binary form (store/item-codec.ts: keys and
 *   common values as table indexes, numbers as varints; a 170-byte entity becomes ~50 bytes), about ten
 *   times cheaper than deflating each one. Events stay plain JSON: their reads filter on fields inside
 *   it with SQLite's JSON functions.
 * - A source's raw bytes are deflated, against the text of its single article when it has one; a large
 *   source holding that text whole keeps only what surrounds it.
 *
 * Every blob starts with a format byte; plain TEXT (written before version 5) is read as JSON, so a row
 * in either form decodes. The column schemas below and item-codec's tables are part of the on-disk
 * format: never edit one, add a new format byte instead.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { LayerName } from '../core/layers.js';
import { ByteReader, ByteWriter } from './varint.js';
import { decodeValue, encodeValue, type StoredColumns } from './item-codec.js';

const PACKED_JSON = 1;
const PACKED_COLUMNS = 2;
const ITEM_BINARY = 3;
const RAW_DEFLATED = 4;
const RAW_AGAINST_TEXT = 5;
const PACKED_COLUMNS_PLAIN = 6;
const RAW_AROUND_TEXT = 7;

/**
 * A source at least this long (UTF-16 units) that holds its article's text whole is stored as what
 * surrounds the text (a title line, trailing blank lines): deflating a 30 MB text file whole held
 * ~60 MB of buffers at once, and the text is stored anyway. Shorter sources deflate against the text.
 */
const AROUND_FROM = 1 << 20;

/** Column data shorter than this is stored without deflate (paragraphs, short sentence lists): not worth a zlib call. */
const DEFLATE_FROM = 96;

/**
 * Deflate with a window just large enough for the dictionary and the data (zlib's set-up cost grows with
 * the window and hash sizes, and most rows are a few KB). Inflating with the default 32 KB window reads
 * any of them.
 */
function deflate(data: Buffer | string, dictionary?: Buffer): Buffer {
  const bytes = (typeof data === 'string' ? Buffer.byteLength(data) : data.length) + (dictionary?.length ?? 0) + 262;
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(bytes))));
  const memLevel = Math.min(8, Math.max(4, windowBits - 7));
  return deflateRawSync(data, dictionary ? { windowBits, memLevel, dictionary } : { windowBits, memLevel });
}

/**
 * end: stored as end − start, and must precede start; start: the gap after the previous item's end (0 or
 * 1 for most tokens); int: zig-zag; delta: from the previous item's value; str: index into a string table.
 */
type FieldKind = 'start' | 'end' | 'int' | 'delta' | 'str' | 'bool';
type Schema = ReadonlyArray<readonly [string, FieldKind]>;

const SCHEMAS: Partial<Record<LayerName, Schema>> = {
  paragraphs: [
    ['end', 'end'],
    ['start', 'start'],
    ['index', 'delta'],
  ],
  sentences: [
    ['end', 'end'],
    ['start', 'start'],
    ['index', 'delta'],
    ['paragraph', 'delta'],
  ],
  tokens: [
    ['end', 'end'],
    ['start', 'start'],
    ['pos', 'str'],
    ['sentence', 'delta'],
    ['spaceBefore', 'bool'],
  ],
  mentions: [
    ['end', 'end'],
    ['start', 'start'],
    ['text', 'str'],
    ['entity', 'int'],
    ['kind', 'str'],
  ],
};

type Item = Record<string, unknown>;

/** Integers whose differences, zig-zagged, stay safe (any text offset is far below). */
function smallInteger(v: unknown): boolean {
  return Number.isInteger(v) && Math.abs(v as number) < 2 ** 50;
}

function fitsSchema(items: readonly unknown[], schema: Schema): boolean {
  for (const raw of items) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
    const item = raw as Item;
    let keys = 0;
    for (const k in item) {
      if (Object.prototype.hasOwnProperty.call(item, k)) keys++;
    }
    if (keys !== schema.length) return false;
    for (const [name, kind] of schema) {
      const v = item[name];
      if (kind === 'str' ? typeof v !== 'string' : kind === 'bool' ? typeof v !== 'boolean' : !smallInteger(v)) return false;
    }
  }
  return true;
}

function packColumns(items: readonly Item[], schema: Schema): Buffer {
  const w = new ByteWriter();
  w.uint(items.length);
  for (const [name, kind] of schema) {
    if (kind === 'str') {
      const table = new Map<string, number>();
      const indexes = items.map((item) => {
        const s = item[name] as string;
        let i = table.get(s);
        if (i === undefined) table.set(s, (i = table.size));
        return i;
      });
      w.uint(table.size);
      for (const s of table.keys()) w.string(s);
      for (const i of indexes) w.uint(i);
      continue;
    }
    let prev = 0;
    for (const item of items) {
      const v = item[name];
      if (kind === 'bool') w.uint(v ? 1 : 0);
      else if (kind === 'end') w.int((v as number) - (item.start as number));
      else if (kind === 'int') w.int(v as number);
      else {
        w.int((v as number) - prev);
        prev = kind === 'start' ? (item.end as number) : (v as number);
      }
    }
  }
  return w.done();
}

function unpackColumns(data: Uint8Array, schema: Schema): Item[] {
  const r = new ByteReader(data);
  const n = r.uint();
  const items: Item[] = Array.from({ length: n }, () => ({}));
  for (const [name, kind] of schema) {
    if (kind === 'str') {
      const table = Array.from({ length: r.uint() }, () => r.string());
      for (const item of items) {
        const s = table[r.uint()];
        if (s === undefined) throw new Error('packed layer: string index out of range');
        item[name] = s;
      }
      continue;
    }
    let prev = 0;
    for (const item of items) {
      if (kind === 'bool') item[name] = r.uint() === 1;
      else if (kind === 'end' || kind === 'int') item[name] = r.int(); // end: the length until start is read
      else if (kind === 'start') {
        const start = prev + r.int();
        item.start = start;
        item.end = prev = start + (item.end as number);
      } else item[name] = prev = prev + r.int();
    }
  }
  return items;
}

function withFormat(format: number, body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(body.length + 1);
  out[0] = format;
  body.copy(out, 1);
  return out;
}

/** Whether a layer is packed (one row per article holding the whole list). */
export function isPacked(layer: LayerName): boolean {
  return SCHEMAS[layer] !== undefined;
}

/** A packed layer's list as one blob. */
export function encodePacked(layer: LayerName, items: readonly unknown[]): Buffer {
  const schema = SCHEMAS[layer];
  if (schema && fitsSchema(items, schema)) {
    const columns = packColumns(items as Item[], schema);
    return columns.length < DEFLATE_FROM ? withFormat(PACKED_COLUMNS_PLAIN, columns) : withFormat(PACKED_COLUMNS, deflate(columns));
  }
  return withFormat(PACKED_JSON, deflate(JSON.stringify(items)));
}

/** The inverse of encodePacked; also reads the JSON text written before schema version 5. */
export function decodePacked(layer: LayerName, data: string | Uint8Array, legacy?: (parsed: unknown) => unknown[]): unknown[] {
  if (typeof data === 'string') {
    const parsed: unknown = JSON.parse(data);
    return legacy ? legacy(parsed) : (parsed as unknown[]);
  }
  if (data[0] === PACKED_JSON) return JSON.parse(inflateRawSync(data.subarray(1)).toString('utf8')) as unknown[];
  const schema = SCHEMAS[layer];
  if ((data[0] !== PACKED_COLUMNS && data[0] !== PACKED_COLUMNS_PLAIN) || !schema) throw new Error(`packed layer ${layer}: unknown format ${data[0]}`);
  return unpackColumns(data[0] === PACKED_COLUMNS ? inflateRawSync(data.subarray(1)) : data.subarray(1), schema);
}

/** Whether a row-per-item layer's items are stored in binary (not events: their reads query fields inside the JSON). */
export function binaryItems(layer: LayerName): boolean {
  return layer !== 'events';
}

/**
 * One item of a row-per-item layer as its stored `data`: binary (store/item-codec.ts), or JSON text.
 * `columns` are the values stored in the same row's columns, by name (start, end, name, type, …): a
 * top-level field equal to its column is not stored twice, so the row's columns must never be rewritten
 * apart from its data.
 */
export function encodeItem(layer: LayerName, item: unknown, columns?: StoredColumns): string | Buffer {
  const binary = binaryItems(layer) ? encodeValue(item, columns) : null;
  return binary ? withFormat(ITEM_BINARY, binary) : JSON.stringify(item);
}

/** The inverse of encodeItem, given the whole row (`SELECT *`); JSON text (any layer, any schema version) is parsed as is. */
export function decodeItem<T = unknown>(layer: LayerName, row: { data: string | Uint8Array; [column: string]: unknown }): T {
  const data = row.data;
  if (typeof data === 'string') return JSON.parse(data) as T;
  if (data[0] !== ITEM_BINARY) throw new Error(`layer ${layer}: unknown item format ${data[0]}`);
  return decodeValue(data.subarray(1), row) as T;
}

/** A source's raw text, deflated; against the text of the article it holds, when it holds one (then decoding needs that text). */
export function encodeRaw(raw: string | null, articleText?: string): Buffer | null {
  if (raw === null) return null;
  if (articleText) {
    const around = raw.length >= AROUND_FROM ? aroundText(raw, articleText) : null;
    if (around) return withFormat(RAW_AROUND_TEXT, deflate(around));
    const dictionary = Buffer.from(articleText.length > 30_000 ? articleText.slice(-30_000) : articleText, 'utf8');
    return withFormat(RAW_AGAINST_TEXT, deflate(raw, dictionary));
  }
  return withFormat(RAW_DEFLATED, deflate(raw));
}

/** `raw` less the one place it holds `text`: that place (UTF-16 units) and the rest, or null when it holds no whole text. */
function aroundText(raw: string, text: string): Buffer | null {
  if (text.length === 0) return null;
  const at = raw.indexOf(text);
  if (at < 0) return null;
  const end = at + text.length;
  // A cut between the halves of a surrogate pair could not be written as UTF-8.
  const high = (c: number) => c >= 0xd800 && c <= 0xdbff;
  const low = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  if ((at > 0 && (high(raw.charCodeAt(at - 1)) || low(raw.charCodeAt(at)))) || (end < raw.length && (high(raw.charCodeAt(end - 1)) || low(raw.charCodeAt(end))))) return null;
  const w = new ByteWriter();
  w.uint(at);
  w.string(raw.slice(0, at) + raw.slice(end));
  return w.done();
}

/** Whether decoding this raw blob needs the text of the source's article. */
export function rawNeedsText(data: string | Uint8Array | null): boolean {
  return data !== null && typeof data !== 'string' && (data[0] === RAW_AGAINST_TEXT || data[0] === RAW_AROUND_TEXT);
}

export function decodeRaw(data: string | Uint8Array | null, articleText?: string): string | null {
  if (data === null || typeof data === 'string') return data;
  if (data[0] === RAW_DEFLATED) return inflateRawSync(data.subarray(1)).toString('utf8');
  if (data[0] === RAW_AGAINST_TEXT && articleText !== undefined) {
    const dictionary = Buffer.from(articleText.length > 30_000 ? articleText.slice(-30_000) : articleText, 'utf8');
    return inflateRawSync(data.subarray(1), { dictionary }).toString('utf8');
  }
  if (data[0] === RAW_AROUND_TEXT && articleText !== undefined) {
    const r = new ByteReader(inflateRawSync(data.subarray(1)));
    const at = r.uint();
    const rest = r.string();
    return rest.slice(0, at) + articleText + rest.slice(at);
  }
  throw new Error(`source raw: unknown format ${data[0]} or missing article text`);
}
