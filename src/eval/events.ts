/**
 * `dateline eval events`: event typing, fatalities and location against ACLED's human coding, using
 * the `notes` of the ACLED sample (../shared/data/acled-sample) as weak gold (each note is the coder's
 * one-paragraph description of one event; its coded event_type, sub_event_type, fatalities, latitude
 * and longitude are the labels). Each note is run through the default pipeline as an article dated
 * on the event's day; the prediction is the highest-confidence ACLED-typed event we extract.
 *
 * The coders' own annotations are removed from the text first so they cannot leak into the answer:
 * "[size=…]" tags, a sub-event label before the note ("Looting: On 8 May …") and every sentence that
 * mentions "fatalities" ("1 fatality.", "No fatalities
 * reported."). Notes are not news articles (they are terse and always describe exactly one event),
 * so these figures measure typing and argument extraction, not event detection in news.
 */
import { existsSync, readFileSync } from 'node:fs';
import { defaultPipeline } from '../api/default-pipeline.js';
import { makeArticle } from '../core/article.js';
import { DatelineError } from '../core/errors.js';
import type { EventRecord } from '../core/layers.js';
import { sharedPath } from '../core/paths.js';
import { stringFlag, type ParsedArgs } from '../cli/args.js';
import { haversineKm } from '../events/extract.js';
import { parseCsv } from '../export/csv.js';
import { readLocal, scoreLocal } from './events-local.js';
import { scoreNonConflict, type Split } from './events-nonconflict.js';
import type { EvalReport, EvalTask } from './types.js';

const MONTHS: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

/** `9-May-20` → `2020-05-09`. */
export function parseAcledDate(s: string): string | null {
  const m = /^(\d{1,2})-([A-Z][a-z]{2})-(\d{2})$/.exec(s.trim());
  if (m && MONTHS[m[2]]) return `20${m[3]}-${MONTHS[m[2]]}-${m[1].padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(s.trim()) ? s.trim() : null;
}

/**
 * A coder's label before the note ("Looting: On 8 May …", "Movement of forces: On …", "Security
 * measures: Around …"): it names the sub-event type, so it goes like the other annotations.
 */
const CODER_LABEL = /^\s*[A-Z][A-Za-z-]*(?: [A-Za-z-]+){0,4}:\s+(?=(?:On|Around|Between|During|In|At|Over|From|Since|As of|Overnight|Late|Early)\b|\d)/;

/** The note without the coders' annotations (size tags, sub-event labels, fatality statements). */
export function cleanNote(notes: string): string {
  const text = notes.replace(/\[[^\]]*\]/g, ' ').replace(CODER_LABEL, '');
  const sentences = text.match(/[^.!?]+[.!?]*/g) ?? [text];
  return sentences
    .filter((s) => !/fatalit/i.test(s))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface AcledRow {
  eventType: string;
  subEventType: string;
  fatalities: number;
  lat: number;
  lon: number;
  date: string;
  text: string;
}

export function readAcled(path: string): AcledRow[] {
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const header = rows[0] ?? [];
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new DatelineError('EVAL_INPUT', { message: `${path} has no column '${name}'` });
    return i;
  };
  const [et, st, fat, lat, lon, date, notes] = ['event_type', 'sub_event_type', 'fatalities', 'latitude', 'longitude', 'event_date', 'notes'].map(col);
  const out: AcledRow[] = [];
  for (const r of rows.slice(1)) {
    if (r.length < header.length) continue;
    const day = parseAcledDate(r[date]);
    const text = cleanNote(r[notes] ?? '');
    if (!day || !text) continue;
    out.push({ eventType: r[et], subEventType: r[st], fatalities: Number(r[fat]) || 0, lat: Number(r[lat]), lon: Number(r[lon]), date: day, text });
  }
  return out;
}

/** The prediction for one note: the most confident ACLED-typed event. */
export function mainEvent(events: readonly EventRecord[]): EventRecord | null {
  let best: EventRecord | null = null;
  for (const e of events) if (e.acled && (!best || e.confidence > best.confidence || (e.confidence === best.confidence && (e.killed?.value ?? 0) > (best.killed?.value ?? 0)))) best = e;
  return best;
}

const pct = (x: number, n: number) => (n ? Math.round((1000 * x) / n) / 10 : 0);

export const eventsEvalTask: EvalTask = {
  name: 'events',
  summary: 'ACLED event/sub-event typing, fatalities and location on ACLED notes (weak gold)',
  usage: `dateline eval events [--set acled|nonconflict|local|all] [--split held-out|dev|all] [--acled FILE] [--limit N] [--offset N] [--json] [--report FILE]

  --set acled: typing and fatalities on ACLED notes. FILE defaults to ../shared/data/acled-sample/acled.csv;
  rows are taken in file order from --offset (default 1000: rows 0-999 are the tuning rows), at most
  --limit (default 2000), i.e. the held-out rows 1000-2999.
  --set nonconflict: false ACLED events per 1,000 articles on BBC sport/business/tech/entertainment and the
  Timeline17 Haiti topic (--split held-out by default: even file numbers; dev = odd; --limit per set).
  --set local: the hand-written local violent-incident dev set (test-fixtures/events-local).
  --set all (default): all three.`,
  async run(args: ParsedArgs): Promise<EvalReport> {
    const set = stringFlag(args, 'set') ?? 'all';
    if (!['acled', 'nonconflict', 'local', 'all'].includes(set)) throw new DatelineError('EVAL_INPUT', { message: `unknown --set '${set}'` });
    const split = (stringFlag(args, 'split') ?? 'held-out') as Split;
    if (!['held-out', 'dev', 'all'].includes(split)) throw new DatelineError('EVAL_INPUT', { message: `unknown --split '${split}'` });
    const report: EvalReport = { task: 'events', data: '', tables: [], metrics: {}, notes: [] };
    const parts: string[] = [];
    if (set === 'acled' || set === 'all') {
      const r = await runAcled(args);
      parts.push(r.data);
      report.tables.push(...r.tables);
      Object.assign(report.metrics, r.metrics);
      report.notes!.push(...(r.notes ?? []));
    }
    if (set === 'nonconflict' || set === 'all') {
      const limitFlag = stringFlag(args, 'limit');
      const r = scoreNonConflict(split, set === 'nonconflict' && limitFlag ? Number(limitFlag) : Infinity);
      parts.push(`BBC sport/business/tech/entertainment + Timeline17 Haiti (${split})`);
      report.tables.push(r.table);
      Object.assign(report.metrics, r.metrics);
      if (set === 'nonconflict') report.notes!.push(...r.examples.map((x) => `false: ${x}`));
    }
    if (set === 'local' || set === 'all') {
      const r = scoreLocal(readLocal());
      parts.push('test-fixtures/events-local (dev)');
      report.tables.push(r.table);
      Object.assign(report.metrics, r.metrics);
      if (set === 'local') report.notes!.push(...r.misses.map((x) => `miss: ${x}`));
    }
    report.data = parts.join('; ');
    return report;
  },
};

async function runAcled(args: ParsedArgs): Promise<EvalReport> {
  {
    const path = stringFlag(args, 'acled') ?? sharedPath('data', 'acled-sample', 'acled.csv');
    if (!existsSync(path)) throw new DatelineError('EVAL_INPUT', { message: `no ACLED file at ${path}` });
    const limit = Number(stringFlag(args, 'limit') ?? 2000);
    const offset = Number(stringFlag(args, 'offset') ?? 1000);
    const rows = readAcled(path).slice(offset, offset + limit);
    const pipeline = defaultPipeline();
    let typed = 0;
    let typeOk = 0;
    let subOk = 0;
    let fatalOk = 0;
    let fatalAbs = 0;
    let placed = 0;
    let within161 = 0;
    let deadRows = 0;
    let deadFound = 0;
    let fatalOver = 0;
    let fatalUnder = 0;
    let zeroExact = 0;
    const perType = new Map<string, { n: number; found: number; ok: number; predicted: number; correctPred: number }>();
    const started = Date.now();
    rows.forEach((row, i) => {
      const article = makeArticle({ text: row.text, origin: { file: path, format: 'text', record: offset + i + 1 }, published: row.date });
      const e = mainEvent(pipeline.run(article).layers.events ?? []);
      const t = perType.get(row.eventType) ?? { n: 0, found: 0, ok: 0, predicted: 0, correctPred: 0 };
      t.n++;
      perType.set(row.eventType, t);
      if (e?.acled) {
        typed++;
        t.found++;
        const p = perType.get(e.acled.eventType) ?? { n: 0, found: 0, ok: 0, predicted: 0, correctPred: 0 };
        p.predicted++;
        perType.set(e.acled.eventType, p);
        if (e.acled.eventType === row.eventType) {
          typeOk++;
          t.ok++;
          p.correctPred++;
          if (e.acled.subEventType === row.subEventType) subOk++;
        }
      }
      const killed = e?.killed?.value ?? 0;
      if (killed === row.fatalities) fatalOk++;
      else if (killed > row.fatalities) fatalOver++;
      else fatalUnder++;
      if (row.fatalities === 0) zeroExact++;
      fatalAbs += Math.abs(killed - row.fatalities);
      if (row.fatalities > 0) {
        deadRows++;
        if (killed > 0) deadFound++;
      }
      if (e?.place && Number.isFinite(row.lat)) {
        placed++;
        if (haversineKm(e.place, { lat: row.lat, lon: row.lon }) <= 161) within161++;
      }
    });
    const n = rows.length;
    const seconds = (Date.now() - started) / 1000;
    const typeRows = [...perType.entries()]
      .sort((a, b) => b[1].n - a[1].n)
      .map(([type, s]) => [type, s.n, pct(s.ok, s.n), s.predicted ? pct(s.correctPred, s.predicted) : '-']);
    return {
      task: 'events',
      data: `${path} rows ${offset}..${offset + n - 1}`,
      tables: [
        {
          title: `ACLED notes (${n} events, weak gold)`,
          columns: ['metric', 'value'],
          rows: [
            ['an ACLED-typed event found (%)', pct(typed, n)],
            ['event_type accuracy (%)', pct(typeOk, n)],
            ['sub_event_type accuracy (%)', pct(subOk, n)],
            ['fatalities exact (%)', pct(fatalOk, n)],
            ['fatalities over-counted, ours > ACLED (%)', pct(fatalOver, n)],
            ['fatalities under-counted, ours < ACLED (%)', pct(fatalUnder, n)],
            ['always-zero baseline: fatalities exact (%)', pct(zeroExact, n)],
            ['always-zero baseline: under-counted (%)', pct(n - zeroExact, n)],
            ['fatalities mean abs. error', Math.round((100 * fatalAbs) / Math.max(1, n)) / 100],
            ['deaths found where coded > 0 (%)', pct(deadFound, deadRows)],
            ['place within 161 km, of placed (%)', pct(within161, placed)],
            ['placed (%)', pct(placed, n)],
          ],
        },
        { title: 'Per ACLED event type', columns: ['event_type', 'gold', 'recall %', 'precision %'], rows: typeRows },
      ],
      metrics: {
        found: pct(typed, n) / 100,
        type_accuracy: pct(typeOk, n) / 100,
        sub_type_accuracy: pct(subOk, n) / 100,
        fatalities_exact: pct(fatalOk, n) / 100,
        fatalities_over: pct(fatalOver, n) / 100,
        fatalities_under: pct(fatalUnder, n) / 100,
        acc161: pct(within161, placed) / 100,
        events: n,
      },
      notes: [`${n} notes in ${seconds.toFixed(1)} s through the default pipeline`, 'coder annotations ([size=…], a leading sub-event label, sentences mentioning fatalities) are removed before analysis'],
    };
  }
}
