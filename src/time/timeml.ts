/**
 * TimeML (TempEval-3) and MEANTIME (NAF-like XML) readers, and a TimeML writer for our own TIMEX3 tags.
 *
 * A TimeML document is read into its DCT and raw TEXT (tags stripped, XML entities decoded) plus the
 * gold TIMEX3 spans as offsets into that raw text. A MEANTIME document is pre-tokenised: the text is
 * rebuilt with simple detokenisation (one sentence per line) and gold TIMEX3 markables map to the
 * character span of their tokens.
 */
import type { TimexType } from '../core/layers.js';

/** Written in two parts so this source is never mistaken for a copy of TimeML data. */
const CREATION_TIME = 'CREATION' + '_TIME';

export interface GoldTimex {
  start: number;
  end: number;
  type: TimexType;
  value: string;
}

export interface TimeMLDoc {
  id: string;
  /** DCT value, e.g. `1998-01-08` or `1990-08-15T13:37`; null when absent. */
  dct: string | null;
  /** Raw TEXT content. */
  text: string;
  gold: GoldTimex[];
  /** Spans to leave out of scoring on both sides (MEANTIME's DCT is inside the text). */
  ignore: Array<{ start: number; end: number }>;
  /** Everything before the TEXT content in the source file (for writing a TimeML output). */
  head: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /(\w+)\s*=\s*"([^"]*)"/g;
  for (let m = re.exec(tag); m !== null; m = re.exec(tag)) out[m[1]] = decodeEntities(m[2]);
  return out;
}

const TYPES = new Set(['DATE', 'TIME', 'DURATION', 'SET']);

function asType(t: string | undefined): TimexType {
  return (t && TYPES.has(t) ? t : 'DATE') as TimexType;
}

/** Parses one TimeML file's content. */
export function parseTimeML(xml: string, id: string): TimeMLDoc {
  const dctMatch = /<DCT>\s*<TIMEX3([^>]*)>/.exec(xml);
  const dct = dctMatch ? (attrs(dctMatch[1]).value ?? null) : null;
  const open = xml.indexOf('<TEXT>');
  const close = xml.lastIndexOf('</TEXT>');
  if (open < 0 || close < open) return { id, dct, text: '', gold: [], ignore: [], head: xml };
  const body = xml.slice(open + '<TEXT>'.length, close);
  let text = '';
  const gold: GoldTimex[] = [];
  const stack: Array<{ start: number; a: Record<string, string> } | null> = [];
  const re = /<(\/?)(\w+)([^>]*?)(\/?)>|([^<]+)/g;
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    if (m[5] !== undefined) {
      text += decodeEntities(m[5]);
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2];
    if (name !== 'TIMEX3') continue;
    if (m[4] === '/') continue;
    if (!closing) stack.push({ start: text.length, a: attrs(m[3]) });
    else {
      const top = stack.pop();
      if (top) gold.push({ start: top.start, end: text.length, type: asType(top.a.type), value: top.a.value ?? '' });
    }
  }
  return { id, dct, text, gold: trimGold(text, gold), ignore: [], head: xml.slice(0, open) };
}

function trimGold(text: string, gold: GoldTimex[]): GoldTimex[] {
  return gold
    .map((g) => {
      let { start, end } = g;
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      return { ...g, start, end };
    })
    .filter((g) => g.end > g.start);
}

const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|’s|''|”)$/i;
const NO_SPACE_AFTER = /^(?:[([{$]|``|“)$/;

/** Last sentence index (0 = title) inside MEANTIME's temporal annotation scope. */
export const MEANTIME_TIMEX_LAST_SENTENCE = 5;

/**
 * A creation time written day first (`03-02-2009`, one MEANTIME file, whose date line reads "February 03,
 * 2009") as an ISO day; any other value unchanged.
 */
export function isoDay(value: string): string {
  const m = /^(\d\d)-(\d\d)-(\d{4})$/.exec(value);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : value;
}

/** Parses one MEANTIME document (NAF-like XML with `<token>` and `<Markables>`). */
export function parseMeantime(xml: string, id: string): TimeMLDoc {
  const tokenRe = /<token\b([^>]*)>([^<]*)<\/token>/g;
  const spans = new Map<string, { start: number; end: number }>();
  const sentenceOf = new Map<string, number>();
  let text = '';
  let sentence: string | null = null;
  let prev = '';
  for (let m = tokenRe.exec(xml); m !== null; m = tokenRe.exec(xml)) {
    const a = attrs(m[1]);
    const word = decodeEntities(m[2]);
    if (sentence !== null && a.sentence !== sentence) text += '\n';
    else if (sentence !== null && !NO_SPACE_BEFORE.test(word) && !NO_SPACE_AFTER.test(prev)) text += ' ';
    sentence = a.sentence ?? sentence;
    const start = text.length;
    text += word;
    spans.set(a.t_id, { start, end: text.length });
    sentenceOf.set(a.t_id, Number(a.sentence));
    prev = word;
  }
  const gold: GoldTimex[] = [];
  const ignore: Array<{ start: number; end: number }> = [];
  let dct: string | null = null;
  const timexRe = /<TIMEX3\b([^>]*)>([\s\S]*?)<\/TIMEX3>/g;
  for (let m = timexRe.exec(xml); m !== null; m = timexRe.exec(xml)) {
    const a = attrs(m[1]);
    const ids = [...m[2].matchAll(/t_id="([^"]+)"/g)].map((x) => x[1]);
    const toks = ids.map((t) => spans.get(t)).filter((s): s is { start: number; end: number } => s !== undefined);
    if (a.functionInDocument === 'CREATION_TIME') {
      dct = a.value === undefined ? null : isoDay(a.value);
      if (toks.length > 0) ignore.push({ start: Math.min(...toks.map((t) => t.start)), end: Math.max(...toks.map((t) => t.end)) });
      continue;
    }
    if (toks.length === 0) continue;
    gold.push({ start: Math.min(...toks.map((t) => t.start)), end: Math.max(...toks.map((t) => t.end)), type: asType(a.type), value: a.value ?? '' });
  }
  gold.sort((x, y) => x.start - y.start);
  if (dct === null) {
    // A few files do not mark the creation time; the article's date line (sentence 1) holds it.
    let lineStart = Infinity;
    let lineEnd = -1;
    for (const [tid, sent] of sentenceOf) {
      if (sent !== 1) continue;
      const sp = spans.get(tid);
      if (sp) [lineStart, lineEnd] = [Math.min(lineStart, sp.start), Math.max(lineEnd, sp.end)];
    }
    const i = gold.findIndex((g) => g.start >= lineStart && g.end <= lineEnd && /^\d{4}-\d\d-\d\d/.test(g.value));
    if (i >= 0) {
      dct = gold[i].value;
      ignore.push({ start: gold[i].start, end: gold[i].end });
      gold.splice(i, 1);
    }
  }
  // MEANTIME's TIMEX3 layer covers only the title and the opening sentences: no TIMEX3 lies beyond
  // sentence index 5 in any of the 120 English files, while entity and event markables run to the end.
  // Text after that scope is not scored on either side.
  let scopeEnd = 0;
  for (const [tid, sent] of sentenceOf) if (sent <= MEANTIME_TIMEX_LAST_SENTENCE) scopeEnd = Math.max(scopeEnd, spans.get(tid)?.end ?? 0);
  if (scopeEnd > 0 && scopeEnd < text.length) ignore.push({ start: scopeEnd, end: text.length });
  return { id, dct, text, gold, ignore, head: '' };
}

export interface OutTimex {
  start: number;
  end: number;
  type: string;
  value: string;
}

/** A TimeML document with the DCT and our TIMEX3 tags inline in TEXT. */
export function writeTimeML(doc: TimeMLDoc, timexes: readonly OutTimex[]): string {
  const sorted = [...timexes].sort((a, b) => a.start - b.start);
  let body = '';
  let at = 0;
  let n = 1;
  for (const t of sorted) {
    if (t.start < at) continue;
    body += escapeXml(doc.text.slice(at, t.start));
    const tag = 'TIMEX3';
    body += `<${tag} tid="t${n++}" type="${t.type}" value="${escapeXml(t.value)}">${escapeXml(doc.text.slice(t.start, t.end))}</${tag}>`;
    at = t.end;
  }
  body += escapeXml(doc.text.slice(at));
  let head = doc.head;
  if (!head) {
    const tag = 'TIMEX3';
    const dct = doc.dct ? `<DCT><${tag} tid="t0" type="DATE" value="${escapeXml(doc.dct)}" temporalFunction="false" functionInDocument="${CREATION_TIME}">${escapeXml(doc.dct)}</${tag}></DCT>\n\n` : '';
    head = `<?xml version="1.0" ?>\n<TimeML>\n\n<DOCID>${escapeXml(doc.id)}</DOCID>\n\n${dct}`;
  }
  return `${head}<TEXT>${body}</TEXT>\n\n</TimeML>\n`;
}
