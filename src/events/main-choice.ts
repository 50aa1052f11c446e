/**
 * The learned choice of a report's main event's day and place (models/events/main-choice.json, trained
 * by train-main-choice.ts on the local-news dev split). The rules (event-date.ts, narrow.ts,
 * local-report.ts; place-choice.ts, setting.ts) propose; two small logistic models score every
 * candidate (main-choice-features.ts) and the best replaces the rules' value only when its score
 * reaches the model's threshold and beats the rules' value by the model's margin (both chosen by
 * cross-validation inside dev, precision first). Otherwise the rules' value stays. A day the date
 * model gives a low score when the rules took it from the text is kept, but the event's confidence is
 * lowered (`date:learned-unsure`); nothing is invented: every candidate is a day the article states,
 * the event's own day or the publication day, and a town the article names.
 *
 * Only the main incident of an article (a violent, asserted, non-reference event; the one with a toll,
 * then an ACLED type, then the highest confidence) is rechosen: the models learned that event.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { EventRecord, Place } from '../core/layers.js';
import { packagePath } from '../core/paths.js';
import { type ChoiceContext, dayCandidates, isCountyPlace, placeCandidates } from './main-choice-features.js';
import { MAP_CONFIDENCE } from '../places/mappable.js';
import type { LogisticModel } from './logistic.js';
import { rankMainEvent, type ReportView } from './main-event.js';

export const MAIN_CHOICE_MODEL_PATH = packagePath('models', 'events', 'main-choice.json');

export interface ChoiceModel extends LogisticModel {
  /** The chosen candidate must score this much above the rules' own value (log-odds). */
  margin: number;
}

export interface MainChoiceModels {
  version: string;
  date: ChoiceModel;
  place: ChoiceModel;
}

let loaded: MainChoiceModels | null | undefined;

export function mainChoiceModels(): MainChoiceModels | null {
  if (loaded === undefined) loaded = existsSync(MAIN_CHOICE_MODEL_PATH) ? (JSON.parse(readFileSync(MAIN_CHOICE_MODEL_PATH, 'utf8')) as MainChoiceModels) : null;
  return loaded;
}

export function score(model: LogisticModel, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return z;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A violent incident told as news (the events the local-news eval scores). */
export function isIncident(e: EventRecord): boolean {
  if ((e.status ?? 'asserted') !== 'asserted' || e.reference) return false;
  return e.plover?.type === 'ASSAULT' || e.plover?.type === 'FIGHT' || (e.kind !== undefined && e.kind !== 'conflict');
}

/**
 * An article's main event (main-event.ts): with a view of the report, the one its lead and headline tell;
 * then one that reports casualties, then ACLED-typed, then the most confident, then the first.
 */
export function mainEventOf(events: readonly EventRecord[], view?: ReportView | null): EventRecord | null {
  return rankMainEvent(events, view);
}

/** The article's main incident: the main event among its violent incidents told as news. */
export function mainIncident(events: readonly EventRecord[], view?: ReportView | null): EventRecord | null {
  return mainEventOf(events.filter(isIncident), view);
}

/** The best candidate, its score and the rules' own candidate's score (null when the rules' value is no candidate). */
export function pick<T extends { features: string[] }>(model: LogisticModel, cands: readonly T[]): { best: T | null; z: number; zCur: number | null; cur: T | null } {
  let best: T | null = null;
  let z = -Infinity;
  let zCur: number | null = null;
  let cur: T | null = null;
  for (const c of cands) {
    const s = score(model, c.features);
    if (c.features.includes('cur')) {
      zCur = s;
      cur = c;
    }
    if (s > z) {
      z = s;
      best = c;
    }
  }
  return { best, z, zCur, cur };
}

/**
 * Whether the model's pick replaces the rules' value. Never when the rules' value is told in the lead
 * in the sentence of the event's first trigger (`leadTrig`): the text's own statement of it. The dev
 * reports never showed such a value wrong, so the models could not learn to keep it (a short report
 * naming "Gaza City" with the strike and "Cairo" in the next sentence's statement moved to Cairo).
 * One exception, the article's own weight of evidence: a rules' town far from the article's setting
 * (`settingFar`) gives way to a pick at the setting or near it ("an event calling for the release of
 * hostages in Gaza at a pedestrian mall in Boulder", in a report that names Boulder throughout).
 */
export function overrides(model: ChoiceModel, p: { best: { features: string[] } | null; z: number; zCur: number | null; cur?: { features: string[] } | null }): boolean {
  if (!p.best || p.best.features.includes('cur')) return false;
  const atSetting = p.best.features.includes('setting') || p.best.features.includes('nearSetting');
  if (p.cur?.features.includes('leadTrig') && !(p.cur.features.includes('settingFar') && atSetting)) return false;
  return sigmoid(p.z) >= model.threshold && p.z - (p.zCur ?? -Infinity) >= model.margin;
}

/** The date model's score below which a stated day is kept but marked less sure. */
export const UNSURE_DAY = 0.2;

/** Rechooses the main incident's day and place in place; returns the event when either changed. */
export function applyMainChoice(events: EventRecord[], ctx: ChoiceContext, models = mainChoiceModels()): EventRecord | null {
  if (!models) return null;
  const e = mainIncident(events, { lead: ctx.lead, text: ctx.article.text, title: ctx.article.title });
  if (!e) return null;
  let changed = false;
  const how = e.how ?? [];
  const days = dayCandidates(e, ctx);
  const d = pick(models.date, days);
  if (overrides(models.date, d) && d.best) {
    const day = (d.best as { day: string }).day;
    e.date = { value: day, precision: 'day', range: { from: day, to: day }, how: 'stated' };
    how.push('date:learned');
    changed = true;
  } else if (d.zCur !== null && sigmoid(d.zCur) < UNSURE_DAY) {
    e.confidence = Math.round(e.confidence * 0.8 * 100) / 100;
    how.push('date:learned-unsure');
  }
  const places = placeCandidates(e, ctx);
  const p = pick(models.place, places);
  if (overrides(models.place, p) && p.best) {
    const chosen = (p.best as { place: Place }).place;
    // A county is the scene at a coarser level, and less sure: never turned into a guessed town.
    e.place = isCountyPlace(chosen) ? { ...chosen, confidence: Math.max(MAP_CONFIDENCE, Math.round(chosen.confidence * 0.8 * 100) / 100) } : { ...chosen };
    how.push('place:learned');
    changed = true;
  }
  e.how = how;
  return changed ? e : null;
}
