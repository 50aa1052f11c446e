/** Quotation marks: which tokens are marks, and the quoted spans of a text (multi-paragraph, nested, interrupted). */
import type { Span } from '../core/article.js';
import type { Tok } from './tokens.js';

export const OPEN_MARKS = new Set(['“', '„', '«']);
export const CLOSE_MARKS = new Set(['”', '»']);

export function isQuoteMark(t: Tok): boolean {
  return t.text === '“' || t.text === '”' || t.text === '"' || t.text === '„' || t.text === '«' || t.text === '»' || t.text === "''";
}

export function isFinalPunct(t: Tok): boolean {
  return t.text === '.' || t.text === '!' || t.text === '?' || t.text === '...' || t.text === '…';
}

// ---------------------------------------------------------------- quotation-mark spans

/** A quoted span, marks included: `[start, end)`; `closed` false when the paragraph ended first. */
export interface MarkedSpan extends Span {
  closed: boolean;
  /** Paragraph index where it opens. */
  paragraph: number;
}

export function isOpeningContext(text: string, at: number, lineStart: number): boolean {
  if (at <= lineStart) return true;
  const prev = text.charCodeAt(at - 1);
  // space, tab, ( [ — – - / and newline before a straight mark → it opens
  return prev === 32 || prev === 9 || prev === 10 || prev === 40 || prev === 91 || prev === 0x2014 || prev === 0x2013 || prev === 45 || prev === 47 || prev === 0xa0;
}

/**
 * Pairs quotation marks paragraph by paragraph. A quote still open at the end of a paragraph continues
 * into the next one when that paragraph opens with a mark (the news convention for multi-paragraph
 * quotes); otherwise it ends with its paragraph.
 */
export function findQuotedSpans(text: string, paragraphs: readonly Span[]): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  let openAt = -1;
  let openPara = -1;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    let i = para.start;
    if (openAt >= 0) {
      const first = text[para.start];
      if (OPEN_MARKS.has(first) || first === '"' || text.startsWith("''", para.start)) {
        i = para.start + (first === "'" ? 2 : 1); // continuation mark
      } else {
        out.push({ start: openAt, end: paragraphs[p - 1].end, closed: false, paragraph: openPara });
        openAt = -1;
      }
    }
    for (; i < para.end; i++) {
      const code = text.charCodeAt(i);
      // only quotation marks matter: “ ” „ « » " and ''
      if (code !== 0x201c && code !== 0x201d && code !== 0x201e && code !== 0xab && code !== 0xbb && code !== 34 && code !== 39) continue;
      const c = text[i];
      if (OPEN_MARKS.has(c)) {
        if (openAt >= 0 && openPara === p) {
          // a second opening inside an open quote: treat the first as unclosed up to here
          out.push({ start: openAt, end: trimEnd(text, openAt, i), closed: false, paragraph: openPara });
        } else if (openAt >= 0) {
          out.push({ start: openAt, end: paragraphs[p - 1].end, closed: false, paragraph: openPara });
        }
        openAt = i;
        openPara = p;
      } else if (CLOSE_MARKS.has(c)) {
        if (openAt >= 0) {
          out.push({ start: openAt, end: i + 1, closed: true, paragraph: openPara });
          openAt = -1;
        }
      } else if (c === '"' || (c === "'" && text[i + 1] === "'")) {
        // straight marks, and the doubled apostrophe some wires (NYT) use for them
        const width = c === '"' ? 1 : 2;
        if (openAt < 0) {
          if (isOpeningContext(text, i, para.start)) {
            openAt = i;
            openPara = p;
          }
        } else if (openPara === p && continuationMark(text, i, width, openAt)) {
          // “… helicopters. "This is in addition …”: a paragraph break lost in the copy leaves the next
          // paragraph's opening mark after a sentence end; it opens the continuation, it does not close
          out.push({ start: openAt, end: trimEnd(text, openAt, i), closed: false, paragraph: openPara });
          openAt = i;
        } else {
          out.push({ start: openAt, end: i + width, closed: true, paragraph: openPara });
          openAt = -1;
        }
        i += width - 1;
      }
    }
  }
  if (openAt >= 0 && paragraphs.length > 0) {
    out.push({ start: openAt, end: paragraphs[paragraphs.length - 1].end, closed: false, paragraph: openPara });
  }
  return out.filter((q) => q.end - q.start >= 3);
}

/**
 * A straight mark inside an open quotation that reads as an opening one: white space before it, a sentence end
 * before that, and a capital, digit or another mark right after it (a closing mark never has a space before it).
 */
function continuationMark(text: string, i: number, width: number, openAt: number): boolean {
  const next = text.charCodeAt(i + width);
  if (!((next >= 65 && next <= 90) || (next >= 48 && next <= 57) || next === 0x2018 || next === 39)) return false;
  let j = i - 1;
  if (j <= openAt || (text[j] !== ' ' && text[j] !== '\u00a0')) return false;
  while (j > openAt && (text[j] === ' ' || text[j] === '\u00a0')) j--;
  return j > openAt + 1 && (text[j] === '.' || text[j] === '?' || text[j] === '!');
}

export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}
