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
 */
import type { Article } from './article.js';
import type { Diagnostic } from './diagnostics.js';
import { DatelineError } from './errors.js';
import type { LayerName, Layers } from './layers.js';

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
}

/** Characters of one article the components analyse (2 million: ~300,000 words, far past any news story). */
export const DEFAULT_MAX_ANALYSED_CHARS = 2_000_000;

export interface PipelineOptions {
  /** Analysis cap per article, characters; DATELINE_MAX_ARTICLE_CHARS overrides the default. */
  maxAnalysedChars?: number;
}

function analysedCap(options: PipelineOptions): number {
  if (options.maxAnalysedChars !== undefined) return options.maxAnalysedChars;
  const env = Number(process.env.DATELINE_MAX_ARTICLE_CHARS);
  return Number.isFinite(env) && env > 0 ? env : DEFAULT_MAX_ANALYSED_CHARS;
}

/** Where to cut a long text: at a space near the cap, never inside a surrogate pair. */
function cutAt(text: string, cap: number): number {
  const space = text.lastIndexOf(' ', cap);
  if (space > cap - 1000 && space > 0) return space;
  const code = text.charCodeAt(cap - 1);
  return code >= 0xd800 && code <= 0xdbff ? cap - 1 : cap;
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
  return {
    components: frozen,
    assigns: [...assignedBy.keys()],
    run: (article) => ({ ...runPipeline(frozen, article, cap), components: versions }),
  };
}

function runPipeline(components: readonly Component[], article: Article, cap: number): AnalyzedArticle {
  const layers: Layers = {};
  const diagnostics: Diagnostic[] = [];
  let analysed: Article = article;
  if (article.text.length > cap) {
    const cut = cutAt(article.text, cap);
    analysed = { ...article, text: article.text.slice(0, cut) };
    diagnostics.push({
      severity: 'warning',
      code: 'ARTICLE_TOO_LARGE',
      message: `article ${article.id} has ${article.text.length} characters; only the first ${cut} were analysed (the cap is ${cap}; DATELINE_MAX_ARTICLE_CHARS raises it), the whole text is stored and searchable`,
      where: { file: article.origin.file, line: article.origin.line, record: article.origin.record },
    });
  }
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
        message: `${component.name} failed on article ${article.id}: ${(error as Error).message ?? String(error)}`,
        where: { file: article.origin.file, line: article.origin.line, record: article.origin.record },
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
  return { article, layers, diagnostics };
}
