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
 * non-blank paragraph of the current dispatch) and after a contributor line. Blank leading and
 * trailing lines are not part of a dispatch; a dispatch with no text is dropped.
 */
export function splitDispatches(text: string, offset = 0, firstLineIndex = 0): DispatchSlice[] {
  const slices: DispatchSlice[] = [];
  let current: { start: number; end: number; firstLine: number; dateline: Dateline | null } | null = null;
  const close = () => {
    if (current && current.end > current.start) slices.push(current);
    current = null;
  };
  for (const line of lines(text)) {
    const content = text.slice(line.start, line.end);
    const trimmedStart = content.length - content.trimStart().length;
    if (content.trim().length === 0) continue;
    const dateline = matchDateline(content.slice(trimmedStart), offset + line.start + trimmedStart);
    if (dateline && current) close();
    if (!current) {
      current = {
        start: offset + line.start + trimmedStart,
        end: offset + line.end,
        firstLine: firstLineIndex + line.index,
        dateline,
      };
    }
    current.end = offset + line.end - (content.length - content.trimEnd().length);
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
