/**
 * Scores perceptron models on the assembled NER dev set (dev-sets.ts; the selection rule of docs/benchmarks.md):
 *
 *   node dist/entities/dev-eval.js MODEL.bin.gz [MODEL.bin.gz …]
 *
 * prints, per model, F1 on CoNLL valid / fresh dev / PUD news and the micro-F1 over the three. Never a test split.
 */
import { assembledDevSets, evaluateDev } from './dev-sets.js';
import { normalizeForm, type Doc } from './features.js';
import { loadNerModelFrom } from './model.js';

function main(): void {
  const paths = process.argv.slice(2);
  if (paths.length === 0) {
    process.stderr.write('usage: dev-eval.js MODEL.bin.gz [MODEL.bin.gz …]\n');
    process.exitCode = 2;
    return;
  }
  const sets = assembledDevSets();
  const docs: Doc[][] = sets.map((s) => s.docs.map((d) => d.sentences.map((x) => x.tokens.map(normalizeForm))));
  process.stdout.write(`dev sets: ${sets.map((s) => s.name).join(' / ')}\n`);
  for (const path of paths) {
    const model = loadNerModelFrom(path, undefined, null);
    const r = evaluateDev(sets, (si, di) => model.tagDocument(docs[si][di]));
    process.stdout.write(`${path}: ${r.parts.map((p) => (100 * p).toFixed(2)).join(' / ')}  micro ${(100 * r.micro).toFixed(2)}\n`);
  }
}

main();
