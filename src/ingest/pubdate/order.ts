/**
 * Which way a page writes numeric dates, from its language tag: `en-US` is month first, any other
 * region or a language other than English is day first, and plain `en` is left undecided.
 */
import type { DayOrder } from './parse.js';
import { MONTH_FIRST_REGIONS } from './words.js';

export function dayOrderOf(lang: string | null | undefined): DayOrder | undefined {
  if (!lang) return undefined;
  const [language, region] = lang.trim().toLowerCase().split(/[-_]/);
  if (region) return MONTH_FIRST_REGIONS.has(region) ? 'mdy' : 'dmy';
  if (language && language !== 'en') return 'dmy';
  return undefined;
}
