/**
 * A compact binary form of one JSON value (a layer item), quicker than deflating it: a tag byte per
 * value; object keys and common string values as indexes into fixed tables; integers and short
 * decimals as varints; a string that repeats (or lower-cases) an earlier string of the item as a
 * back-reference. `decodeValue(encodeValue(x))` deep-equals `JSON.parse(JSON.stringify(x))`; a value
 * JSON would change (undefined, NaN, a class instance) makes `encodeValue` return null, and the caller
 * keeps the JSON text instead.
 *
 * KEYS and VALUES are part of the on-disk format (store/layer-codec.ts): never edit or reorder them.
 */
import { ByteReader, ByteWriter } from './varint.js';

const KEYS = [
  'start', 'end', 'text', 'id', 'name', 'type', 'mentions', 'roles', 'key', 'confidence', 'title', 'affiliation',
  'evidence', 'owner', 'value', 'range', 'from', 'to', 'anchor', 'direction', 'stated', 'implied', 'rule', 'source',
  'kind', 'speaker', 'cue', 'addressee', 'medium', 'date', 'when', 'entity', 'high', 'unit', 'currency', 'unitSpan',
  'hedge', 'hedgeText', 'role', 'claimant', 'parts', 'lat', 'lon', 'country', 'admin1', 'geonameid', 'precision', 'near',
];
const VALUES = [
  'PER', 'ORG', 'LOC', 'MISC', 'DATE', 'TIME', 'DURATION', 'SET', 'published', 'event', 'none', 'past', 'future', 'same',
  'year', 'month', 'day', 'offset', 'weekday', 'direct', 'partial', 'indirect', 'name', 'surname', 'alias', 'pronoun',
  'nominal', 'possessive', 'exact', 'at_least', 'at_most', 'about', 'nearly', 'more_than', 'less_than', 'up_to',
  'country', 'region', 'city', 'point', 'area', 'header', 'metadata', 'content', 'inherited', 'unknown', 'said', 'GBP',
  'USD', 'EUR', 'percent', 'XXXX', 'PRESENT_REF', 'PAST_REF', 'FUTURE_REF',
];
const KEY_INDEX = new Map(KEYS.map((k, i) => [k, i]));
const VALUE_INDEX = new Map(VALUES.map((v, i) => [v, i]));

const enum Tag {
  Null = 0,
  False = 1,
  True = 2,
  Uint = 3,
  NegInt = 4,
  Float = 5,
  Str = 6,
  KnownStr = 7,
  RefStr = 8,
  LowerRefStr = 9,
  Array = 10,
  Object = 11,
  /** A top-level field whose value is in the row's column of the same name. */
  Column = 12,
  /** Decimal with k places: tag Decimal + k − 1, then the zig-zagged integer m = value × 10^k. */
  Decimal = 16,
}
const MAX_PLACES = 6;
const LIMIT = 2 ** 50;

class Unencodable extends Error {}

function writeNumber(w: ByteWriter, v: number): void {
  if (!Number.isFinite(v)) throw new Unencodable();
  if (Number.isInteger(v) && Math.abs(v) < LIMIT) {
    w.uint(v >= 0 ? Tag.Uint : Tag.NegInt);
    w.uint(Math.abs(v));
    return;
  }
  for (let k = 1, scale = 10; k <= MAX_PLACES; k++, scale *= 10) {
    const m = Math.round(v * scale);
    if (Math.abs(m) < LIMIT && m / scale === v) {
      w.uint(Tag.Decimal + k - 1);
      w.int(m);
      return;
    }
  }
  w.uint(Tag.Float);
  const b = Buffer.allocUnsafe(8);
  b.writeDoubleLE(v);
  w.raw(b);
}

/** Strings written so far in this item (longer than one character), and their lower-case forms. */
interface Seen {
  strings: string[];
  lower: string[];
}

function writeString(w: ByteWriter, s: string, seen: Seen): void {
  const known = VALUE_INDEX.get(s);
  if (known !== undefined) {
    w.uint(Tag.KnownStr);
    w.uint(known);
    return;
  }
  const { strings, lower } = seen;
  for (let i = strings.length - 1; i >= 0; i--) {
    if (strings[i] === s || lower[i] === s) {
      w.uint(strings[i] === s ? Tag.RefStr : Tag.LowerRefStr);
      w.uint(strings.length - 1 - i);
      return;
    }
  }
  w.uint(Tag.Str);
  w.string(s);
  if (s.length > 1) {
    strings.push(s);
    lower.push(s.toLowerCase());
  }
}

/** Column values stored beside the item (by field name): a top-level field equal to one is written as Tag.Column. */
export type StoredColumns = Readonly<Record<string, string | number | null>>;

function writeValue(w: ByteWriter, v: unknown, seen: Seen, columns?: StoredColumns): void {
  if (v === null) w.uint(Tag.Null);
  else if (v === true) w.uint(Tag.True);
  else if (v === false) w.uint(Tag.False);
  else if (typeof v === 'number') writeNumber(w, v);
  else if (typeof v === 'string') writeString(w, v, seen);
  else if (Array.isArray(v)) {
    w.uint(Tag.Array);
    w.uint(v.length);
    for (const x of v) writeValue(w, x, seen);
  } else if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const o = v as Record<string, unknown>;
    let n = 0;
    for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k) && o[k] !== undefined) n++;
    w.uint(Tag.Object);
    w.uint(n);
    for (const k in o) {
      if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
      const x = o[k];
      if (x === undefined) continue;
      const i = KEY_INDEX.get(k);
      // 0 then the name for a key not in the table; i + 1 for one in it.
      w.uint(i === undefined ? 0 : i + 1);
      if (i === undefined) w.string(k);
      if (columns && Object.prototype.hasOwnProperty.call(columns, k) && columns[k] === x && !Object.is(x, -0)) w.uint(Tag.Column);
      else writeValue(w, x, seen);
    }
  } else throw new Unencodable();
}

/**
 * The value's bytes, or null when JSON would not round-trip it unchanged. A top-level field equal to
 * the entry of `columns` with its name is left to that column (decodeValue then needs the same row).
 */
export function encodeValue(value: unknown, columns?: StoredColumns): Buffer | null {
  const w = new ByteWriter();
  try {
    writeValue(w, value, { strings: [], lower: [] }, columns);
  } catch (error) {
    if (error instanceof Unencodable) return null;
    throw error;
  }
  return w.done();
}

type Row = Readonly<Record<string, unknown>>;

function fromColumn(row: Row | undefined, key: string): unknown {
  const v = row?.[key];
  if (v === undefined) throw new Error(`item: field '${key}' is in a column the read did not select`);
  return v;
}

/** One value after its tag; `row` resolves Tag.Column fields of this value when it is the top-level object. */
function readValue(r: ByteReader, seen: string[], tag = r.uint(), row?: Row): unknown {
  switch (tag) {
    case Tag.Null:
      return null;
    case Tag.False:
      return false;
    case Tag.True:
      return true;
    case Tag.Uint:
      return r.uint();
    case Tag.NegInt:
      return -r.uint();
    case Tag.Float:
      return Buffer.from(r.fixed(8)).readDoubleLE(0);
    case Tag.Str: {
      const s = r.string();
      if (s.length > 1) seen.push(s);
      return s;
    }
    case Tag.KnownStr: {
      const s = VALUES[r.uint()];
      if (s === undefined) throw new Error('item: unknown string value');
      return s;
    }
    case Tag.RefStr:
    case Tag.LowerRefStr: {
      const s = seen[seen.length - 1 - r.uint()];
      if (s === undefined) throw new Error('item: bad string reference');
      return tag === Tag.RefStr ? s : s.toLowerCase();
    }
    case Tag.Array:
      return Array.from({ length: r.uint() }, () => readValue(r, seen));
    case Tag.Object: {
      const n = r.uint();
      const out: Record<string, unknown> = {};
      for (let j = 0; j < n; j++) {
        const i = r.uint();
        const k = i === 0 ? r.string() : KEYS[i - 1];
        if (k === undefined) throw new Error('item: unknown key');
        // As JSON.parse does: "__proto__" is an own property, not the prototype.
        const t = r.uint();
        const value = t === Tag.Column ? fromColumn(row, k) : readValue(r, seen, t);
        Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    default: {
      const k = tag - Tag.Decimal + 1;
      if (k < 1 || k > MAX_PLACES) throw new Error(`item: unknown tag ${tag}`);
      return r.int() / 10 ** k;
    }
  }
}

/** The inverse of encodeValue; `row` holds the columns it was encoded against (SELECT * of its row). */
export function decodeValue(data: Uint8Array, row?: Readonly<Record<string, unknown>>): unknown {
  const r = new ByteReader(data);
  return readValue(r, [], r.uint(), row);
}
