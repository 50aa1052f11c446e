import type { TimeExpr } from '../core/layers.js';

/**
 * The time an undated article is told from, for telling background from news: the year its
 * absolute dates name most often (ties go to the later year). An H1N1 report that names 2009 five
 * times and 1918 once is told from 2009, so "the 1918 pandemic killed 50 million" is background.
 * Relative expressions ("last year") are left out: without a publication date they have no year.
 */
export function undatedArticleAnchor(times: readonly TimeExpr[]): string | null {
  const counts = new Map<number, number>();
  for (const t of times) {
    if (t.type !== 'DATE' || t.anchor !== 'none') continue;
    const m = /^(\d{4})(?![\d/])/.exec(t.value);
    if (!m) continue;
    const year = Number(m[1]);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [year, n] of counts) {
    const bestN = best === null ? -1 : (counts.get(best) ?? 0);
    if (n > bestN || (n === bestN && best !== null && year > best)) best = year;
  }
  return best === null ? null : `${best}-01-01`;
}
