/**
 * Bytes → text: BOM detection (UTF-8, UTF-16 LE/BE), binary detection, line-ending normalisation.
 * Whatever we change is recorded in `normalizations`; the raw bytes are kept by the store.
 */
export type Decoded =
  | { ok: true; text: string; normalizations: string[]; encoding: string }
  | { ok: false; code: 'INGEST_BINARY' | 'INGEST_EMPTY'; message: string };

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

export function decodeBytes(bytes: Uint8Array): Decoded {
  const normalizations: string[] = [];
  let text: string;
  let encoding = 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'utf-16le';
    normalizations.push('bom');
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = new Uint8Array(bytes.length - 2);
    for (let i = 2; i + 1 < bytes.length; i += 2) {
      swapped[i - 2] = bytes[i + 1];
      swapped[i - 1] = bytes[i];
    }
    text = new TextDecoder('utf-16le').decode(swapped);
    encoding = 'utf-16be';
    normalizations.push('bom');
  } else {
    let body = bytes;
    if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      body = bytes.subarray(3);
      normalizations.push('bom');
    }
    if (looksBinary(body)) {
      return { ok: false, code: 'INGEST_BINARY', message: 'binary data (NUL or control bytes), not text' };
    }
    try {
      text = utf8Fatal.decode(body);
    } catch {
      text = new TextDecoder('latin1').decode(body);
      encoding = 'latin1';
      normalizations.push('latin1');
    }
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    normalizations.push('crlf->lf');
  }
  if (text.trim().length === 0) return { ok: false, code: 'INGEST_EMPTY', message: 'empty (no text)' };
  return { ok: true, text, normalizations, encoding };
}

/** NUL bytes, or many C0 control bytes other than tab/newline/CR/FF, in the first 64 KiB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.05;
}
