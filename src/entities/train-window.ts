/**
 * Training-time tool for the NER window network (window-net.ts), `npm run train:ner-window -- …`:
 *
 *   node dist/entities/train-window.js --dump OUT.json --vectors VEC.gz
 *       writes the network's inputs for scripts/ner-window-train.py: one table of word forms (vector row and
 *       hashed character features, window-features.ts) and, per split, sentences of word ids with BILOU gold:
 *       `train` (CoNLL-2003 train, the only labelled data it learns from) and the assembled dev sets (dev-sets.ts),
 *       on which the trainer stops early. Never a test split.
 *   node dist/entities/train-window.js --tune NET.bin.gz [--model MODEL] [--diagonal] [--write OUT.bin.gz]
 *       scores the perceptron alone, the network alone and their sum over a grid of per-stage weights on the
 *       assembled dev set (micro-F1 over its three parts) and, with --write, stores the best weights in the
 *       network file's header. --diagonal: one weight for both stages (the shipped choice: the network has no
 *       document evidence, and a heavier weight in the stage that applies it lets one sentence's guess override
 *       the rest of the document).
 *   node dist/entities/train-window.js --speed NET.bin.gz [--model MODEL] [--conll FILE] [--passes 5]
 *       tokens per CPU-second of tagDocument over a CoNLL file (default: CoNLL-2003 test, read for speed only),
 *       the perceptron alone and with the network, interleaved in one process after a warm-up pass each.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs, stringFlag } from '../cli/args.js';
import { sharedPath } from '../core/paths.js';
import { iobToSpans, parseConll, type ConllDocument } from './conll.js';
import { assembledDevSets, evaluateDev } from './dev-sets.js';
import { NUM_TAGS, normalizeForm, spansToTags, tagsToSpans, type Doc, type TokenSpan } from './features.js';
import { DEFAULT_MODEL_PATH, loadNerModelFrom } from './model.js';
import { WINDOW_END, WINDOW_START, BAG_SIZE, windowWordInputs } from './window-features.js';
import { WindowNet, readVectorVocab, withStageWeights } from './window-net.js';

const toDoc = (d: ConllDocument): Doc => d.sentences.map((s) => s.tokens.map(normalizeForm));

function dump(out: string, vectors: string): void {
  const vocab = readVectorVocab(vectors);
  const ids = new Map<string, number>();
  const words: number[][] = [];
  const bag = new Int32Array(BAG_SIZE);
  const wordId = (form: string): number => {
    let id = ids.get(form);
    if (id === undefined) {
      id = words.length;
      ids.set(form, id);
      words.push([windowWordInputs(form, vocab, bag), ...bag]);
    }
    return id;
  };
  wordId(WINDOW_START);
  wordId(WINDOW_END);
  const splits: Record<string, Array<[number[], number[]]>> = {};
  const add = (name: string, docs: ConllDocument[]): void => {
    splits[name] = docs.flatMap((d) =>
      d.sentences.map((s): [number[], number[]] => [s.tokens.map((t) => wordId(normalizeForm(t))), [...spansToTags(s.tokens.length, iobToSpans(s.tags))]]),
    );
  };
  add('train', parseConll(readFileSync(sharedPath('data', 'conll2003', 'train.txt'), 'utf8')));
  for (const set of assembledDevSets()) add(set.name, set.docs);
  writeFileSync(out, JSON.stringify({ tags: NUM_TAGS, words, splits }));
  process.stderr.write(`${words.length} word forms; ${Object.entries(splits).map(([k, v]) => `${k} ${v.length}`).join(', ')} sentences\n`);
}

/** Greedy decoding of the network alone under the BILOU constraints (as the perceptron's decoder). */
function netAlone(doc: Doc, lp: Float32Array): TokenSpan[][] {
  const out: TokenSpan[][] = [];
  let k = 0;
  for (const s of doc) {
    const tags = new Int8Array(s.length);
    let prev = 0;
    for (let i = 0; i < s.length; i++) {
      let best = 0;
      let bestScore = -Infinity;
      for (let t = 0; t < NUM_TAGS; t++) {
        if (!allowed(prev, t, i === s.length - 1)) continue;
        const v = lp[(k + i) * NUM_TAGS + t];
        if (v > bestScore) {
          bestScore = v;
          best = t;
        }
      }
      tags[i] = best;
      prev = best;
    }
    k += s.length;
    out.push(tagsToSpans(tags));
  }
  return out;
}

function allowed(prev: number, t: number, last: boolean): boolean {
  const part = (x: number): number => (x === 0 ? -1 : (x - 1) & 3);
  const type = (x: number): number => (x === 0 ? -1 : (x - 1) >> 2);
  const pp = part(prev);
  const open = pp === 0 || pp === 1;
  const tp = part(t);
  if (last && (tp === 0 || tp === 1)) return false;
  if (open) return (tp === 1 || tp === 2) && type(t) === type(prev);
  return tp === -1 || tp === 0 || tp === 3;
}

function tune(netPath: string, modelPath: string, write: string | undefined, diagonal: boolean): void {
  const sets = assembledDevSets();
  const model = loadNerModelFrom(modelPath, undefined, null);
  const net = new WindowNet(readFileSync(netPath));
  const docs = sets.map((s) => s.docs.map(toDoc));
  const lps = docs.map((ds) => ds.map((d) => net.logProbs(d)));
  const show = (label: string, r: { parts: number[]; micro: number }): void => {
    process.stdout.write(`${label.padEnd(28)} ${r.parts.map((p) => (100 * p).toFixed(2)).join(' / ')}  micro ${(100 * r.micro).toFixed(2)}\n`);
  };
  process.stdout.write(`dev sets: ${sets.map((s) => s.name).join(' / ')}\n`);
  show('perceptron', evaluateDev(sets, (si, di) => model.tagDocument(docs[si][di], [])));
  show('network alone', evaluateDev(sets, (si, di) => netAlone(docs[si][di], lps[si][di])));
  let best = { micro: -1, w: [0, 0] };
  for (const w1 of [0, 100, 200, 400, 800, 1600]) {
    for (const w2 of [0, 100, 200, 400, 800, 1600]) {
      if (w1 === 0 && w2 === 0) continue;
      if (diagonal && w1 !== w2) continue;
      model.attachWindow(net, [w1, w2]);
      const r = evaluateDev(sets, (si, di) => model.tagDocument(docs[si][di], model.windowScores(docs[si][di], lps[si][di])));
      show(`weights ${w1} ${w2}`, r);
      if (r.micro > best.micro) best = { micro: r.micro, w: [w1, w2] };
    }
  }
  process.stdout.write(`best: weights ${best.w.join(' ')} micro ${(100 * best.micro).toFixed(2)}\n`);
  if (write !== undefined) writeFileSync(write, withStageWeights(readFileSync(netPath), best.w));
}

function speed(netPath: string, modelPath: string, conll: string, passes: number): void {
  const docs = parseConll(readFileSync(conll, 'utf8')).map(toDoc);
  const tokens = docs.reduce((n, d) => n + d.reduce((m, s) => m + s.length, 0), 0);
  const plain = loadNerModelFrom(modelPath, undefined, null);
  const withNet = loadNerModelFrom(modelPath, undefined, netPath);
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const runs: Record<string, number[]> = { perceptron: [], 'perceptron + window network': [] };
  for (const m of [plain, withNet]) for (const d of docs) m.tagDocument(d);
  for (let round = 0; round < 3; round++) {
    for (const [name, m] of [['perceptron', plain], ['perceptron + window network', withNet]] as const) {
      const t0 = cpu();
      for (let p = 0; p < passes; p++) for (const d of docs) m.tagDocument(d);
      runs[name].push(Math.round((tokens * passes) / (cpu() - t0)));
    }
  }
  for (const [name, r] of Object.entries(runs)) {
    const sorted = [...r].sort((a, b) => a - b);
    process.stdout.write(`${name}: median ${sorted[1]} tokens/CPU-s (runs ${r.join(', ')}; ${tokens} tokens × ${passes})\n`);
  }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), {
    values: ['dump', 'vectors', 'tune', 'model', 'write', 'speed', 'conll', 'passes'],
    booleans: ['diagonal'],
  });
  const sp = stringFlag(args, 'speed');
  if (sp !== undefined) {
    const conll = stringFlag(args, 'conll') ?? sharedPath('data', 'conll2003', 'test.txt');
    return speed(sp, stringFlag(args, 'model') ?? DEFAULT_MODEL_PATH, conll, Number(stringFlag(args, 'passes') ?? 5));
  }
  const out = stringFlag(args, 'dump');
  if (out !== undefined) return dump(out, stringFlag(args, 'vectors') ?? '/tmp/ner12/vec.gz');
  const net = stringFlag(args, 'tune');
  if (net !== undefined) return tune(net, stringFlag(args, 'model') ?? DEFAULT_MODEL_PATH, stringFlag(args, 'write'), args.flags.diagonal === true);
  process.stderr.write('usage: train-window.js --dump OUT.json --vectors VEC.gz | --tune NET.bin.gz [--model MODEL] [--write OUT]\n');
  process.exitCode = 2;
}

main();
