/**
 * Bytes → text: the encoding decided per file from evidence (a UTF-16 byte-order mark counts only when
 * the bytes after it are UTF-16), binary detection, stray NULs removed, line-ending normalisation.
 * Whatever we change is recorded in `normalizations`; the raw bytes are kept by the store.
 */
export interface DecodeNote {
  severity: 'warning' | 'info';
  code: 'INGEST_INVALID_UTF8' | 'INGEST_LEGACY_ENCODING' | 'INGEST_NUL_REMOVED' | 'INGEST_NOT_UTF16';
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

/** Shares that decide what bytes are (see `byteProfile`, `utf16Evidence`, `plausibleLegacyText`). */
export const DECODE_THRESHOLDS = {
  /** More C0 control bytes than this share (not tab, newline, CR, form feed, NUL): binary. */
  maxControlShare: 0.05,
  /** More NUL bytes than this share: binary (or UTF-16/32 without a mark); fewer are stray bytes, removed from the text. */
  maxNulShare: 0.1,
  /** UTF-16 text of mostly Latin script has a NUL in this share of its high bytes at least. */
  minUtf16NulShare: 0.3,
  /** …and in at most this share of its low bytes. */
  maxUtf16WrongNulShare: 0.05,
  /** A legacy single-byte text is at least this share ASCII… */
  minLegacyAsciiShare: 0.7,
  /** …with at least this share of spaces and newlines between words. */
  minLegacySpaceShare: 0.03,
  /** Plain 8-bit text (what a stray FF FE may precede) is at least this share ASCII letters. */
  min8BitLetterShare: 0.3,
} as const;

interface ByteProfile {
  nul: number;
  control: number;
  firstNul: number;
}

function byteProfile(bytes: Uint8Array): ByteProfile {
  let nul = 0;
  let control = 0;
  let firstNul = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0) {
      nul++;
      if (firstNul < 0) firstNul = i;
    } else if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return { nul, control, firstNul };
}

/**
 * Whether bytes after a UTF-16 byte-order mark really are UTF-16. Text in Latin script has a NUL in
 * (nearly) every high byte and none in the low ones; other scripts are UTF-16 unless the bytes read
 * as plain 8-bit text (valid UTF-8, no control bytes, words and spaces), which UTF-16 of non-Latin
 * script never does. So two stray bytes FF FE before a UTF-8 file do not turn it into UTF-16.
 */
export function utf16Evidence(body: Uint8Array, endian: 'le' | 'be'): boolean {
  const sample = body.subarray(0, 65536);
  const pairs = Math.floor(sample.length / 2);
  if (pairs === 0) return true;
  let high = 0;
  let low = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    const [lo, hi] = endian === 'le' ? [sample[i], sample[i + 1]] : [sample[i + 1], sample[i]];
    if (hi === 0) high++;
    if (lo === 0) low++;
  }
  if (high / pairs >= DECODE_THRESHOLDS.minUtf16NulShare && low / pairs <= DECODE_THRESHOLDS.maxUtf16WrongNulShare) return true;
  return !readsAs8BitText(sample);
}

function readsAs8BitText(bytes: Uint8Array): boolean {
  const { nul, control } = byteProfile(bytes);
  if (nul > 0 || control > 0 || firstInvalidUtf8(bytes) >= 0) return false;
  let letters = 0;
  for (const b of bytes) if ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) letters++;
  return plausibleLegacyText(bytes) && letters / bytes.length >= DECODE_THRESHOLDS.min8BitLetterShare;
}

/** Real text in a single-byte legacy encoding is mostly ASCII with spaces between words; random bytes are not. */
export function plausibleLegacyText(bytes: Uint8Array): boolean {
  let ascii = 0;
  let space = 0;
  for (const b of bytes) {
    if (b < 0x80) ascii++;
    if (b === 0x20 || b === 0x0a || b === 0x09) space++;
  }
  const n = Math.max(1, bytes.length);
  return ascii / n >= DECODE_THRESHOLDS.minLegacyAsciiShare && space / n >= DECODE_THRESHOLDS.minLegacySpaceShare;
}

function withoutNul(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (const b of bytes) if (b !== 0) out[n++] = b;
  return out.subarray(0, n);
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  const normalizations: string[] = [];
  const notes: DecodeNote[] = [];
  const le = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff;
  if ((le || be) && utf16Evidence(bytes.subarray(2), le ? 'le' : 'be')) {
    normalizations.push('bom');
    // TextDecoder turns a broken surrogate pair into U+FFFD, so the text is well-formed.
    return finish(new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)), normalizations, le ? 'utf-16le' : 'utf-16be');
  }
  if (le || be) {
    notes.push({ severity: 'warning', code: 'INGEST_NOT_UTF16', message: 'starts with a UTF-16 byte-order mark but is not UTF-16; read as 8-bit text', line: 1 });
  }
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    body = bytes.subarray(3);
    normalizations.push('bom');
  }
  const profile = byteProfile(body);
  const n = Math.max(1, body.length);
  if (profile.control / n > DECODE_THRESHOLDS.maxControlShare || profile.nul / n > DECODE_THRESHOLDS.maxNulShare) {
    return { ok: false, code: 'INGEST_BINARY', message: 'binary data (NUL or control bytes), not text' };
  }
  let raw: string | undefined;
  if (profile.nul > 0) {
    const line = lineAt(body, profile.firstNul);
    notes.push({ severity: 'warning', code: 'INGEST_NUL_REMOVED', message: `${profile.nul} NUL byte(s) removed from the text (first on line ${line}); the source keeps them`, line });
    normalizations.push('nul-removed');
    raw = latin1.decode(body);
    body = withoutNul(body);
  }
  try {
    return finish(utf8Fatal.decode(body), normalizations, 'utf-8', notes, raw);
  } catch {
    // Mostly UTF-8 with a few bad bytes (a damaged copy): keep the UTF-8 reading, mark the bad bytes
    // with U+FFFD, warn with the line, and keep the bytes themselves as the raw text. No valid
    // multi-byte sequence at all: a legacy single-byte file (Windows-1252/Latin-1), decoded as such,
    // when it reads like text at all.
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
      notes.push({
        severity: 'warning',
        code: 'INGEST_INVALID_UTF8',
        message: `${replaced} byte sequence(s) are not valid UTF-8 (first on line ${line}); each became U+FFFD in the text, the source keeps the bytes`,
        line,
      });
      normalizations.push('invalid-utf8->U+FFFD');
      return finish(lenient, normalizations, 'utf-8', notes, raw ?? latin1.decode(body));
    }
    if (!plausibleLegacyText(body)) {
      return { ok: false, code: 'INGEST_BINARY', message: 'neither UTF-8, UTF-16 nor legible single-byte text (random or compressed bytes?), not text' };
    }
    normalizations.push('latin1');
    notes.push({ severity: 'info', code: 'INGEST_LEGACY_ENCODING', message: `not UTF-8 (first at line ${line}); decoded as Windows-1252/Latin-1`, line });
    return finish(latin1.decode(body), normalizations, 'latin1', notes, raw);
  }
}

function finish(input: string, normalizations: string[], encoding: string, notes: DecodeNote[] = [], raw?: string): Decoded {
  let text = input;
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    normalizations.push('crlf->lf');
  }
  if (text.trim().length === 0) return { ok: false, code: 'INGEST_EMPTY', message: 'empty (no text)' };
  return { ok: true, text, normalizations, encoding, ...(notes.length ? { notes } : {}), ...(raw !== undefined ? { raw } : {}) };
}

/** Too many NUL or C0 control bytes (other than tab/newline/CR/FF) in the first 64 KiB to be text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 65536);
  const { nul, control } = byteProfile(head);
  const n = Math.max(1, head.length);
  return head.length > 0 && (control / n > DECODE_THRESHOLDS.maxControlShare || nul / n > DECODE_THRESHOLDS.maxNulShare);
}
