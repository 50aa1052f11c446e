#!/usr/bin/env node
/**
 * Tilse timeline files (crisis, timeline17: blocks of a `YYYY-MM-DD` line and summary sentences, separated
 * by a line of 32 `-`) → JSONL on stdout, one record per dated entry: {title, text, date, source, url}.
 * The data stays where it is (research licence); pipe the output into `dateline ingest - --format jsonl`.
 *   node scripts/tilse-jsonl.mjs ../shared/data/crisis/timelines ../shared/data/timeline17/timelines | dateline ingest - --format jsonl
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

function* files(path) {
  if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) yield* files(join(path, name));
  else if (path.endsWith('.txt')) yield path;
}

/** PTB tokens back to plain text ("-LRB-" → "(", "`` x ''" → "“x”", " ," → ","). */
function detokenize(s) {
  return s
    .replace(/-LRB-/g, '(').replace(/-RRB-/g, ')').replace(/-LSB-/g, '[').replace(/-RSB-/g, ']')
    .replace(/``\s*/g, '"').replace(/\s*''/g, '"')
    .replace(/\(\s+/g, '(').replace(/\s+\)/g, ')')
    .replace(/\s+([,.;:!?%])/g, '$1').replace(/\s+(n't|'s|'re|'ve|'ll|'d|'m)\b/g, '$1')
    .replace(/\$\s+(?=\d)/g, '$').replace(/\s+/g, ' ').trim();
}

for (const root of process.argv.slice(2)) {
  for (const file of files(root)) {
    const topic = basename(dirname(file));
    const outlet = basename(file, '.txt');
    const text = readFileSync(file, 'utf8');
    for (const block of text.split(/\n-{32}\n?/)) {
      const m = /^\s*(\d{4}-\d{2}-\d{2})\s*\n([\s\S]*)$/.exec(block);
      if (!m) continue;
      const body = m[2].split('\n').map(detokenize).filter(Boolean).join(' ');
      if (!body) continue;
      const title = body.length > 90 ? `${body.slice(0, 87).replace(/\s\S*$/, '')} …` : body;
      process.stdout.write(`${JSON.stringify({ title, text: body, date: m[1], source: `${outlet} (${topic} timeline)`, url: `tilse:${topic}/${outlet}#${m[1]}` })}\n`);
    }
  }
}
