#!/bin/sh
# Trains one NER recipe at shuffle seeds 7, 8 and 9 and averages the three models' weights
# (src/entities/average-models.ts; docs/benchmarks.md "ner15"). Flags after OUTDIR go to train.js, e.g.
#   npm run train:ner-averaged -- /tmp/ner-avg --no-lists [--clusters TABLE]
# writes OUTDIR/seed-7.bin.gz, seed-8.bin.gz, seed-9.bin.gz and OUTDIR/averaged.bin.gz (≈ 20–60 min per seed on a loaded core).
set -eu
if [ $# -lt 1 ]; then echo "usage: train-ner-averaged.sh OUTDIR [train.js flags…]" >&2; exit 2; fi
out=$1
shift
mkdir -p "$out"
for seed in 7 8 9; do
  node --max-old-space-size=4096 dist/entities/train.js "$@" --seed "$seed" --out "$out/seed-$seed.bin.gz"
done
node dist/entities/average-models.js --out "$out/averaged.bin.gz" "$out/seed-7.bin.gz" "$out/seed-8.bin.gz" "$out/seed-9.bin.gz"
