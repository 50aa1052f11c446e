/**
 * The layers of an article analysed in windows (pipeline.ts), merged into the article's layers.
 *
 * Each window's layers are copied with every span (`{start, end}` anywhere in an item) shifted by the
 * window's offset and every cross-reference renumbered: sentence and paragraph indexes, mention →
 * entity indexes, entity ids (`entity`, `owner`), event ids, an event's time (`timex`) and quantity
 * (`quantity`, `quantities`) indexes. The copies are fresh objects, so the window's own layers are garbage
 * once merged.
 *
 * Entities of one type and key in different windows become one entity, as document-level resolution
 * joins the clusters of one key: mentions and roles are joined, the longer name and the higher
 * confidence are kept. Nothing else is resolved across windows (see ARCHITECTURE.md): a surname, a
 * pronoun or an event told in one window and named again in another stay apart. A paragraph cut by a
 * window boundary is one paragraph again. The publication date is the first window's.
 */
import type { Entity, Layers, LayerName, Paragraph, Token } from './layers.js';
import { PackedTokens } from './packed-tokens.js';

type Item = Record<string, unknown>;

interface Renumber {
  delta: number;
  sentences: number;
  paragraph: (i: number) => number;
  entityIndex: ArrayLike<number>;
  entityId: ReadonlyMap<string, string>;
  times: number;
  quantities: number;
}

/** A copy of `value` with spans shifted and references renumbered (see the file comment). */
function copy(value: unknown, r: Renumber): unknown {
  if (Array.isArray(value)) return value.map((v) => copy(v, r));
  if (value === null || typeof value !== 'object') return value;
  const o = value as Item;
  const span = typeof o.start === 'number' && typeof o.end === 'number';
  const out: Item = {};
  for (const key of Object.keys(o)) {
    const v = o[key];
    if (span && (key === 'start' || key === 'end')) out[key] = (v as number) + r.delta;
    else if (key === 'sentence' && typeof v === 'number') out[key] = v + r.sentences;
    else if (key === 'paragraph' && typeof v === 'number') out[key] = r.paragraph(v);
    else if (key === 'entity' && typeof v === 'number') out[key] = r.entityIndex[v] ?? v;
    else if ((key === 'entity' || key === 'owner') && typeof v === 'string') out[key] = r.entityId.get(v) ?? v;
    else if (key === 'timex' && typeof v === 'number') out[key] = v + r.times;
    else if (key === 'quantity' && typeof v === 'number') out[key] = v + r.quantities;
    else if (key === 'quantities' && Array.isArray(v) && v.every((x) => typeof x === 'number')) out[key] = v.map((x: number) => x + r.quantities);
    else out[key] = copy(v, r);
  }
  return out;
}

export class WindowMerger {
  private readonly layers: Layers = {};
  private readonly entityByKey = new Map<string, number>();
  /** The tokens so far, column-wise (packed-tokens.ts); a token of another shape, and all after it, are copied instead. */
  private readonly packed = new PackedTokens();
  private windows = 0;

  /** `text`: the whole analysed text (to tell a paragraph cut by a window from two paragraphs). */
  constructor(private readonly text: string) {}

  /** Adds the layers of the next window, analysed from the text starting at `offset`. */
  add(window: Layers, offset: number): void {
    const first = this.windows++ === 0;
    const merged = this.layers;
    const paragraphs = window.paragraphs ?? [];
    const before = (merged.paragraphs ??= []);
    // A paragraph cut by the window boundary (no line break between the two parts) continues.
    const last = before[before.length - 1];
    const continues = last !== undefined && paragraphs.length > 0 && !first && this.noBreak(last, paragraphs[0], offset);
    const paragraphBase = before.length - (continues ? 1 : 0);
    const { entityIndex, entityId } = this.entityMaps(window.entities ?? []);
    const r: Renumber = {
      delta: offset,
      sentences: merged.sentences?.length ?? 0,
      paragraph: (i) => i + paragraphBase,
      entityIndex,
      entityId,
      times: merged.times?.length ?? 0,
      quantities: merged.quantities?.length ?? 0,
    };
    for (const name of Object.keys(window) as LayerName[]) {
      const items = window[name] as unknown[] | undefined;
      if (!items) continue;
      const target = ((merged as Record<string, unknown[]>)[name] ??= []);
      if (name === 'published') {
        if (first) for (const item of items) target.push(copy(item, r));
      } else if (name === 'paragraphs') this.addParagraphs(before, paragraphs, r, continues);
      else if (name === 'sentences') {
        const base = target.length;
        for (const item of items) {
          const sentence = copy(item, r) as Item;
          sentence.index = base + (sentence.index as number);
          target.push(sentence);
        }
      }
      else if (name === 'entities') this.addEntities(items as Entity[], r);
      else if (name === 'tokens') {
        for (const item of items) if (target.length > 0 || !this.packed.push(item as Token, r.delta, r.sentences)) target.push(copy(item, r));
      }
      else if (name === 'events') {
        const base = target.length;
        for (const item of items) {
          const event = copy(item, r) as Item;
          if (typeof event.id === 'string' && /^v\d+$/.test(event.id)) event.id = `v${base + Number(event.id.slice(1))}`;
          target.push(event);
        }
      } else for (const item of items) target.push(copy(item, r));
    }
  }

  /** The merged layers (the merger is spent). */
  result(): Layers {
    if (this.packed.length > 0) {
      const tokens = this.packed.tokens();
      for (const t of this.layers.tokens ?? []) tokens.push(t);
      this.layers.tokens = tokens;
    }
    return this.layers;
  }

  /** Whether the text between two paragraphs holds no line break: the window's cut fell inside one paragraph. */
  private noBreak(last: Paragraph, next: Paragraph, offset: number): boolean {
    return this.text.lastIndexOf('\n', next.start + offset - 1) < last.end;
  }

  private addParagraphs(before: Paragraph[], paragraphs: Paragraph[], r: Renumber, continues: boolean): void {
    paragraphs.forEach((p, i) => {
      const shifted = copy(p, r) as Paragraph;
      shifted.index = r.paragraph(p.index);
      if (i === 0 && continues) before[before.length - 1].end = shifted.end;
      else before.push(shifted);
    });
  }

  /**
   * The merged index and id of each entity of a window: an entity whose type and key an earlier window
   * named joins it; the rest are new, in the window's order (first mention), after the earlier ones.
   */
  private entityMaps(entities: readonly Entity[]): { entityIndex: Int32Array; entityId: Map<string, string> } {
    const entityIndex = new Int32Array(entities.length);
    const entityId = new Map<string, string>();
    let next = this.layers.entities?.length ?? 0;
    entities.forEach((e, i) => {
      const k = this.entityByKey.get(`${e.type}|${e.key}`);
      entityIndex[i] = k ?? next++;
      entityId.set(e.id, `e${entityIndex[i]}`);
    });
    return { entityIndex, entityId };
  }

  private addEntities(entities: readonly Entity[], r: Renumber): void {
    const target = (this.layers.entities ??= []);
    const added: Array<[string, number]> = [];
    entities.forEach((e, i) => {
      const shifted = copy(e, r) as Entity;
      const at = r.entityIndex[i];
      const earlier = target[at];
      if (at < target.length && earlier !== undefined) {
        // appended one by one: a spread of ~100k mentions would overflow the call stack
        for (const m of shifted.mentions) earlier.mentions.push(m);
        for (const role of shifted.roles) earlier.roles.push(role);
        if (shifted.name.length > earlier.name.length) earlier.name = shifted.name;
        earlier.confidence = Math.max(earlier.confidence, shifted.confidence);
        if (earlier.owner === undefined && shifted.owner !== undefined) earlier.owner = shifted.owner;
        return;
      }
      shifted.id = `e${at}`;
      target[at] = shifted;
      added.push([`${e.type}|${e.key}`, at]);
    });
    // Registered after the window: two entities of one window stay as the window resolved them.
    for (const [key, at] of added) if (!this.entityByKey.has(key)) this.entityByKey.set(key, at);
  }
}
