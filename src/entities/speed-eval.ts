/**
 * Tagger speed of two or more perceptron models in one process (tokens per CPU-second of `tagDocument`):
 *
 *   node dist/entities/speed-eval.js [--conll FILE] [--passes 3] MODEL.bin.gz MODEL.bin.gz …
 *
 * Cold: each model's first pass over CoNLL-2003 train + valid + test (every word form new to its caches, as on
 * first sight of ingested text), run for two fresh instances of each model in the order A1 B1 … B2 A2 so that
 * neither gains from the JIT warming on the other; the mean is printed. Warm: then CoNLL test (or --conll) × passes,
 * the models interleaved three times, median. The text is read for speed only.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, stringFlag } from '../cli/args.js';
import { sharedPath } from '../core/paths.js';
import { parseConll } from './conll.js';
import { normalizeForm, type Doc } from './features.js';
import { loadNerModelFrom, type NerModel } from './model.js';

const read = (path: string): Doc[] => parseConll(readFileSync(path, 'utf8')).map((d) => d.sentences.map((s) => s.tokens.map(normalizeForm)));
const count = (docs: Doc[]): number => docs.reduce((n, d) => n + d.reduce((m, s) => m + s.length, 0), 0);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function pass(model: NerModel, docs: Doc[], times: number): number {
  const t0 = cpu();
  for (let p = 0; p < times; p++) for (const d of docs) model.tagDocument(d);
  return (count(docs) * times) / (cpu() - t0);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), { values: ['conll', 'passes'] });
  const paths = args.positionals;
  const passes = Number(stringFlag(args, 'passes') ?? 3);
  const warmDocs = read(stringFlag(args, 'conll') ?? sharedPath('data', 'conll2003', 'test.txt'));
  const coldDocs = ['train', 'valid', 'test'].flatMap((s) => read(sharedPath('data', 'conll2003', `${s}.txt`)));
  const first = paths.map((p) => loadNerModelFrom(p, undefined, null));
  const second = paths.map((p) => loadNerModelFrom(p, undefined, null));
  const cold = paths.map(() => [] as number[]);
  first.forEach((m, i) => cold[i].push(pass(m, coldDocs, 1)));
  for (let i = second.length - 1; i >= 0; i--) cold[i].push(pass(second[i], coldDocs, 1));
  const warm = paths.map(() => [] as number[]);
  for (let round = 0; round < 3; round++) first.forEach((m, i) => warm[i].push(pass(m, warmDocs, passes)));
  paths.forEach((p, i) => {
    const c = Math.round((cold[i][0] + cold[i][1]) / 2);
    const w = [...warm[i]].sort((a, b) => a - b).map(Math.round);
    process.stdout.write(`${p}: cold ${c} tokens/CPU-s (${count(coldDocs)} tokens, runs ${cold[i].map(Math.round).join(', ')}); warm median ${w[1]} (runs ${warm[i].map(Math.round).join(', ')}; ${count(warmDocs)} tokens × ${passes})\n`);
  });
}

main();
