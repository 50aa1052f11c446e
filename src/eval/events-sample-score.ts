/**
 * Re-scoring the hand-checked event sample: each stored event is looked up again in a fresh run of its
 * article by its evidence sentence (same trigger preferred). A verdict still stands when the parts of
 * the record it judged are unchanged; when they changed, the event is listed for re-checking and left
 * out of that field's share. Events no longer found are "dropped": good when the verdict said not real.
 */
import { VERDICT_FIELDS, type SystemSaid, type VerdictField } from './events-sample-said.js';

export interface Verdict {
  real: boolean;
  typed: boolean | null;
  placed: boolean | null;
  dated: boolean | null;
  counted: boolean | null;
  reason: string;
}

export interface SampleRow {
  n: number;
  source: string;
  id: string;
  path: string;
  evidence: string;
  said: SystemSaid;
  verdict: Verdict;
}

export interface FoundEvent {
  evidence: string;
  said: SystemSaid;
}

export type Outcome =
  | { n: number; status: 'dropped' }
  | { n: number; status: 'found'; changed: VerdictField[]; now: SystemSaid };

export function matchEvent(row: SampleRow, found: readonly FoundEvent[]): FoundEvent | null {
  const same = found.filter((f) => f.evidence === row.evidence);
  return same.find((f) => f.said.trigger === row.said.trigger) ?? same[0] ?? null;
}

export function changedFields(before: SystemSaid, now: SystemSaid): VerdictField[] {
  return (Object.keys(VERDICT_FIELDS) as VerdictField[]).filter((field) =>
    VERDICT_FIELDS[field].some((key) => JSON.stringify(before[key]) !== JSON.stringify(now[key])),
  );
}

export function rescoreRow(row: SampleRow, found: readonly FoundEvent[]): Outcome {
  const hit = matchEvent(row, found);
  if (!hit) return { n: row.n, status: 'dropped' };
  return { n: row.n, status: 'found', changed: changedFields(row.said, hit.said), now: hit.said };
}

export interface FieldShare {
  right: number;
  judged: number;
  changed: number;
}

/** Per field, over found events whose judged parts are unchanged: how many the stored verdict calls right. */
export function shares(rows: readonly SampleRow[], outcomes: readonly Outcome[]): Record<VerdictField, FieldShare> {
  const out = {} as Record<VerdictField, FieldShare>;
  for (const field of Object.keys(VERDICT_FIELDS) as VerdictField[]) out[field] = { right: 0, judged: 0, changed: 0 };
  outcomes.forEach((o, i) => {
    if (o.status !== 'found') return;
    const verdict = rows[i]!.verdict;
    for (const field of Object.keys(VERDICT_FIELDS) as VerdictField[]) {
      const v = verdict[field];
      if (v === null) continue;
      if (o.changed.includes(field)) out[field].changed++;
      else {
        out[field].judged++;
        if (v) out[field].right++;
      }
    }
  });
  return out;
}
