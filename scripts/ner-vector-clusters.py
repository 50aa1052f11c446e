#!/usr/bin/env python3
"""Word clusters of our own news vectors for the NER perceptron (issue 12, item 1): `npm run train:ner-clusters`.

Spherical k-means (Lloyd, random seeded start, numpy only) of the rows of a vector file written by
scripts/ner-vectors.py (PPMI-SVD over recent news + CoNLL train text) at several granularities, independently
(default 64, 256, 1024). Words without a letter are left out. Digits are folded to 0 in the vector vocabulary, so a
word with digits is looked up by its folded form at run time when its own form is missing (features.ts).

With --base (the GloVe table, models/ner/clusters.tsv.gz) the news columns are appended after the base columns,
and a word missing from one source gets 65535 (NO_CLUSTER in features.ts: no feature) in that source's columns;
a base word with digits takes the news columns of its folded form.

Output: gzip TSV, `word<TAB>c1<TAB>c2…`, the format of models/ner/clusters.tsv.gz.

Usage: python3 scripts/ner-vector-clusters.py --vectors VEC.gz [--base clusters.tsv.gz] [--k 64,256,1024]
                                            [--iterations 25] [--seed 13] --out FILE
       npm run train:ner-clusters -- --vectors VEC.gz --out FILE   (--base models/ner/clusters.tsv.gz given)
"""
import argparse, gzip, re, sys, time
import numpy as np

NONE = 65535
DIGIT = re.compile(r'\d')
LETTER = re.compile(r'[^\W\d_]')


def read_vectors(path):
    with gzip.open(path, 'rb') as f:
        buf = f.read()
    nl = buf.index(b'\n')
    _magic, _version, rows, dim = buf[:nl].decode().split(' ')
    rows, dim = int(rows), int(dim)
    at = nl + 1
    scale = np.frombuffer(buf, dtype='<f4', count=dim, offset=at)
    at += 4 * dim
    words = []
    for _ in range(rows):
        end = buf.index(b'\n', at)
        words.append(buf[at:end].decode('utf-8'))
        at = end + 1
    q = np.frombuffer(buf, dtype=np.int8, count=rows * dim, offset=at).reshape(rows, dim)
    U = q.astype(np.float32) * scale
    U /= np.linalg.norm(U, axis=1, keepdims=True) + 1e-9
    return words, U


def kmeans(X, k, iterations, seed):
    rng = np.random.default_rng(seed)
    C = X[rng.choice(len(X), size=k, replace=False)].copy()
    assign = np.full(len(X), -1)
    for it in range(iterations):
        new = np.empty(len(X), dtype=np.int64)
        for s in range(0, len(X), 8192):
            new[s:s + 8192] = np.argmax(X[s:s + 8192] @ C.T, axis=1)
        changed = int((new != assign).sum())
        assign = new
        sums = np.zeros_like(C)
        np.add.at(sums, assign, X)
        counts = np.bincount(assign, minlength=k)
        empty = counts == 0
        if empty.any():
            sums[empty] = X[rng.choice(len(X), size=int(empty.sum()), replace=False)]
        C = sums / (np.linalg.norm(sums, axis=1, keepdims=True) + 1e-9)
        if changed < len(X) / 1000:
            break
    print(f'  k={k}: {it + 1} iterations, last change {changed}', file=sys.stderr)
    return assign


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--vectors', required=True)
    ap.add_argument('--base')
    ap.add_argument('--k', default='64,256,1024')
    ap.add_argument('--iterations', type=int, default=25)
    ap.add_argument('--seed', type=int, default=13)
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    t0 = time.time()
    words, U = read_vectors(a.vectors)
    keep = [i for i, w in enumerate(words) if LETTER.search(w)]
    words = [words[i] for i in keep]
    X = np.ascontiguousarray(U[keep])
    ks = [int(k) for k in a.k.split(',')]
    cols = np.stack([kmeans(X, k, a.iterations, a.seed + j) for j, k in enumerate(ks)], axis=1)
    news = {w: '\t'.join(str(c) for c in row) for w, row in zip(words, cols.tolist())}
    none_news = '\t'.join([str(NONE)] * len(ks))
    lines = []
    if a.base:
        base = {}
        with gzip.open(a.base, 'rt', encoding='utf-8') as f:
            for line in f:
                p = line.rstrip('\n').split('\t')
                if len(p) > 1:
                    base[p[0]] = p[1:]
        levels = max(len(v) for v in base.values())
        none_base = '\t'.join([str(NONE)] * levels)
        for w, v in base.items():
            # a base row with fewer levels is padded, so the news levels always sit in the same columns
            v = v + [str(NONE)] * (levels - len(v))
            lines.append(f"{w}\t{chr(9).join(v)}\t{news.get(w) or news.get(DIGIT.sub('0', w)) or none_news}")
        added = [w for w in words if w not in base]
        lines += [f'{w}\t{none_base}\t{news[w]}' for w in added]
        print(f'{len(base)} base words, {len(added)} news words added', file=sys.stderr)
    else:
        lines = [f'{w}\t{news[w]}' for w in words]
    with gzip.open(a.out, 'wt', encoding='utf-8', compresslevel=9) as f:
        f.write('\n'.join(lines) + '\n')
    for probe in ['zelenskyy', 'tiktok', 'pfizer', 'covid-00', 'rivne', 'gamestop', 'oman']:
        if probe in news:
            j = words.index(probe)
            same = [words[i] for i in np.nonzero(cols[:, -1] == cols[j, -1])[0][:8]]
            print(f'{probe} → {" ".join(same)}', file=sys.stderr)
    print(f'wrote {a.out}: {len(lines)} words, {time.time() - t0:.0f}s', file=sys.stderr)


if __name__ == '__main__':
    main()
