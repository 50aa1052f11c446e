/**
 * Declared components and the pipeline that runs them.
 *
 * A component names the layers it requires and the ones it assigns; `assemblePipeline` checks the
 * declarations once, before any article is seen (programmer errors fail fast, with a code). Running a
 * component is a pure function of the article and the layers before it. A component that meets bad
 * content returns empty layers and diagnostics; if one throws anyway, the pipeline records an
 * error diagnostic, gives its layers as empty and goes on, so one odd article never sinks a batch.
 * An article longer than the analysis cap is stored whole but analysed over its first part only
 * (spans stay offsets into the whole text), with a warning: no component's cost grows past the cap.
 * A text longer than one window (250,000 characters) is analysed window by window and the windows'
 * layers merged (window-merge.ts), so no component's memory grows past a window either.
 */
import type { Article } from './article.js';
import type { Diagnostic } from './diagnostics.js';
import { DatelineError } from './errors.js';
import type { LayerName, Layers } from './layers.js';
import { WindowMerger } from './window-merge.js';
import { cutAt, windowStarts } from './windows.js';

export interface ComponentContext {
  /** Diagnostics for this article; push, never throw, on bad content. */
  diagnostics: Diagnostic[];
}

export interface ComponentOutput {
  layers: Partial<Layers>;
}

export interface Component {
  readonly name: string;
  readonly version: string;
  readonly requires: readonly LayerName[];
  readonly assigns: readonly LayerName[];
  run(article: Readonly<Article>, layers: Readonly<Layers>, context: ComponentContext): Partial<Layers>;
  /**
   * Optional: gives back working memory grown for an outsized text (called after each window of a giant
   * article); the outputs of later windows and articles must not change.
   */
  release?(): void;
}

/** A component as it made an article's layers: its name and version (the layers' provenance). */
export interface ComponentVersion {
  name: string;
  version: string;
}

export interface AnalyzedArticle {
  article: Article;
  layers: Layers;
  diagnostics: Diagnostic[];
  /** The components that made `layers`, in pipeline order (absent for an article not analysed). */
  components?: ComponentVersion[];
}

/** The name and version of each component, in order: what the store records as the layers' provenance. */
export function componentVersions(components: readonly Component[]): ComponentVersion[] {
  return components.map((c) => ({ name: c.name, version: c.version }));
}

export interface Pipeline {
  readonly components: readonly Component[];
  /** Layers that the pipeline assigns, in order. */
  readonly assigns: readonly LayerName[];
  run(article: Article): AnalyzedArticle;
  /**
   * Optional: whether `run` reads this article in windows (its analysed text is longer than one window).
   * Ingest stores such a giant article's row before analysing it, in the same transaction (api/dateline.ts).
   */
  windowed?(article: Article): boolean;
}

/** Characters of one article the components analyse (2 million: ~300,000 words, far past any news story). */
export const DEFAULT_MAX_ANALYSED_CHARS = 2_000_000;

/**
 * Characters the components read at once: a longer analysed text is read in windows of at most this many
 * (window-merge.ts). 250,000 characters (~40,000 words) is past any ordinary news story, whose layers
 * therefore never change, and keeps a window's working memory (the NER tagger's per-document caches
 * grow with a document's vocabulary) far under the ingest heap (docs/benchmarks.md, "giant16").
 */
export const DEFAULT_WINDOW_CHARS = 250_000;

export interface PipelineOptions {
  /** Analysis cap per article, characters; DATELINE_MAX_ARTICLE_CHARS overrides the default. */
  maxAnalysedChars?: number;
  /** Window size, characters; DATELINE_WINDOW_CHARS overrides the default (DEFAULT_WINDOW_CHARS). */
  windowChars?: number;
}

function windowSize(options: PipelineOptions): number {
  const env = Number(process.env.DATELINE_WINDOW_CHARS);
  const size = options.windowChars ?? (Number.isFinite(env) && env > 0 ? env : DEFAULT_WINDOW_CHARS);
  return Math.max(100, size);
}

function analysedCap(options: PipelineOptions): number {
  if (options.maxAnalysedChars !== undefined) return options.maxAnalysedChars;
  const env = Number(process.env.DATELINE_MAX_ARTICLE_CHARS);
  return Number.isFinite(env) && env > 0 ? env : DEFAULT_MAX_ANALYSED_CHARS;
}

export function assemblePipeline(components: readonly Component[], options: PipelineOptions = {}): Pipeline {
  const names = new Set<string>();
  const assignedBy = new Map<LayerName, string>();
  for (const component of components) {
    if (names.has(component.name)) throw new DatelineError('PIPELINE_DUPLICATE_COMPONENT', { name: component.name });
    names.add(component.name);
    for (const layer of component.requires) {
      if (!assignedBy.has(layer)) {
        throw new DatelineError('PIPELINE_MISSING_REQUIREMENT', { name: component.name, layer });
      }
    }
    for (const layer of component.assigns) {
      const first = assignedBy.get(layer);
      if (first !== undefined) {
        throw new DatelineError('PIPELINE_DOUBLE_ASSIGN', { layer, first, second: component.name });
      }
      assignedBy.set(layer, component.name);
    }
  }
  const frozen = Object.freeze([...components]);
  const versions = componentVersions(frozen);
  const cap = analysedCap(options);
  const window = windowSize(options);
  return {
    components: frozen,
    assigns: [...assignedBy.keys()],
    run: (article) => ({ ...runPipeline(frozen, article, cap, window), components: versions }),
    windowed: (article) => analysedLength(article.text, cap) > window,
  };
}

/** Characters of `text` the components analyse under the cap (runPipeline cuts it there). */
function analysedLength(text: string, cap: number): number {
  return text.length > cap ? cutAt(text, cap) : text.length;
}

function runPipeline(components: readonly Component[], article: Article, cap: number, window: number): AnalyzedArticle {
  const diagnostics: Diagnostic[] = [];
  let analysed: Article = article;
  if (article.text.length > cap) {
    const cut = cutAt(article.text, cap);
    analysed = { ...article, text: article.text.slice(0, cut) };
    diagnostics.push({
      severity: 'warning',
      code: 'ARTICLE_TOO_LARGE',
      message: `article ${article.id} has ${article.text.length} characters; only the first ${cut} were analysed (the cap is ${cap}; DATELINE_MAX_ARTICLE_CHARS raises it), the whole text is stored and searchable`,
      where: whereOf(article),
    });
  }
  if (analysed.text.length <= window) return { article, layers: runComponents(components, analysed, diagnostics), diagnostics };
  const layers = runWindows(components, analysed, window, diagnostics);
  collectGarbage();
  return { article, layers, diagnostics };
}

function whereOf(article: Article): Diagnostic['where'] {
  return { file: article.origin.file, line: article.origin.line, record: article.origin.record };
}

/**
 * A text longer than one window, analysed window by window (windows.ts) and merged (window-merge.ts).
 * Each window is an ordinary document to the components; the first window's publication date, when
 * inferred from its content, is given to the later ones as the article's. A warning or error a later
 * window repeats word for word is kept once, and a note once per code (the first window's).
 */
function runWindows(components: readonly Component[], analysed: Article, size: number, diagnostics: Diagnostic[]): Layers {
  const text = analysed.text;
  const starts = windowStarts(text, size);
  diagnostics.push({
    severity: 'info',
    code: 'ARTICLE_WINDOWED',
    message: `article ${analysed.id} (${text.length} characters analysed) was read in ${starts.length} windows of at most ${size} characters; entities of one name are joined across windows, other references (surnames, pronouns, events told again) are not`,
    where: whereOf(analysed),
  });
  const merger = new WindowMerger(text);
  const seen = new Set<string>();
  let reader: Article = analysed;
  for (let w = 0; w < starts.length; w++) {
    const start = starts[w];
    const end = w + 1 < starts.length ? starts[w + 1] : text.length;
    const own: Diagnostic[] = [];
    const layers = runComponents(components, { ...reader, text: text.slice(start, end), dateline: w === 0 ? reader.dateline : null }, own);
    for (const d of own) {
      const key = `${d.severity} ${d.code} ${d.component ?? ''} ${d.severity === 'info' ? '' : d.message}`;
      if (!seen.has(key)) diagnostics.push(d);
      seen.add(key);
    }
    if (w === 0) reader = withInferredDate(analysed, layers);
    merger.add(layers, start);
    // The window's working memory is garbage now (the components give theirs back: the NER tagger's buffers
    // regrow within a window); collected here, the heap's next growth starts from what is live (the merged
    // layers so far), not from the last window's leftovers (docs "giant16c").
    for (const component of components) component.release?.();
    collectGarbage();
  }
  return merger.result();
}

/**
 * A full collection when the process exposes one (the ingest child runs with --expose-gc, cli/heap.ts):
 * the buffers the components gave back and the windows' own layers are only unmapped when collected.
 * After each window of a windowed article, once its components gave their buffers back (its analysis is
 * the ingest's peak since the article's row is written before it: a collection per window lowered the
 * 30 MB article's peak by ~27 MB) and once after the merge (whose working arrays are garbage then).
 * Ordinary articles never reach it.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The article as later windows read it: with the date the first window inferred from content, if any. */
function withInferredDate(article: Article, layers: Layers): Article {
  const record = layers.published?.[0];
  if (article.publishedSource === 'header' || article.publishedSource === 'metadata') return article;
  if (!record || record.source !== 'content' || record.value === null) return article;
  return { ...article, published: record.value, publishedSource: 'content', publishedConfidence: record.confidence };
}

function runComponents(components: readonly Component[], analysed: Article, diagnostics: Diagnostic[]): Layers {
  const layers: Layers = {};
  for (const component of components) {
    const context: ComponentContext = { diagnostics: [] };
    let output: Partial<Layers>;
    try {
      output = component.run(analysed, layers, context);
    } catch (error) {
      if (error instanceof DatelineError) throw error;
      context.diagnostics.push({
        severity: 'error',
        code: 'COMPONENT_FAILED',
        message: `${component.name} failed on article ${analysed.id}: ${(error as Error).message ?? String(error)}`,
        where: whereOf(analysed),
      });
      output = Object.fromEntries(component.assigns.map((name) => [name, []]));
    }
    for (const key of Object.keys(output) as LayerName[]) {
      if (!component.assigns.includes(key)) {
        throw new DatelineError('PIPELINE_BAD_OUTPUT', { name: component.name, layer: key });
      }
    }
    for (const name of component.assigns) {
      const value = output[name];
      if (value === undefined) throw new DatelineError('PIPELINE_MISSING_OUTPUT', { name: component.name, layer: name });
      (layers as Record<string, unknown>)[name] = value;
    }
    for (const d of context.diagnostics) diagnostics.push({ ...d, component: d.component ?? component.name });
  }
  return layers;
}
