/**
 * Bytes → text: BOM detection (UTF-8, UTF-16 LE/BE), binary detection, line-ending normalisation.
 * Whatever we change is recorded in `normalizations`; the raw bytes are kept by the store.
 */
export interface DecodeNote {
  severity: 'warning' | 'info';
  code: 'INGEST_INVALID_UTF8' | 'INGEST_LEGACY_ENCODING';
  message: string;
  /** 1-based line of the first undecodable byte. */
  line?: number;
}

export type Decoded =
  | {
      ok: true;
      text: string;
      normalizations: string[];
      encoding: string;
      /** What the decoding had to guess or replace, for the file's diagnostics. */
      notes?: DecodeNote[];
      /** The input as byte-for-byte text (Latin-1) when `text` had to replace bytes; else `text` is it. */
      raw?: string;
    }
  | { ok: false; code: 'INGEST_BINARY' | 'INGEST_EMPTY'; message: string };

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    for (let k = 1; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

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
      // Mostly UTF-8 with a few bad bytes (a damaged copy): keep the UTF-8 reading, mark the bad bytes
      // with U+FFFD, warn with the line, and keep the bytes themselves as the raw text. No valid
      // multi-byte sequence at all: a legacy single-byte file (Windows-1252/Latin-1), decoded as such.
      const lenient = utf8Lenient.decode(body);
      let replaced = 0;
      let multibyte = 0;
      for (let i = 0; i < lenient.length; i++) {
        const c = lenient.charCodeAt(i);
        if (c === 0xfffd) replaced++;
        else if (c > 0x7f) multibyte++;
      }
      const line = lineAt(body, firstInvalidUtf8(body));
      if (multibyte > 0 && replaced <= Math.max(3, multibyte / 4)) {
        const raw = latin1.decode(body);
        const notes: DecodeNote[] = [
          {
            severity: 'warning',
            code: 'INGEST_INVALID_UTF8',
            message: `${replaced} byte sequence(s) are not valid UTF-8 (first on line ${line}); each became U+FFFD in the text, the source keeps the bytes`,
            line,
          },
        ];
        normalizations.push('invalid-utf8->U+FFFD');
        return finish(lenient, normalizations, 'utf-8', notes, raw);
      }
      text = latin1.decode(body);
      encoding = 'latin1';
      normalizations.push('latin1');
      return finish(text, normalizations, encoding, [
        { severity: 'info', code: 'INGEST_LEGACY_ENCODING', message: `not UTF-8 (first at line ${line}); decoded as Windows-1252/Latin-1`, line },
      ]);
    }
  }
  return finish(text, normalizations, encoding);
}

function finish(input: string, normalizations: string[], encoding: string, notes?: DecodeNote[], raw?: string): Decoded {
  let text = input;
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    normalizations.push('crlf->lf');
  }
  if (text.trim().length === 0) return { ok: false, code: 'INGEST_EMPTY', message: 'empty (no text)' };
  return { ok: true, text, normalizations, encoding, ...(notes ? { notes } : {}), ...(raw !== undefined ? { raw } : {}) };
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
