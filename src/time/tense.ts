/** Tense cues of a time expression's sentence: whether it points to the past or the future of the anchor. */
import { SCHEDULED_EVENT_NOUNS } from './lexicon.js';
import { type Direction } from './grammar-kit.js';

export const FUTURE_CUE = /\b(?:as early as|as soon as|might|would|will|won['’]?t|wo n't|shall|going to|plans? to|planning to|planned to|scheduled|set to|expected to|is to|are to|upcoming|intends? to|aims? to|hopes? to|due to (?:be|begin|start|meet|arrive|take|hold|vote|announce))\b|['’]ll\b/i;
export const SCHEDULED_PRESENT = /\b(?:meet|meets|begin|begins|start|starts|open|opens|vote|votes|visit|visits|arrive|arrives|travel|travels|resume|resumes|return|returns|launch|launches|expire|expires|convene|convenes|reconvene|reconvenes)\s+(?:separately\s+|again\s+)?(?:on\s+)?$/i;
/** Future in a main clause's own verb group (not "planned to", "would": a past plan or a conditional). */
export const MAIN_CLAUSE_FUTURE = /\b(?:will|won['’]?t|wo n't|shall|(?:is|are|am)\s+(?:going|scheduled|set|expected|due|slated)\s+to|(?:is|are)\s+to|plans?\s+to|intends?\s+to|aims?\s+to|hopes?\s+to)\b|['’]ll\b/i;
export const PAST_CUE = /\b(?:said|was|were|had|did|ago|earlier|announced|reported|told|killed|began|started)\b/i;
/** A possessive after a date ("Tuesday's"), and the words that put such a day ahead ("ahead of Tuesday's vote", "Tuesday's planned talks"). */
export const POSSESSIVE = /^['’]s\b/;
export const POSSESSIVE_AHEAD_BEFORE = /\b(?:ahead of|in advance of|in the run-up to|upcoming|forthcoming|awaiting|await|awaits)\s+(?:the\s+)?$/i;
export const SCHEDULED_AFTER_POSSESSIVE = new RegExp(`^['’]s\\s+(?:[\\w-]+\\s+){0,2}?(?:${SCHEDULED_EVENT_NOUNS.join('|')})\\b`, 'i');
export const POSSESSIVE_AHEAD_AFTER = /^['’]s\s+(?:planned|scheduled|upcoming|expected|proposed|forthcoming)\b/i;

/** The main clause after a fronted adverbial ("Until Thursday, they had …"), or '' when the expression is not fronted. */
export function fronted(sentence: string, before: string, end: number): string {
  if (!/^\s*(?:(?:on|and|but|then|late|early|by|until|till)\s+)?$/i.test(before) || !/^\s*,/.test(sentence.slice(end, end + 3))) return '';
  const clause = sentence.slice(end, end + 90);
  const clauseEnd = clause.search(/[;:.!?"“”]|''|``/);
  return clauseEnd >= 0 ? clause.slice(0, clauseEnd) : clause;
}

export const FUTURE_CUE_ALL = new RegExp(FUTURE_CUE.source, 'gi');
export const DATE_WORD =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|january|february|march|april|june|july|august|september|october|november|december|jan|feb|sept?|oct|nov|dec)\b\.?/gi;
/** What may stand between two dates that share one tense cue ("on Monday and Tuesday", "Friday or, at the latest, Monday"). */
export const DATE_LINK = /^(?:\s*\d{1,4}(?:st|nd|rd|th)?,?)*[\s,]*(?:(?:and|or|to|through|thru|until|till|then|-|–|—)\s*)?(?:(?:on|next|this|early|late)\s+)?$/i;

/**
 * Whether the last future cue in `before` governs a date of its own first: "were set to regroup on
 * Wednesday in Brussels … to discuss the outcomes of Tuesday's meeting" — "set to" points at
 * Wednesday, not at the meeting's Tuesday. Dates linked by a conjunction share the cue.
 */
export function futureCueTaken(before: string): boolean {
  let cueEnd = -1;
  FUTURE_CUE_ALL.lastIndex = 0;
  for (let m = FUTURE_CUE_ALL.exec(before); m; m = FUTURE_CUE_ALL.exec(before)) cueEnd = m.index + m[0].length;
  if (cueEnd < 0) return false;
  const tail = before.slice(cueEnd);
  let lastDateEnd = -1;
  DATE_WORD.lastIndex = 0;
  for (let m = DATE_WORD.exec(tail); m; m = DATE_WORD.exec(tail)) lastDateEnd = m.index + m[0].length;
  return lastDateEnd >= 0 && !DATE_LINK.test(tail.slice(lastDateEnd));
}

/** Tense cue for an expression at [start, end) of a sentence. */
export function tenseCue(sentence: string, start: number, end: number): Direction {
  // The clause around the expression: cut at semicolons, colons and quotation marks (a quote is
  // another speaker's clause), and after it at commas too.
  // A future auxiliary may stand well before the date ("will be named commander of the shuttle for a mission
  // in December"), so the future cue looks 110 characters back; the other cues look at the nearer 70.
  let wide = sentence.slice(Math.max(0, start - 110), start);
  const cut = Math.max(wide.lastIndexOf(';'), wide.lastIndexOf(':'), wide.lastIndexOf('"'), wide.lastIndexOf('”'), wide.lastIndexOf('“'), wide.lastIndexOf("''"), wide.lastIndexOf('``'));
  if (cut >= 0) wide = wide.slice(cut + 1);
  const before = wide.length > 70 ? wide.slice(wide.length - 70) : wide;
  let after = sentence.slice(end, end + 30);
  const stop = after.search(/[;:,.]/);
  if (stop >= 0) after = after.slice(0, stop);
  if (/\b(?:since|ago)\s+$/i.test(before)) return 'past';
  // A possessive date names the day of the noun it modifies ("Tuesday's earthquake", "get around Wednesday's
  // ruling"): the clause's tense is not the noun's. A cue on the noun itself points ahead ("ahead of Sunday's
  // election"); otherwise only a scheduled event ("will attend Saturday's summit") takes the clause's tense.
  if (POSSESSIVE.test(sentence.slice(end, end + 3))) {
    const noun = sentence.slice(end, end + 40);
    if (POSSESSIVE_AHEAD_BEFORE.test(before) || POSSESSIVE_AHEAD_AFTER.test(noun)) return 'future';
    if (!SCHEDULED_AFTER_POSSESSIVE.test(noun)) return null;
  }
  // "said Friday", "announced Friday that it will …": the date belongs to the past-tense verb before it.
  if (/\b(?:said|told|announced|reported|confirmed|added|stated|wrote|[a-z]{3,}ed)\s+(?:on\s+)?$/i.test(before)) return null;
  if (/\b(?:by|until|till|payable|effective|expires?|expiring)\s+$/i.test(before) && !PAST_CUE.test(before) && !PAST_CUE.test(after) && !PAST_CUE.test(fronted(sentence, before, end))) return 'future';
  // A fronted adverbial ("On Tuesday, the league plans to hold …") belongs to the main clause after it,
  // whose own tense decides ("On Friday, the government planned to pay …" stays in the past).
  if (/^\s*(?:(?:on|and|but|then|late|early)\s+)?$/i.test(before) && MAIN_CLAUSE_FUTURE.test(fronted(sentence, before, end))) return 'future';
  // "had been scheduled to", "had planned to": a plan seen from the past, not a future.
  const unplanned = (t: string): string => t.replace(/\bhad\s+(?:been\s+)?(?:scheduled|set|expected|planned|planning|due|going)\s+to\b/gi, '');
  const wideCue = unplanned(wide);
  if ((FUTURE_CUE.test(wideCue) && !futureCueTaken(wideCue)) || FUTURE_CUE.test(unplanned(after))) return 'future';
  // Headline present tense with a scheduled event ("the leaders meet Monday") points ahead.
  if (SCHEDULED_PRESENT.test(before) && !PAST_CUE.test(before)) return 'future';
  // Past tense is the news default, so a past cue changes nothing; it only blocks "by/until" readings above.
  return null;
}

/** The nth (1-based; -1 = last) weekday `wd` (1 = Monday … 7 = Sunday) of a month, as an epoch day. */
