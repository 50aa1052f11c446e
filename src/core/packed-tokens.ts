/**
 * The tokens of a windowed article (window-merge.ts) kept column-wise while its windows are read: a
 * token object costs ~100 bytes on V8's heap (five properties, one past the four an object literal built
 * key by key keeps in the object), ~400,000 tokens for the 2 M characters analysed; packed, 15 bytes.
 * They become objects again once, after the last window, when its working memory is garbage
 * (docs/benchmarks.md, "giant16c"). Only tokens of exactly the segmenter's shape are packed.
 */
import type { Token } from './layers.js';

const SHAPE = 'start,end,pos,sentence,spaceBefore';

function isInt(x: unknown): x is number {
  return typeof x === 'number' && (x | 0) === x;
}

export class PackedTokens {
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private sentences = new Int32Array(1024);
  private spaces = new Uint8Array(1024);
  private tags = new Uint16Array(1024);
  private readonly posNames: string[] = [];
  private readonly posIndex = new Map<string, number>();
  length = 0;

  /** Adds `token` shifted by `delta` characters and `sentenceBase` sentences; false (nothing added) when it is not of the packed shape. */
  push(token: Token, delta: number, sentenceBase: number): boolean {
    const { start, end, pos, sentence, spaceBefore } = token;
    if (!isInt(start) || !isInt(end) || !isInt(sentence) || typeof pos !== 'string' || typeof spaceBefore !== 'boolean') return false;
    if (Object.keys(token).join(',') !== SHAPE) return false;
    let tag = this.posIndex.get(pos);
    if (tag === undefined) {
      if (this.posNames.length >= 0xffff) return false;
      tag = this.posNames.push(pos) - 1;
      this.posIndex.set(pos, tag);
    }
    if (this.length === this.starts.length) this.grow();
    const i = this.length++;
    this.starts[i] = start + delta;
    this.ends[i] = end + delta;
    this.sentences[i] = sentence + sentenceBase;
    this.spaces[i] = spaceBefore ? 1 : 0;
    this.tags[i] = tag;
    return true;
  }

  /** The tokens as objects, in the order added, keys in the segmenter's order. */
  tokens(): Token[] {
    const out: Token[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) {
      out[i] = { start: this.starts[i], end: this.ends[i], pos: this.posNames[this.tags[i]], sentence: this.sentences[i], spaceBefore: this.spaces[i] === 1 };
    }
    return out;
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const more = <T extends Int32Array | Uint8Array | Uint16Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.starts = more(this.starts, (k) => new Int32Array(k));
    this.ends = more(this.ends, (k) => new Int32Array(k));
    this.sentences = more(this.sentences, (k) => new Int32Array(k));
    this.spaces = more(this.spaces, (k) => new Uint8Array(k));
    this.tags = more(this.tags, (k) => new Uint16Array(k));
  }
}
