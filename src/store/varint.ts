/**
 * Variable-length integers for the packed layer columns (store/layer-codec.ts): seven bits a byte, low
 * first, signed values zig-zagged. Arithmetic, not bitwise: unsigned values up to 2^53 and signed ones
 * within ±2^52 round-trip.
 */

export class ByteWriter {
  private buf = Buffer.allocUnsafe(256);
  private len = 0;

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  /** A non-negative safe integer. */
  uint(value: number): void {
    this.room(8);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.len++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.len++] = v;
  }

  /** Any safe integer (zig-zag: 0, -1, 1, -2, … → 0, 1, 2, 3, …). */
  int(value: number): void {
    this.uint(value < 0 ? -value * 2 - 1 : value * 2);
  }

  bytes(data: Uint8Array): void {
    this.uint(data.length);
    this.room(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
  }

  /** Bytes without a length (the reader knows how many). */
  raw(data: Uint8Array): void {
    this.room(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
  }

  string(value: string): void {
    this.bytes(Buffer.from(value, 'utf8'));
  }

  done(): Buffer {
    return this.buf.subarray(0, this.len);
  }
}

export class ByteReader {
  private pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  uint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('packed layer: truncated varint');
      const byte = this.buf[this.pos++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  int(): number {
    const z = this.uint();
    return z % 2 === 1 ? -(z + 1) / 2 : z / 2;
  }

  bytes(): Uint8Array {
    const n = this.uint();
    if (this.pos + n > this.buf.length) throw new Error('packed layer: truncated bytes');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  fixed(n: number): Uint8Array {
    if (this.pos + n > this.buf.length) throw new Error('packed layer: truncated bytes');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  string(): string {
    const b = this.bytes();
    return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
  }

  get atEnd(): boolean {
    return this.pos >= this.buf.length;
  }
}
