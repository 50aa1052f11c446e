/**
 * Page chrome left in extracted article bodies: ad labels, share bars, navigation menus, breadcrumbs.
 *
 * Three tests, each on short lines only, so real sentences are never dropped:
 *  - a line that is a known chrome label (named patterns below, several languages);
 *  - a short line without sentence punctuation that occurs more than once in the body: share bars repeated
 *    at the top and bottom of the story. Link or button text may repeat any number of times; plain text
 *    only a few times (a short line repeated throughout is content, e.g. a column of figures);
 *  - a run of short lines that are wholly link text (a menu), or one line of several short items joined by
 *    `|`, `·`, `•`, `>` or `›` (a menu or breadcrumb written on one line).
 */

const BOILERPLATE: RegExp[] = [
  // The ad slot's label, maybe with a short trailer ("Advertisement - scroll to continue"), but not a
  // sentence that happens to open with the word ("Advertisement revenue fell 10%, the company said.").
  /^advertisement(\s*[-–—:|·•]\s*.{0,60})?$/i,
  /^(story continues below( advertisement)?|continue reading (the main story|below))$/i,
  /^(sponsored( content)?|promoted)$/i,
  /^skip to (main |the )?(content|navigation|main navigation|search|footer)$/i,
  /^(share|share this( article| story| page)?|print|email|comments?)$/i,
  /^read more\b.{0,80}$/i,
  /^(related( articles| stories| coverage)?|more stories|recommended( for you)?)(\s*:.{0,80})?$/i,
  /^(sign up|subscribe)\b.{0,120}(newsletter|inbox|updates)/i,
  /^follow us on\b/i,
  /^click here\b/i,
  /^(image|photo|video)\s*(credit|source)?\s*:/i,
  /^cookies?\b.{0,100}(accept|policy)/i,
  // Share bars: "Share on Facebook", "Share via Email", "Tweet", "Copy link", network names alone.
  /^(share|post|send)( (it|this|this article|this story))? (on|to|via|with|by) (facebook|twitter|x|linkedin|whatsapp|e-?mail|reddit|pinterest|telegram|messenger|bluesky|threads|mastodon|flipboard|sms)$/i,
  /^(tweet( this)?|pin( it)?|copy( the)? link|copy url|link copied|copied!?|print( this)?( page| article| story)?|e-?mail( this)?( article| story| page)?|save( article| story)?|gift( this)? article|listen( to this article)?)$/i,
  /^(facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram|messenger|flipboard|bluesky|threads|mastodon|e-?mail|sms|line)$/i,
  /^(menu|open menu|close menu|close|search|toggle navigation|main menu|navigation|back to top|top of page|sections)$/i,
  /^(分享|分享到|分享至)\s*[:：]?\s*(微信|微博|朋友圈|qq空间|qq|facebook|twitter)?$/i,
  /^(シェア|ツイート|共有|lineで送る|はてなブックマーク|メールで送る|印刷)$/i,
  /^(공유|공유하기|카카오톡|트위터|페이스북)$/,
];

/** Lines longer than this are never chrome (real sentences are kept whatever they say). */
const MAX_CHROME_CHARS = 200;
/** A repeated line or menu item is at most this many words… */
const MAX_CHROME_WORDS = 4;
/** …or, in text without spaces, this many characters. */
const MAX_CHROME_UNSPACED = 8;
/** Plain (non-link) short lines repeated more often than this are content, not a share bar. */
const MAX_PLAIN_REPEATS = 3;
/** Share of a line's characters inside links or buttons for a repeated line to count as a control. */
const CONTROL_LINK_SHARE = 0.5;
/** Consecutive all-link lines that make a menu. */
const MIN_MENU_RUN = 3;
/** Share of a line's characters inside links for the line to count as a link. */
const LINK_LINE_SHARE = 0.9;
/** Items joined by separators that make a one-line menu or breadcrumb. */
const MIN_INLINE_ITEMS = 3;

export function isBoilerplateLine(line: string): boolean {
  const s = line.trim();
  return s.length === 0 || (s.length < MAX_CHROME_CHARS && BOILERPLATE.some((re) => re.test(s)));
}

/** One block of extracted text with how much of it is link text. */
export interface TextLine {
  text: string;
  linkChars: number;
}

const SENTENCE_END = /[.!?。！？…:;"”’)]$/;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** A short label: a few words (or characters, in text without spaces), not a sentence. */
export function isShortLabel(text: string): boolean {
  const s = text.trim();
  if (!s || SENTENCE_END.test(s) || s.length > MAX_CHROME_CHARS) return false;
  if (UNSPACED.test(s)) return s.replace(/\s/g, '').length <= MAX_CHROME_UNSPACED;
  return s.split(/\s+/).length <= MAX_CHROME_WORDS;
}

const INLINE_SEPARATORS = /\s+[|·•>›»/]\s+|\s*[|·•›»]\s*/;

/** "Home | World | Business | Sport", "Home › News › Europe": several short items on one line. */
export function isInlineMenu(text: string): boolean {
  const items = text.split(INLINE_SEPARATORS).map((x) => x.trim()).filter(Boolean);
  return items.length >= MIN_INLINE_ITEMS && items.every((x) => isShortLabel(x) && !/\d{3,}/.test(x));
}

const isLinkLine = (l: TextLine): boolean => l.text.length > 0 && l.linkChars / l.text.length >= LINK_LINE_SHARE && isShortLabel(l.text);

/** The body's lines without chrome (see the file comment). */
export function dropChromeLines(lines: readonly TextLine[]): string[] {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const key = l.text.trim().toLowerCase();
    if (isShortLabel(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeatedChrome = (l: TextLine): boolean => {
    const n = counts.get(l.text.trim().toLowerCase()) ?? 0;
    return n > 1 && (n <= MAX_PLAIN_REPEATS || l.linkChars / l.text.length >= CONTROL_LINK_SHARE);
  };
  const drop = lines.map((l) => isBoilerplateLine(l.text) || repeatedChrome(l) || isInlineMenu(l.text));
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && isLinkLine(lines[j])) j++;
    if (j - i >= MIN_MENU_RUN) for (let k = i; k < j; k++) drop[k] = true;
    i = j > i ? j : i + 1;
  }
  return lines.filter((_, i) => !drop[i]).map((l) => l.text);
}
