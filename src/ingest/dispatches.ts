/**
 * Wire text: datelines, contributor lines, and glued dispatches.
 *
 * A dispatch opens with a dateline paragraph — `(CITY[, Region]) —` or the agency style
 * `CITY, Region (AP) —` — and a contributor line ("ABC News' … contributed to this report.") closes
 * the dispatch it ends. Several dispatches glued into one file are split at those boundaries.
 * Every article text is an exact slice of the input, so offsets into the file stay meaningful.
 */
import type { Dateline } from '../core/article.js';

const DASH = '[—–]|--|-';
const PAREN_DATELINE = new RegExp(
  `^\\(([A-Z][A-Z.'’\\- ]*[A-Z.])(?:,\\s*([^()\\n]{1,40}?))?\\)\\s*(?:${DASH})\\s*`,
);
const AGENCY_DATELINE = new RegExp(
  `^([A-Z][A-Z.'’\\- ]*[A-Z.])(?:,\\s*([A-Z][\\w.’' ]{1,40}?))?\\s*\\((?:AP|Reuters|AFP|UPI|dpa|Xinhua|ANSA)\\)\\s*(?:${DASH})\\s*`,
);
const CONTRIBUTOR = /\bcontributed (?:to )?(?:this )?(?:report|reporting|story)\b[^\n]*$|^\s*(?:reporting|additional reporting|editing) by\b/i;

/** The dateline at the start of `paragraph` (offsets relative to `base`), or null. */
export function matchDateline(paragraph: string, base = 0): Dateline | null {
  const m = PAREN_DATELINE.exec(paragraph) ?? AGENCY_DATELINE.exec(paragraph);
  if (!m) return null;
  const matched = m[0].replace(/\s+$/, '');
  const dateline: Dateline = { start: base, end: base + matched.length, text: matched, place: m[1].trim() };
  if (m[2]) dateline.region = m[2].trim();
  return dateline;
}

export function isContributorLine(paragraph: string): boolean {
  return CONTRIBUTOR.test(paragraph.trim());
}

/**
 * A short line that is not a sentence — a byline ("By Jane Doe, Northline News"), a kicker, a time stamp
 * ("Updated 3:15 p.m.") — that can stand before a dispatch's dateline without being an article itself.
 */
export function isPreambleLine(line: string): boolean {
  const s = line.trim();
  if (!s || s.length > 120) return false;
  // Sentences end with punctuation ("By Monday, the toll had risen to 14."); a time stamp may end "p.m.".
  if (/[.!?"”’:;]$/.test(s) && !/\b(?:a\.m|p\.m)\.$/i.test(s)) return false;
  return s.split(/\s+/).length <= 12 && matchDateline(s) === null;
}

/**
 * The dateline that opens `text`: on its first line, or after at most two preamble lines (byline,
 * kicker). Offsets are relative to `text`.
 */
export function findLeadDateline(text: string): Dateline | null {
  let start = 0;
  for (let i = 0; i < 3 && start <= text.length; i++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    const lead = line.length - line.trimStart().length;
    const dateline = matchDateline(line.slice(lead), start + lead);
    if (dateline) return dateline;
    if (line.trim() && !isPreambleLine(line)) return null;
    start = end + 1;
  }
  return null;
}

export interface DispatchSlice {
  /** Offsets into the text that was split. */
  start: number;
  end: number;
  /** 0-based line index of the first line. */
  firstLine: number;
  dateline: Dateline | null;
}

interface Line {
  start: number;
  end: number;
  index: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    out.push({ start, end, index });
    index++;
    start = end + 1;
  }
  return out;
}

/**
 * Split text into dispatches. A new dispatch starts at a dateline paragraph (unless it is the first
 * non-blank paragraph of the current dispatch) and after a contributor line; a byline or kicker line or
 * two just before a dateline belongs to the dispatch that dateline opens. Blank leading and trailing
 * lines are not part of a dispatch; a dispatch with no text is dropped.
 */
export function splitDispatches(text: string, offset = 0, firstLineIndex = 0): DispatchSlice[] {
  const slices: DispatchSlice[] = [];
  let current: { start: number; end: number; firstLine: number; dateline: Dateline | null } | null = null;
  // The run of preamble lines (byline, kicker) that ends the current dispatch so far, and where the
  // dispatch's last real line ends (-1 while it has none): a dateline takes such a run with it.
  let tail: { start: number; firstLine: number; count: number } | null = null;
  let bodyEnd = -1;
  const close = () => {
    if (current && current.end > current.start) slices.push(current);
    current = null;
  };
  for (const line of lines(text)) {
    const content = text.slice(line.start, line.end);
    const trimmedStart = content.length - content.trimStart().length;
    if (content.trim().length === 0) continue;
    const lineStart = offset + line.start + trimmedStart;
    const lineEnd = offset + line.end - (content.length - content.trimEnd().length);
    const dateline = matchDateline(content.slice(trimmedStart), lineStart);
    if (dateline && current) {
      if (tail && tail.count <= 2 && bodyEnd < 0) {
        // "By Jane Doe" then "(KYIV) — …": the byline belongs to the dispatch its dateline opens.
        current.dateline = dateline;
      } else if (tail && tail.count <= 2) {
        slices.push({ ...current, end: bodyEnd });
        current = { start: tail.start, end: lineEnd, firstLine: tail.firstLine, dateline };
      } else close();
      tail = null;
    }
    if (!current) {
      current = { start: lineStart, end: lineEnd, firstLine: firstLineIndex + line.index, dateline };
      bodyEnd = -1;
      tail = null;
    }
    if (!dateline && isPreambleLine(content)) {
      tail ??= { start: lineStart, firstLine: firstLineIndex + line.index, count: 0 };
      tail.count++;
    } else {
      tail = null;
      bodyEnd = lineEnd;
    }
    current.end = lineEnd;
    if (isContributorLine(content)) close();
  }
  close();
  return slices;
}

/** Datelines are relative to the whole input; rebase one onto an article that starts at `articleStart`. */
export function rebaseDateline(dateline: Dateline | null, articleStart: number): Dateline | null {
  if (!dateline) return null;
  return { ...dateline, start: dateline.start - articleStart, end: dateline.end - articleStart };
}
