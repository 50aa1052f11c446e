#!/usr/bin/env python3
"""Trains the NER window network (src/entities/window-net.ts; issue 12, item 1). numpy only.

Inputs: the dump of `node dist/entities/train-window.js --dump` (word forms as vector rows + hashed character
features, sentences with BILOU gold: CoNLL-2003 train to learn from, the assembled dev sets to stop on) and the
vectors of scripts/ner-vectors.py (fixed while training; only the three special rows are learned).
Model: window of ±2 words, each [vector (DIM) ⊕ sum of its hashed character features (BAG)], one ReLU hidden
layer (plus a learned row for sentence-initial tokens), softmax over the 17 BILOU tags; Adam, dropout, and word
dropout (a word's vector replaced by the unknown row) so names outside the vocabulary are handled.
Early stopping: micro span F1 of the network alone (greedy BILOU decoding) on the dev sets.

Usage: python3 scripts/ner-window-train.py --data DUMP.json --vectors VEC.gz --out NET.bin.gz
       [--hidden 160] [--bag 32] [--epochs 12] [--seed 1]
"""
import argparse, gzip, json, os, sys, time

# One BLAS thread: the matrices are small, and threads that spin on a shared, loaded machine cost 6× the time.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402

BUCKETS = 1 << 15
TAGS = 17


def read_vectors(path):
    buf = gzip.open(path, 'rb').read()
    nl = buf.index(b'\n')
    head = buf[:nl].decode().split()
    rows, dim = int(head[2]), int(head[3])
    at = nl + 1
    scale = np.frombuffer(buf[at:at + 4 * dim], dtype='<f4').copy()
    at += 4 * dim
    words = []
    for _ in range(rows):
        e = buf.index(b'\n', at)
        words.append(buf[at:e])
        at = e + 1
    q = np.frombuffer(buf[at:at + rows * dim], dtype=np.int8).reshape(rows, dim)
    return words, scale, q


def allowed_matrix():
    part = lambda x: -1 if x == 0 else (x - 1) & 3
    typ = lambda x: -1 if x == 0 else (x - 1) >> 2
    A = np.zeros((TAGS, TAGS), bool)
    for p in range(TAGS):
        for t in range(TAGS):
            op = part(p) in (0, 1)
            if op:
                A[p, t] = part(t) in (1, 2) and typ(t) == typ(p)
            else:
                A[p, t] = part(t) in (-1, 0, 3)
    return A


ALLOWED = allowed_matrix()
NOT_LAST = np.array([t != 0 and ((t - 1) & 3) in (0, 1) for t in range(TAGS)])


def spans(tags):
    out, start = set(), None
    for i, t in enumerate(tags):
        if t == 0:
            continue
        p, ty = (t - 1) & 3, (t - 1) >> 2
        if p == 3:
            out.add((i, i + 1, ty))
        elif p == 0:
            start = i
        elif p == 2 and start is not None:
            out.add((start, i + 1, ty))
            start = None
    return out


def decode(lp):
    prev, out = 0, []
    n = len(lp)
    for i in range(n):
        s = np.where(ALLOWED[prev], lp[i], -np.inf)
        if i == n - 1:
            s = np.where(NOT_LAST, -np.inf, s)
        prev = int(np.argmax(s))
        out.append(prev)
    return out


class Net:
    def __init__(self, E, dim, bag, hidden, rng, rank=0):
        self.E = E  # fixed vectors (rows × dim)
        self.rank = rank
        width = rank if rank else dim + bag
        self.p = {
            'special': (rng.standard_normal((3, dim)) * 0.1).astype(np.float32),
            'bag': (rng.standard_normal((BUCKETS + 1, bag)) * 0.1).astype(np.float32),
            'W1': (rng.standard_normal((5 * width, hidden)) * np.sqrt(2 / (5 * width))).astype(np.float32),
            'b1': np.zeros(hidden, np.float32),
            'first': np.zeros(hidden, np.float32),
            'W2': (rng.standard_normal((hidden, TAGS)) * np.sqrt(1 / hidden)).astype(np.float32),
            'b2': np.zeros(TAGS, np.float32),
        }
        self.p['bag'][BUCKETS] = 0
        if rank:
            # A linear bottleneck shared by the five window positions: a new word form costs (DIM+BAG)·rank +
            # 5·rank·HIDDEN multiply-adds at run time instead of 5·(DIM+BAG)·HIDDEN.
            self.p['A'] = (rng.standard_normal((dim + bag, rank)) * np.sqrt(1 / (dim + bag))).astype(np.float32)
        self.m = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.t = 0

    def inputs(self, rows, bags, train, rng, word_drop):
        # rows (B,5): vector row or -1-special; bags (B,5,11) with BUCKETS for empty
        if train and word_drop > 0:
            drop = (rng.random(rows.shape) < word_drop) & (rows >= 0)
            rows = np.where(drop, -1, rows)
        known = rows >= 0
        emb = np.where(known[..., None], self.E[np.maximum(rows, 0)], self.p['special'][np.where(known, 0, -1 - rows)])
        bagv = self.p['bag'][bags].sum(2)
        return np.concatenate([emb, bagv], 2), rows

    def forward(self, rows, bags, first, train=False, rng=None, drop_in=0.0, drop_h=0.0, word_drop=0.0):
        x, rows_used = self.inputs(rows, bags, train, rng, word_drop)
        B = x.shape[0]
        if train and drop_in > 0:
            mi = (rng.random(x.shape) >= drop_in).astype(np.float32) / (1 - drop_in)
            x = x * mi
        else:
            mi = None
        xin = x
        if self.rank:
            x = x @ self.p['A']
        xf = x.reshape(B, -1)
        a = xf @ self.p['W1'] + self.p['b1'] + first[:, None] * self.p['first']
        h = np.maximum(a, 0)
        if train and drop_h > 0:
            mh = (rng.random(h.shape) >= drop_h).astype(np.float32) / (1 - drop_h)
            h = h * mh
        else:
            mh = None
        z = h @ self.p['W2'] + self.p['b2']
        z = z - z.max(1, keepdims=True)
        lp = z - np.log(np.exp(z).sum(1, keepdims=True))
        return lp, (xf, mi, a, h, mh, rows_used, bags, first, xin)

    def step(self, rows, bags, first, y, rng, lr, drop_in, drop_h, word_drop):
        lp, (xf, mi, a, h, mh, rows_used, bags_, first_, xin) = self.forward(rows, bags, first, True, rng, drop_in, drop_h, word_drop)
        B = len(y)
        g = np.exp(lp)
        g[np.arange(B), y] -= 1
        g /= B
        grads = {'W2': h.T @ g, 'b2': g.sum(0)}
        gh = g @ self.p['W2'].T
        if mh is not None:
            gh *= mh
        ga = gh * (a > 0)
        grads['W1'] = xf.T @ ga
        grads['b1'] = ga.sum(0)
        grads['first'] = (ga * first[:, None]).sum(0)
        gx = ga @ self.p['W1'].T
        if self.rank:
            gu = gx.reshape(B, 5, self.rank)
            grads['A'] = xin.reshape(-1, xin.shape[2]).T @ gu.reshape(-1, self.rank)
            gx = gu @ self.p['A'].T
        else:
            gx = gx.reshape(xin.shape)
        if mi is not None:
            gx *= mi
        dim = self.E.shape[1]
        # Sparse parts (character-feature rows, special rows): lazy Adam over the rows this batch touched.
        flat = bags_.reshape(-1)
        vals = np.broadcast_to(gx[:, :, None, dim:], bags_.shape + (gx.shape[2] - dim,)).reshape(len(flat), -1)
        keep = flat != BUCKETS
        uniq, inv = np.unique(flat[keep], return_inverse=True)
        gsum = np.zeros((len(uniq), vals.shape[1]), np.float32)
        np.add.at(gsum, inv, vals[keep])
        sp = rows_used < 0
        suniq, sinv = np.unique(-1 - rows_used[sp], return_inverse=True)
        ssum = np.zeros((len(suniq), dim), np.float32)
        np.add.at(ssum, sinv, gx[:, :, :dim][sp])
        self.t += 1
        b1, b2 = 0.9, 0.999
        c1, c2 = 1 - b1 ** self.t, 1 - b2 ** self.t
        for k, gk in grads.items():
            self.m[k] = b1 * self.m[k] + (1 - b1) * gk
            self.v[k] = b2 * self.v[k] + (1 - b2) * gk * gk
            self.p[k] -= lr * (self.m[k] / c1) / (np.sqrt(self.v[k] / c2) + 1e-8)
        for k, rows_, gk in (('bag', uniq, gsum), ('special', suniq, ssum)):
            m = b1 * self.m[k][rows_] + (1 - b1) * gk
            v = b2 * self.v[k][rows_] + (1 - b2) * gk * gk
            self.m[k][rows_] = m
            self.v[k][rows_] = v
            self.p[k][rows_] -= lr * (m / c1) / (np.sqrt(v / c2) + 1e-8)
        return -lp[np.arange(B), y].mean()


def windows(sents, words):
    """Per token: window word ids (5), first flag, label, sentence index."""
    ids, first, ys, sid = [], [], [], []
    for si, (ws, tags) in enumerate(sents):
        n = len(ws)
        padded = [0, 0] + ws + [1, 1]
        for i in range(n):
            ids.append(padded[i:i + 5])
            first.append(1.0 if i == 0 else 0.0)
            ys.append(tags[i])
            sid.append(si)
    return np.array(ids, np.int32), np.array(first, np.float32), np.array(ys, np.int64), np.array(sid)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', required=True)
    ap.add_argument('--vectors', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--hidden', type=int, default=160)
    ap.add_argument('--bag', type=int, default=32)
    ap.add_argument('--epochs', type=int, default=12)
    ap.add_argument('--batch', type=int, default=128)
    ap.add_argument('--lr', type=float, default=1e-3)
    ap.add_argument('--drop-in', type=float, default=0.2)
    ap.add_argument('--drop-h', type=float, default=0.3)
    ap.add_argument('--word-drop', type=float, default=0.1)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--rank', type=int, default=0, help='linear bottleneck shared by the window positions (0: none)')
    a = ap.parse_args()
    t0 = time.time()
    rng = np.random.default_rng(a.seed)
    data = json.load(open(a.data))
    vocab, scale, q = read_vectors(a.vectors)
    E = (q.astype(np.float32) * scale).astype(np.float32)
    words = np.array(data['words'], np.int64)
    wrow = words[:, 0]
    wbag = np.where(words[:, 1:] < 0, BUCKETS, words[:, 1:])
    net = Net(E, E.shape[1], a.bag, a.hidden, rng, a.rank)
    tr = windows(data['splits']['train'], words)
    devs = {k: (v, windows(v, words)) for k, v in data['splits'].items() if k != 'train'}
    print(f'train tokens {len(tr[2])}; dev {", ".join(f"{k} {len(v[1][2])}" for k, v in devs.items())}; {time.time()-t0:.0f}s', file=sys.stderr)

    def dev_f1():
        tp = gold = pred = 0
        parts = []
        for name, (sents, (ids, first, ys, sid)) in devs.items():
            lp = np.concatenate([net.forward(wrow[ids[s:s + 4096]], wbag[ids[s:s + 4096]], first[s:s + 4096])[0] for s in range(0, len(ys), 4096)])
            no_misc = name.startswith('PUD')
            ptp = pg = pp = 0
            k = 0
            for ws, tags in sents:
                n = len(ws)
                g = spans(tags)
                p = spans(decode(lp[k:k + n]))
                if no_misc:
                    g = {x for x in g if x[2] != 3}
                    p = {x for x in p if x[2] != 3}
                ptp += len(g & p); pg += len(g); pp += len(p)
                k += n
            parts.append(2 * ptp / max(1, pg + pp))
            tp += ptp; gold += pg; pred += pp
        return 2 * tp / max(1, gold + pred), parts

    best, best_p = -1, None
    ids, first, ys, _ = tr
    N = len(ys)
    for ep in range(a.epochs):
        order = rng.permutation(N)
        lr = a.lr / (1 + 0.1 * ep)
        loss = 0.0
        for s in range(0, N, a.batch):
            b = order[s:s + a.batch]
            loss += net.step(wrow[ids[b]], wbag[ids[b]], first[b], ys[b], rng, lr, a.drop_in, a.drop_h, a.word_drop) * len(b)
        f, parts = dev_f1()
        print(f'epoch {ep+1}: loss {loss/N:.4f} dev micro {100*f:.2f} ({" / ".join(f"{100*x:.2f}" for x in parts)}) {time.time()-t0:.0f}s', file=sys.stderr)
        if f > best:
            best, best_p = f, {k: v.copy() for k, v in net.p.items()}
    p = best_p
    dim, bag = E.shape[1], a.bag
    bscale = np.abs(p['bag']).max(0) / 127 + 1e-12
    bq = np.clip(np.round(p['bag'][:BUCKETS] / bscale), -127, 127).astype(np.int8)
    with gzip.open(a.out, 'wb', compresslevel=9) as f:
        version = 2 if a.rank else 1
        rank = f' {a.rank}' if a.rank else ''
        f.write(f'dateline-window {version} {len(vocab)} {dim} {bag} {a.hidden} {TAGS} {BUCKETS}{rank}\n'.encode())
        f.write(scale.astype('<f4').tobytes())
        f.write(b'\n'.join(vocab) + b'\n')
        f.write(q.tobytes())
        f.write(p['special'].astype('<f4').tobytes())
        f.write(bscale.astype('<f4').tobytes())
        f.write(bq.tobytes())
        for k in (('A',) if a.rank else ()) + ('W1', 'b1', 'first', 'W2', 'b2'):
            f.write(p[k].astype('<f4').tobytes())
    print(f'best dev micro {100*best:.2f}; wrote {a.out}', file=sys.stderr)


if __name__ == '__main__':
    main()
