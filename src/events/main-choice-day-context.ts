/**
 * Article-wide features of a day candidate of the learned main-event choice (main-choice-features.ts),
 * for the two ways a report's own incident loses its day: another incident or a statement dates it, and
 * an aside's day does.
 *
 * - `dayTitleInc`: a sentence telling the day shares an incident word with the headline ("Shooting at
 *   El Paso mall …" and "the shooting on Wednesday night"); the headline names the report's incident.
 * - `dayBg`: every sentence telling the day carries a background cue — a recalled or earlier incident
 *   ("last year", "earlier", "previous", "ago", "recalled", "anniversary", "since"), a memorial, vigil
 *   or funeral, a court step (trial, hearing, sentenced, pleaded), or a news conference.
 */
const INCIDENT_WORDS = /\b(shoot\w*|shot|gunm[ae]n|gunfire|kill\w*|dead|died|death|stabb\w*|crash\w*|collision|collided|fire|blaze|explosion|blast|bomb\w*|attack\w*|strike|stampede|crush|massacre|murder\w*|rammed|derail\w*)\b/gi;
const BACKGROUND = /\b(last year|earlier|previous(?:ly)?|ago|recalled|recalls|anniversary|since|memorial|vigil|funeral|trial|hearing|sentenced|sentencing|pleaded|arraigned|indicted|news conference|press conference|briefing)\b/i;

/** A word's stem for matching a headline's incident word ("shooting" and "shot", "killed" and "killing"). */
export const stem = (w: string): string => {
  const x = w.toLowerCase();
  if (/^shoot|^shot$/.test(x)) return 'shoot';
  if (/^kill/.test(x)) return 'kill';
  if (/^stabb/.test(x)) return 'stab';
  if (/^crash/.test(x)) return 'crash';
  if (/^bomb/.test(x)) return 'bomb';
  if (/^attack/.test(x)) return 'attack';
  if (/^murder/.test(x)) return 'murder';
  if (/^derail/.test(x)) return 'derail';
  if (/^(dead|died|death)$/.test(x)) return 'die';
  return x;
};

export function titleIncidentStems(title: string | null | undefined): Set<string> {
  return new Set([...(title ?? '').matchAll(INCIDENT_WORDS)].map((m) => stem(m[0])));
}

/** Features of a day told in `sentences` (their texts), given the headline's incident stems. */
export function dayContextFeatures(sentences: readonly string[], titleStems: ReadonlySet<string>): string[] {
  if (!sentences.length) return [];
  const out: string[] = [];
  if (titleStems.size && sentences.some((s) => [...s.matchAll(INCIDENT_WORDS)].some((m) => titleStems.has(stem(m[0]))))) out.push('dayTitleInc');
  if (sentences.every((s) => BACKGROUND.test(s))) out.push('dayBg');
  return out;
}
