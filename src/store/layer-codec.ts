/**
 * How layer data is written into SQLite compactly (schema version 5; docs/benchmarks.md "dbsize").
 *
 * - Packed layers (paragraphs, sentences, tokens, mentions: one row per article) are stored column-wise:
 *   delta-encoded start offsets, lengths instead of ends, strings as indexes into a per-row table, all
 *   as varints, then deflated. A list whose items do not fit the layer's column schema exactly (an extra
 *   or missing field, a fractional number) is stored as deflated JSON instead, so nothing is ever lost.
 * - Items of row-per-item layers are stored as JSON deflated against a fixed per-layer dictionary of
 *   their field names and common values (a 170-byte entity becomes ~45 bytes). Events stay plain JSON:
 *   their reads filter on fields inside it with SQLite's JSON functions.
 * - A source's raw bytes are deflated, against the text of its single article when it has one.
 *
 * Every blob starts with a format byte; plain TEXT (written before version 5) is read as JSON, so a row
 * in either form decodes. The dictionaries below are part of the on-disk format: never edit one, add a
 * new format byte instead.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { LayerName } from '../core/layers.js';
import { ByteReader, ByteWriter } from './varint.js';

const PACKED_JSON = 1;
const PACKED_COLUMNS = 2;
const ITEM_DEFLATED = 3;
const RAW_DEFLATED = 4;
const RAW_AGAINST_TEXT = 5;

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
  if (schema && fitsSchema(items, schema)) return withFormat(PACKED_COLUMNS, deflateRawSync(packColumns(items as Item[], schema)));
  return withFormat(PACKED_JSON, deflateRawSync(JSON.stringify(items)));
}

/** The inverse of encodePacked; also reads the JSON text written before schema version 5. */
export function decodePacked(layer: LayerName, data: string | Uint8Array, legacy?: (parsed: unknown) => unknown[]): unknown[] {
  if (typeof data === 'string') {
    const parsed: unknown = JSON.parse(data);
    return legacy ? legacy(parsed) : (parsed as unknown[]);
  }
  const body = inflateRawSync(data.subarray(1));
  if (data[0] === PACKED_JSON) return JSON.parse(body.toString('utf8')) as unknown[];
  const schema = SCHEMAS[layer];
  if (data[0] !== PACKED_COLUMNS || !schema) throw new Error(`packed layer ${layer}: unknown format ${data[0]}`);
  return unpackColumns(body, schema);
}

/**
 * Per-layer deflate dictionaries: typical items, written by hand (field names, the values that recur).
 * Part of the on-disk format (see the file comment).
 */
const DICTIONARIES: Partial<Record<LayerName, Buffer>> = {
  entities: Buffer.from(
    '"roles":[{"title":"Prime Minister","affiliation":"United Kingdom","evidence":{"start":1,"end":2}}],"owner":"e1",' +
      '{"id":"e12","start":1204,"end":1219,"name":"European Union","type":"ORG","mentions":[{"start":104,"end":119},{"start":1204,"end":1219}],"roles":[],"key":"european union","confidence":0.5}' +
      '{"id":"e3","start":220,"end":226,"name":"London","type":"LOC","mentions":[{"start":220,"end":226}],"roles":[],"key":"london","confidence":0.75}' +
      '{"id":"e0","start":10,"end":22,"name":"John Smith","type":"PER","mentions":[{"start":10,"end":22},{"start":310,"end":315}],"roles":[],"key":"john smith","confidence":0.9}',
  ),
  published: Buffer.from(
    '{"value":"2024-05-17T00:00:00Z","source":"metadata","confidence":0.95,"evidence":{"start":0,"end":10}}{"value":null,"source":"unknown","confidence":0}' +
      '{"value":"2005-01-01","source":"content","confidence":0.5}{"value":"2025-03-02","source":"header","confidence":0.9}{"value":"2024","source":"inherited","confidence":0.3}',
  ),
  times: Buffer.from(
    '"direction":"past","direction":"future","direction":"same","anchor":"event","anchor":"none",' +
      '{"start":1528,"end":1537,"text":"last year","type":"DURATION","value":"P1Y","anchor":"published","stated":["offset"],"implied":["year","month","day"],"confidence":0.22,"rule":"in-the-unit","range":{"from":"2004-01-01","to":"2005-12-31"}}' +
      '{"start":100,"end":108,"text":"on Tuesday","type":"DATE","value":"2025-03-04","anchor":"published","stated":["weekday"],"implied":["year","month","day"],"confidence":0.8,"rule":"weekday","range":{"from":"2025-03-04","to":"2025-03-04"}}',
  ),
  quotes: Buffer.from(
    '"addressee":{"start":1,"end":2,"text":"reporters"},"medium":{"start":1,"end":2,"text":"a statement"},"date":"2025-03-04","when":{"start":1,"end":2,"text":"on Monday"},' +
      '{"start":1428,"end":1508,"text":"\\"The government has said","kind":"indirect","speaker":null,"cue":null,"confidence":0.5}' +
      '{"start":1428,"end":1508,"text":"\\"The economy is producing a moderate amount of growth,\\"","kind":"direct","speaker":{"start":1514,"end":1525,"text":"Mr Smith","entity":"e7","kind":"pronoun"},"cue":{"start":1509,"end":1513,"text":"said"},"confidence":0.75}' +
      '{"start":428,"end":508,"text":"that it was a partial","kind":"partial","speaker":{"start":514,"end":525,"text":"the minister","entity":"e1","kind":"name"},"cue":{"start":509,"end":513,"text":"told"},"confidence":0.9}',
  ),
  quantities: Buffer.from(
    '"high":2000,"currency":"USD","unitSpan":{"start":1,"end":2},"hedgeText":"more than","parts":[1,2],' +
      '{"start":173,"end":177,"text":"£75m","value":75000000,"unit":"GBP","hedge":"exact","role":null,"claimant":null,"confidence":0.5,"currency":"GBP"}' +
      '{"start":173,"end":177,"text":"$1.5bn","value":1500000000,"unit":"USD","hedge":"about","role":"killed","claimant":{"start":1,"end":2,"text":"police","entity":"e2","kind":"name"},"confidence":0.75,"currency":"USD"}' +
      '{"start":17,"end":27,"text":"12 percent","value":12,"unit":"percent","hedge":null,"role":"injured","claimant":null,"confidence":0.9}',
  ),
  places: Buffer.from(
    '"admin1":"England","geonameid":2643743,"near":"London",' +
      '{"start":356,"end":361,"text":"India","name":"India","lat":22,"lon":79,"country":"IN","precision":"country","confidence":0.98,"entity":"e0"}' +
      '{"start":56,"end":62,"text":"London","name":"London","lat":51.50853,"lon":-0.12574,"country":"GB","precision":"city","confidence":0.9,"entity":"e3"}' +
      '{"start":56,"end":62,"text":"Washington","name":"United States","lat":39.76,"lon":-98.5,"country":"US","precision":"region","confidence":0.75}',
  ),
};

/** Whether a row-per-item layer's items are stored deflated (not events: their reads query fields inside the JSON). */
export function deflatesItems(layer: LayerName): boolean {
  return DICTIONARIES[layer] !== undefined;
}

/** One item of a row-per-item layer as its stored `data`. */
export function encodeItem(layer: LayerName, item: unknown): string | Buffer {
  const json = JSON.stringify(item);
  const dictionary = DICTIONARIES[layer];
  if (!dictionary) return json;
  return withFormat(ITEM_DEFLATED, deflateRawSync(json, { dictionary }));
}

/** The inverse of encodeItem; JSON text (any layer, any schema version) is parsed as is. */
export function decodeItem<T = unknown>(layer: LayerName, data: string | Uint8Array): T {
  if (typeof data === 'string') return JSON.parse(data) as T;
  const dictionary = DICTIONARIES[layer];
  if (data[0] !== ITEM_DEFLATED || !dictionary) throw new Error(`layer ${layer}: unknown item format ${data[0]}`);
  return JSON.parse(inflateRawSync(data.subarray(1), { dictionary }).toString('utf8')) as T;
}

/** A source's raw text, deflated; against the text of the article it holds, when it holds one (then decoding needs that text). */
export function encodeRaw(raw: string | null, articleText?: string): Buffer | null {
  if (raw === null) return null;
  if (articleText) {
    const dictionary = Buffer.from(articleText.length > 30_000 ? articleText.slice(-30_000) : articleText, 'utf8');
    return withFormat(RAW_AGAINST_TEXT, deflateRawSync(raw, { dictionary }));
  }
  return withFormat(RAW_DEFLATED, deflateRawSync(raw));
}

/** Whether decoding this raw blob needs the text of the source's article. */
export function rawNeedsText(data: string | Uint8Array | null): boolean {
  return data !== null && typeof data !== 'string' && data[0] === RAW_AGAINST_TEXT;
}

export function decodeRaw(data: string | Uint8Array | null, articleText?: string): string | null {
  if (data === null || typeof data === 'string') return data;
  if (data[0] === RAW_DEFLATED) return inflateRawSync(data.subarray(1)).toString('utf8');
  if (data[0] === RAW_AGAINST_TEXT && articleText !== undefined) {
    const dictionary = Buffer.from(articleText.length > 30_000 ? articleText.slice(-30_000) : articleText, 'utf8');
    return inflateRawSync(data.subarray(1), { dictionary }).toString('utf8');
  }
  throw new Error(`source raw: unknown format ${data[0]} or missing article text`);
}
