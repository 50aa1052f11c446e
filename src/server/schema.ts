/**
 * A tiny schema builder: each schema carries its JSON Schema (for the OpenAPI document) and, at the
 * type level, the TypeScript type it describes (for the handlers). One declaration gives both, so the
 * document cannot drift from what the handlers are type-checked to return. `validate` checks a value
 * against a schema (used by the tests to hold every response to the published document).
 */
export type JsonSchema = { [key: string]: unknown };

export interface Schema<T> {
  readonly json: JsonSchema;
  /** Type-level only. */
  readonly _type?: T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

/** Named schemas, emitted under `components.schemas` and referenced with `$ref`. */
export const COMPONENTS = new Map<string, JsonSchema>();

interface Common {
  description?: string;
}

type Props = Record<string, Schema<unknown>>;
type ObjectOf<P extends Props, O extends keyof P> = { [K in Exclude<keyof P, O>]: Infer<P[K]> } & { [K in O]?: Infer<P[K]> };

function withDescription(json: JsonSchema, o?: Common): JsonSchema {
  return o?.description ? { ...json, description: o.description } : json;
}

export const s = {
  string(o: Common & { enum?: readonly string[]; format?: string; pattern?: string } = {}): Schema<string> {
    const json: JsonSchema = { type: 'string' };
    if (o.enum) json.enum = [...o.enum];
    if (o.format) json.format = o.format;
    if (o.pattern) json.pattern = o.pattern;
    return { json: withDescription(json, o) };
  },
  integer(o: Common & { minimum?: number; maximum?: number } = {}): Schema<number> {
    const json: JsonSchema = { type: 'integer' };
    if (o.minimum !== undefined) json.minimum = o.minimum;
    if (o.maximum !== undefined) json.maximum = o.maximum;
    return { json: withDescription(json, o) };
  },
  number(o: Common = {}): Schema<number> {
    return { json: withDescription({ type: 'number' }, o) };
  },
  boolean(o: Common = {}): Schema<boolean> {
    return { json: withDescription({ type: 'boolean' }, o) };
  },
  nullable<T>(inner: Schema<T>): Schema<T | null> {
    return { json: { anyOf: [inner.json, { type: 'null' }] } };
  },
  array<T>(items: Schema<T>, o: Common = {}): Schema<T[]> {
    return { json: withDescription({ type: 'array', items: items.json }, o) };
  },
  object<P extends Props, O extends keyof P = never>(props: P, o: Common & { optional?: readonly O[] } = {}): Schema<ObjectOf<P, O>> {
    const optional = new Set<keyof P>(o.optional ?? []);
    const properties: Record<string, JsonSchema> = {};
    for (const [k, v] of Object.entries(props)) properties[k] = v.json;
    const required = Object.keys(props).filter((k) => !optional.has(k));
    return { json: withDescription({ type: 'object', properties, required, additionalProperties: true }, o) };
  },
  record<T>(values: Schema<T>, o: Common = {}): Schema<Record<string, T>> {
    return { json: withDescription({ type: 'object', additionalProperties: values.json }, o) };
  },
  /** A tuple of numbers, e.g. a highlight range `[start, end]`. */
  pair(o: Common = {}): Schema<[number, number]> {
    return { json: withDescription({ type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 }, o) };
  },
  /** An object whose TypeScript type is declared elsewhere (a layer item from src/core/layers.ts). */
  opaque<T>(description: string): Schema<T> {
    return { json: { type: 'object', description, additionalProperties: true } };
  },
  unknown<T = unknown>(description: string): Schema<T> {
    return { json: { description } };
  },
  /** Registers a named component and returns a `$ref` to it. */
  ref<T>(name: string, schema: Schema<T>): Schema<T> {
    COMPONENTS.set(name, schema.json);
    return { json: { $ref: `#/components/schemas/${name}` } };
  },
};

/** A paged list: every list endpoint answers in this shape. */
export function paged<T>(item: Schema<T>): Schema<{ items: T[]; total: number; limit: number; offset: number }> {
  return s.object<{ items: Schema<T[]>; total: Schema<number>; limit: Schema<number>; offset: Schema<number> }, never>({
    items: s.array(item),
    total: s.integer({ description: 'Items matching, over all pages', minimum: 0 }),
    limit: s.integer({ minimum: 0 }),
    offset: s.integer({ minimum: 0 }),
  });
}

/**
 * Checks `value` against a JSON schema built here; returns the problems found (empty when it conforms).
 * Covers what this builder emits: type, enum, required, properties, additionalProperties, items, anyOf, $ref.
 */
export function validate(schema: JsonSchema, value: unknown, path = '$', components: Map<string, JsonSchema> = COMPONENTS): string[] {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = components.get(name);
    return target ? validate(target, value, path, components) : [`${path}: unknown $ref ${schema.$ref}`];
  }
  if (Array.isArray(schema.anyOf)) {
    const results = (schema.anyOf as JsonSchema[]).map((alt) => validate(alt, value, path, components));
    return results.some((r) => r.length === 0) ? [] : results[0];
  }
  const errors: string[] = [];
  switch (schema.type) {
    case 'null':
      if (value !== null) errors.push(`${path}: expected null`);
      break;
    case 'string':
      if (typeof value !== 'string') errors.push(`${path}: expected string, got ${JSON.stringify(value)}`);
      else if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: '${value}' not in enum`);
      break;
    case 'integer':
      if (!Number.isInteger(value)) errors.push(`${path}: expected integer, got ${JSON.stringify(value)}`);
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) errors.push(`${path}: expected number, got ${JSON.stringify(value)}`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(`${path}: expected boolean`);
      break;
    case 'array':
      if (!Array.isArray(value)) errors.push(`${path}: expected array`);
      else {
        if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path}: too few items`);
        if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${path}: too many items`);
        if (schema.items) value.forEach((v, i) => errors.push(...validate(schema.items as JsonSchema, v, `${path}[${i}]`, components)));
      }
      break;
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push(`${path}: expected object`);
        break;
      }
      const obj = value as Record<string, unknown>;
      for (const k of (schema.required as string[] | undefined) ?? []) if (!(k in obj) || obj[k] === undefined) errors.push(`${path}.${k}: required`);
      const props = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
      for (const [k, v] of Object.entries(obj)) {
        if (v === undefined) continue;
        if (props[k]) errors.push(...validate(props[k], v, `${path}.${k}`, components));
        else if (typeof schema.additionalProperties === 'object') errors.push(...validate(schema.additionalProperties as JsonSchema, v, `${path}.${k}`, components));
      }
      break;
    }
    default:
      break;
  }
  return errors;
}
