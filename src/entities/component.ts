/**
 * `entities`: named-entity mentions (trained tagger, model.ts) resolved into one entity per referent in
 * the article, with roles, possessive organisations and cross-article keys (resolve.ts).
 */
import type { Article, Span } from '../core/article.js';
import type { Layers, Mention, Entity, EntityType } from '../core/layers.js';
import type { Component, ComponentContext } from '../core/pipeline.js';
import { TYPES, normalizeForm, type TokenSpan } from './features.js';
import { defaultNerModel, type NerModel } from './model.js';
import { resolveEntities, type RawMention } from './resolve.js';

/** Tags pre-tokenised sentences of one document (token strings); returns token spans per sentence. */
export function tagTokens(sentences: readonly (readonly string[])[], model: NerModel = defaultNerModel()): TokenSpan[][] {
  return model.tagDocument(sentences.map((s) => s.map(normalizeForm)));
}

/** `(NEW YORK) —`, `KYIV, Ukraine (AP) —`: a capitalised wire dateline at the start of the text. */
const DATELINE = /^\s*\(?([A-Z][A-Z.'’ -]+[A-Z.])(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)*)?\)?\s*(?:\([A-Z]+\)\s*)?[—–-]{1,2}\s/;

export function findDateline(text: string): Span | null {
  const m = DATELINE.exec(text.slice(0, 120));
  if (m === null) return null;
  const start = m.index + m[0].indexOf(m[1]);
  return { start, end: start + m[1].length };
}

function mostlyCapitals(doc: readonly (readonly string[])[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const s of doc) {
    for (const w of s) {
      const c = letterCase(w);
      if (c === NO_CASE) continue;
      letters++;
      if (c === UPPER) caps++;
    }
  }
  return letters >= 3 && caps / letters > 0.8;
}

const NO_CASE = 0;
const UPPER = 1;
const MIXED = 2;

/**
 * NO_CASE when the word has no cased letter (`w.toLowerCase() === w.toUpperCase()`), UPPER when it
 * has one and no lowercase (`w === w.toUpperCase()`), else MIXED. ASCII words are read code by code.
 */
export function letterCase(w: string): number {
  let upper = false;
  for (let i = 0; i < w.length; i++) {
    const code = w.charCodeAt(i);
    if (code >= 128) {
      if (w.toLowerCase() === w.toUpperCase()) return NO_CASE;
      return w === w.toUpperCase() ? UPPER : MIXED;
    }
    // A lowercase ASCII letter makes the word cased and not all capitals, whatever else it holds.
    if (code >= 97 && code <= 122) return MIXED;
    if (code >= 65 && code <= 90) upper = true;
  }
  return upper ? UPPER : NO_CASE;
}

export interface EntityLayers {
  mentions: Mention[];
  entities: Entity[];
}

/** Runs tagging and resolution over an article's tokens. */
export function extractEntities(article: Readonly<Article>, layers: Readonly<Layers>, model: NerModel = defaultNerModel()): EntityLayers {
  const tokens = layers.tokens ?? [];
  if (tokens.length === 0) return { mentions: [], entities: [] };
  const text = article.text;
  // Normalised token forms by sentence (tokens are in text order); groupStart[g]: index of group g's first token.
  const groupStart: number[] = [];
  let doc: string[][] = [];
  let forms: string[] = [];
  let current = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.sentence !== current || i === 0) {
      forms = [];
      groupStart.push(i);
      doc.push(forms);
      current = t.sentence;
    }
    forms.push(normalizeForm(text.slice(t.start, t.end)));
  }
  // An article set in capitals carries no case evidence; restore likely case before tagging.
  if (mostlyCapitals(doc)) doc = doc.map((s) => s.map((w) => model.truecase(w)));
  const tagged = model.tagDocument(doc);
  const raw: RawMention[] = [];
  tagged.forEach((spans, gi) => {
    for (const s of spans) {
      const first = groupStart[gi] + s.start;
      const last = groupStart[gi] + s.end - 1;
      const surface = text.slice(tokens[first].start, tokens[last].end);
      // The model knows Latin-script English; it gives nothing useful for other scripts.
      if (!/[A-Za-z\u00c0-\u024f]/.test(surface)) continue;
      raw.push({ first, last, type: TYPES[s.type] as EntityType });
    }
  });
  const dateline: Span | null = article.dateline ? { start: article.dateline.start, end: article.dateline.end } : findDateline(text);
  return resolveEntities({ text, tokens, mentions: raw, dateline });
}

export const entities: Component = {
  name: 'entities',
  version: '1.0.0',
  requires: ['paragraphs', 'sentences', 'tokens'],
  assigns: ['mentions', 'entities'],
  run(article: Readonly<Article>, layers: Readonly<Layers>, context: ComponentContext) {
    const tokens = layers.tokens ?? [];
    if (tokens.length === 0) return { mentions: [], entities: [] };
    const out = extractEntities(article, layers);
    if (out.entities.length === 0 && tokens.length > 50) {
      context.diagnostics.push({
        severity: 'info',
        code: 'ENTITIES_NONE',
        message: `no named entities found in ${tokens.length} tokens`,
        where: { file: article.origin.file, line: article.origin.line, record: article.origin.record },
      });
    }
    return out;
  },
  release() {
    defaultNerModel().release();
  },
};
