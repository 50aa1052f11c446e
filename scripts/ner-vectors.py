#!/usr/bin/env python3
"""Dense word vectors for the NER window network, learned from unlabelled recent news (issue 12, item 1).

PPMI over directional contexts (left and right neighbours at distance 1 and 2, weights 1 and 0.5, context
distribution smoothing 0.75) of the most frequent lowercase words (digits folded to 0) of ../shared/data/news-*
plus CoNLL-2003 train's text, reduced by randomised SVD (Halko et al. 2011) to DIM dimensions, U * S^0.5, rows
L2-normalised, int8-quantised with one scale per dimension.

Output (gzip): header line `dateline-vectors 1 ROWS DIM`, then DIM float32 scales, then ROWS lines of words
(newline-separated, UTF-8), then ROWS × DIM int8. numpy only.

Usage: python3 scripts/ner-vectors.py [--rows 50000] [--contexts 4000] [--dim 64] [--limit N] --out FILE
"""
import argparse, gzip, json, re, sys, time
from collections import Counter
import numpy as np

TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[-'’.&]\w+)*|[^\w\s]")
DIGIT = re.compile(r"\d")


def norm(tok):
    return DIGIT.sub('0', tok.lower())


def texts(limit, conll):
    n = 0
    for path in ['/work/shared/data/news-allsides-2019-2020/articles.jsonl.gz',
                 '/work/shared/data/news-realtimeqa-2019-2026/articles.jsonl.gz']:
        with gzip.open(path, 'rt', encoding='utf-8') as f:
            for line in f:
                if limit and n >= limit:
                    break
                t = json.loads(line).get('text') or ''
                n += 1
                for para in t.split('\n'):
                    if para.strip():
                        yield [norm(x) for x in TOKEN.findall(para)]
    if conll:
        sent = []
        with open(conll, encoding='utf-8') as f:
            for line in f:
                p = line.split()
                if not p or p[0] == '-DOCSTART-':
                    if sent:
                        yield sent
                    sent = []
                else:
                    sent.append(norm(p[0]))
        if sent:
            yield sent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rows', type=int, default=50000)
    ap.add_argument('--contexts', type=int, default=4000)
    ap.add_argument('--dim', type=int, default=64)
    ap.add_argument('--limit', type=int, default=0)
    ap.add_argument('--conll', default='/work/shared/data/conll2003/train.txt')
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    t0 = time.time()
    counts = Counter()
    seqs = []
    for toks in texts(a.limit, a.conll):
        counts.update(toks)
        seqs.append(toks)
    total_tokens = sum(counts.values())
    print(f'{total_tokens} tokens, {len(counts)} types, {time.time()-t0:.0f}s', file=sys.stderr)
    vocab = [w for w, _ in counts.most_common(a.rows)]
    R, C = len(vocab), a.contexts
    ids = {w: i for i, w in enumerate(vocab)}
    # One id stream with -1 for rare words and -2 between paragraphs (no context crosses a paragraph).
    stream = np.fromiter((x for toks in seqs for x in ([ids.get(w, -1) for w in toks] + [-2, -2])), dtype=np.int32)
    del seqs
    print(f'stream {len(stream)} {time.time()-t0:.0f}s', file=sys.stderr)
    M = np.zeros(R * 2 * C, dtype=np.float32)
    for d, wgt in ((1, 1.0), (2, 0.5)):
        a_, b_ = stream[:-d], stream[d:]
        # right context of a_ is b_ (columns C..2C), left context of b_ is a_ (columns 0..C)
        for row, ctx, side in ((a_, b_, 1), (b_, a_, 0)):
            ok = (row >= 0) & (ctx >= 0) & (ctx < C)
            codes = row[ok].astype(np.int64) * (2 * C) + side * C + ctx[ok]
            for s in range(0, len(codes), 20_000_000):
                u, c = np.unique(codes[s:s + 20_000_000], return_counts=True)
                M[u] += wgt * c
    M = M.reshape(R, 2 * C)
    print(f'counts {time.time()-t0:.0f}s', file=sys.stderr)
    tot = M.sum()
    rs = M.sum(1, keepdims=True) + 1e-9
    cs = M.sum(0, keepdims=True) ** 0.75
    cs = cs / cs.sum()
    with np.errstate(divide='ignore'):
        P = np.log(M / tot / (rs / tot) / (cs + 1e-12))
    np.maximum(P, 0, out=P)
    P[~np.isfinite(P)] = 0
    del M
    rng = np.random.default_rng(12)
    k = a.dim + 20
    Y = P @ rng.standard_normal((2 * C, k)).astype(np.float32)
    for _ in range(3):
        Q, _r = np.linalg.qr(Y)
        Z, _r = np.linalg.qr(P.T @ Q)
        Y = P @ Z
    Q, _r = np.linalg.qr(Y)
    B = Q.T @ P
    Ub, S, _vt = np.linalg.svd(B, full_matrices=False)
    U = (Q @ Ub)[:, :a.dim] * np.sqrt(S[:a.dim])
    U /= np.linalg.norm(U, axis=1, keepdims=True) + 1e-9
    scale = np.abs(U).max(0) / 127 + 1e-12
    q = np.clip(np.round(U / scale), -127, 127).astype(np.int8)
    print(f'svd {time.time()-t0:.0f}s; top singular values {S[:5]}', file=sys.stderr)
    with gzip.open(a.out, 'wb') as f:
        f.write(f'dateline-vectors 1 {R} {a.dim}\n'.encode())
        f.write(scale.astype('<f4').tobytes())
        f.write(('\n'.join(vocab) + '\n').encode('utf-8'))
        f.write(q.tobytes())
    # nearest neighbours of a few probes, for the log
    for w in ['tiktok', 'zelenskyy', 'pfizer', 'covid-19', 'biden', 'germany', 'monday']:
        if w in ids:
            s = U @ U[ids[w]]
            print(w, '→', ' '.join(vocab[j] for j in np.argsort(-s)[1:8]), file=sys.stderr)


if __name__ == '__main__':
    main()
