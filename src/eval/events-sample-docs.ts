/**
 * The articles behind the hand-checked event sample (test-fixtures/events-sample): BBC politics/world-ish
 * files and crisis-timeline dated blocks, addressed by a path relative to ../shared/data. A crisis block is
 * `crisis/timelines/<topic>/<outlet>.txt#YYYY-MM-DD` (its sentences joined, published on that date); a BBC
 * file has no date, so it is run undated, as a user would.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPipeline } from '../api/default-pipeline.js';
import { makeArticle } from '../core/article.js';
import type { EventRecord } from '../core/layers.js';
import { sharedPath } from '../core/paths.js';

export interface SampleDoc {
  /** Relative to ../shared/data. */
  path: string;
  text: string;
  published?: string;
}

const BLOCK_RULE = /^-{32}\s*$/m;

export function crisisBlocks(rel: string): SampleDoc[] {
  return parseCrisisBlocks(rel, readFileSync(sharedPath('data', rel)).toString('utf8'));
}

/** Splits a tilse timeline file into one document per dated block. */
export function parseCrisisBlocks(rel: string, raw: string): SampleDoc[] {
  const docs: SampleDoc[] = [];
  for (const block of raw.split(BLOCK_RULE)) {
    const lines = block.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!lines.length || !/^\d{4}-\d{2}-\d{2}$/.test(lines[0]!)) continue;
    const text = lines.slice(1).join(' ');
    if (text) docs.push({ path: `${rel}#${lines[0]}`, text, published: lines[0] });
  }
  return docs;
}

export function loadSampleDoc(path: string): SampleDoc | null {
  const [file, date] = path.split('#');
  if (!file || !existsSync(sharedPath('data', file))) return null;
  if (date) return crisisBlocks(file).find((d) => d.path === path) ?? null;
  return { path, text: readFileSync(sharedPath('data', file)).toString('utf8') };
}

/** Every candidate document: BBC files of the given sections and every crisis timeline block. */
export function candidateDocs(bbcSections: readonly string[]): { bbc: string[]; crisis: SampleDoc[] } {
  const bbc: string[] = [];
  for (const section of bbcSections) {
    const dir = sharedPath('data', 'bbc-news', section);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => /^\d+\.txt$/.test(f)).sort()) bbc.push(`bbc-news/${section}/${f}`);
  }
  const crisis: SampleDoc[] = [];
  const root = sharedPath('data', 'crisis', 'timelines');
  if (existsSync(root)) {
    for (const topic of readdirSync(root).sort()) {
      for (const f of readdirSync(join(root, topic)).filter((f) => f.endsWith('.txt')).sort()) {
        crisis.push(...crisisBlocks(`crisis/timelines/${topic}/${f}`));
      }
    }
  }
  return { bbc, crisis };
}

export interface RunDoc {
  id: string;
  events: EventRecord[];
  text: string;
}

export function runDocs(docs: readonly SampleDoc[]): Map<string, RunDoc> {
  const pipeline = defaultPipeline();
  const out = new Map<string, RunDoc>();
  for (const doc of docs) {
    const article = makeArticle({ text: doc.text, origin: { file: doc.path, format: 'text', record: 0 }, ...(doc.published ? { published: doc.published } : {}) });
    const events = pipeline.run(article).layers.events ?? [];
    out.set(doc.path, { id: article.id, events, text: doc.text });
  }
  return out;
}
