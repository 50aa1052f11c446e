/**
 * GDELT GKG 2.1-style TSV, one row per article, with the 27 column names of the GKG 2.0/2.1 schema
 * under ../shared/data/gdelt-sample/schema (gkg2.csv): GKGRECORDID, DATE, …, Extras. Field syntax
 * follows the GKG codebook (`;` between entries, `#` inside Counts/Locations, `,offset` in the V2
 * fields, `|` inside Quotations). Differences, stated: country codes are ISO 3166 alpha-2 (GDELT uses
 * FIPS 10-4); themes, tone and GCAM are left empty (we do not compute them); Quotations carry our
 * quotes with the cue verb. Tabs and newlines inside values are replaced by spaces.
 */
import type { Article } from '../core/article.js';
import type { Layers, Place } from '../core/layers.js';

export const GKG_COLUMNS = [
  'GKGRECORDID', 'DATE', 'SourceCollectionIdentifier', 'SourceCommonName', 'DocumentIdentifier', 'Counts', 'V2Counts',
  'Themes', 'V2Themes', 'Locations', 'V2Locations', 'Persons', 'V2Persons', 'Organizations', 'V2Organizations', 'V2Tone',
  'Dates', 'GCAM', 'SharingImage', 'RelatedImages', 'SocialImageEmbeds', 'SocialVideoEmbeds', 'Quotations', 'AllNames',
  'Amounts', 'TranslationInfo', 'Extras',
] as const;

function clean(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ').replace(/[#;|]/g, ' ');
}

function locType(p: Place): number {
  if (p.precision === 'country') return 1;
  if (p.country === 'US') return p.precision === 'region' ? 2 : 3;
  return p.precision === 'region' || p.precision === 'area' ? 5 : 4;
}

function compactDate(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(iso);
  // GKG DATE is a full YYYYMMDDHHMMSS; a publication known only to the year or month has none
  // (a year used to become '20250000000000', month and day 00, which no GKG reader accepts).
  if (!m) return '';
  return `${m[1]}${m[2]}${m[3]}${m[4] ?? '00'}${m[5] ?? '00'}${m[6] ?? '00'}`;
}

const COUNT_TYPE: Record<string, string> = { killed: 'KILL', dead: 'KILL', died: 'KILL', injured: 'WOUND', wounded: 'WOUND', arrested: 'ARREST', detained: 'ARREST', kidnapped: 'KIDNAP', abducted: 'KIDNAP', protesters: 'PROTEST', seized: 'SEIZE' };

export function gkgRow(article: Article, layers: Layers, serial: number): string[] {
  const published = layers.published?.[0]?.value ?? article.published;
  const date = compactDate(published);
  const places = layers.places ?? [];
  const entities = layers.entities ?? [];
  const mentions = layers.mentions ?? [];
  const nearestPlace = (offset: number): Place | undefined => {
    let best: Place | undefined;
    for (const p of places) if (!best || Math.abs(p.start - offset) < Math.abs(best.start - offset)) best = p;
    return best;
  };
  const loc1 = (p: Place | undefined): string => (p ? `${locType(p)}#${clean(p.name)}#${p.country ?? ''}#${p.admin1 ?? ''}#${p.lat}#${p.lon}#${p.geonameid ?? ''}` : '');
  const counts: string[] = [];
  const v2counts: string[] = [];
  for (const q of layers.quantities ?? []) {
    const type = q.role ? COUNT_TYPE[q.role] : undefined;
    if (!type) continue;
    const p = nearestPlace(q.start);
    const base = `${type}#${q.value}#${clean(q.unit ?? '')}#${p ? loc1(p) : '#######'.slice(1)}`;
    counts.push(base);
    v2counts.push(`${base}#${q.start}`);
  }
  const uniq = (xs: string[]): string[] => [...new Set(xs)];
  const locations = uniq(places.map(loc1));
  const v2locations = places.map((p) => `${locType(p)}#${clean(p.name)}#${p.country ?? ''}#${p.admin1 ?? ''}##${p.lat}#${p.lon}#${p.geonameid ?? ''}#${p.start}`);
  const byType = (t: string): { names: string[]; v2: string[] } => {
    const names: string[] = [];
    const v2: string[] = [];
    for (const m of mentions) {
      const e = entities[m.entity];
      if (!e || e.type !== t || m.kind === 'pronoun' || m.kind === 'nominal') continue;
      names.push(clean(e.name));
      v2.push(`${clean(e.name)},${m.start}`);
    }
    return { names: uniq(names), v2 };
  };
  const persons = byType('PER');
  const orgs = byType('ORG');
  const allNames = mentions
    .filter((m) => m.kind === 'name' || m.kind === 'alias' || m.kind === 'surname')
    .map((m) => `${clean(entities[m.entity]?.name ?? m.text)},${m.start}`);
  const dates = (layers.times ?? [])
    .filter((t) => t.type === 'DATE' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(t.value))
    .map((t) => {
      const [y, mo, d] = t.value.split('-');
      const resolution = d ? 1 : mo ? 2 : 3;
      return `${resolution}#${Number(mo ?? 0)}#${Number(d ?? 0)}#${y}#${t.start}`;
    });
  const quotations = (layers.quotes ?? [])
    .filter((q) => q.kind !== 'indirect')
    .map((q) => `${q.start}|${q.end - q.start}|${clean(q.cue?.text ?? '')}|${clean(q.text)}`);
  const amounts = (layers.quantities ?? []).map((q) => `${q.value},${clean(q.unit ?? '')},${q.start}`);
  const host = article.url ? (/^https?:\/\/([^/]+)/.exec(article.url)?.[1] ?? '') : '';
  const row = [
    `${date || '00000000000000'}-${serial}`,
    date,
    article.url ? '1' : '2',
    clean(article.source ?? host),
    clean(article.url ?? `${article.title ?? article.id} (${article.origin.file})`),
    counts.join(';'),
    v2counts.join(';'),
    '',
    '',
    locations.join(';'),
    v2locations.join(';'),
    persons.names.join(';'),
    persons.v2.join(';'),
    orgs.names.join(';'),
    orgs.v2.join(';'),
    '',
    dates.join(';'),
    '',
    '',
    '',
    '',
    '',
    quotations.join('#'),
    allNames.join(';'),
    amounts.join(';'),
    '',
    '',
  ];
  return row.map((c) => c.replace(/[\t\r\n]/g, ' '));
}

export function toGkgTsv(docs: ReadonlyArray<{ article: Article; layers: Layers }>, header = true): string {
  const lines = docs.map((d, i) => gkgRow(d.article, d.layers, i + 1).join('\t'));
  return `${[...(header ? [GKG_COLUMNS.join('\t')] : []), ...lines].join('\n')}\n`;
}
