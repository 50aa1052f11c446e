/**
 * Declared components and the pipeline that runs them.
 *
 * A component names the layers it requires and the ones it assigns; `assemblePipeline` checks the
 * declarations once, before any article is seen (programmer errors fail fast, with a code). Running a
 * component is a pure function of the article and the layers before it. A component that meets bad
 * content returns empty layers and diagnostics; if one throws anyway, the pipeline records an
 * error diagnostic, gives its layers as empty and goes on, so one odd article never sinks a batch.
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

export interface AnalyzedArticle {
  article: Article;
  layers: Layers;
  diagnostics: Diagnostic[];
}

export interface Pipeline {
  readonly components: readonly Component[];
  /** Layers that the pipeline assigns, in order. */
  readonly assigns: readonly LayerName[];
  run(article: Article): AnalyzedArticle;
}

export function assemblePipeline(components: readonly Component[]): Pipeline {
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
  return {
    components: frozen,
    assigns: [...assignedBy.keys()],
    run: (article) => runPipeline(frozen, article),
  };
}

function runPipeline(components: readonly Component[], article: Article): AnalyzedArticle {
  const layers: Layers = {};
  const diagnostics: Diagnostic[] = [];
  for (const component of components) {
    const context: ComponentContext = { diagnostics: [] };
    let output: Partial<Layers>;
    try {
      output = component.run(article, layers, context);
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
