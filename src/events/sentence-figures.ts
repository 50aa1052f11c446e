/**
 * The figures of a sentence an event may carry: tolls (killed, injured, running totals) refined by the
 * toll rules of figures.ts, weapon counts, and the weapon words around a trigger.
 */
import type { EventFigure, Quantity } from '../core/layers.js';
import { inComparison } from './assertion.js';
import { NOT_AIRCRAFT_AFTER, PERSON_UNIT } from './extract-words.js';
import { beforeHedges, capSingleEventTolls, countsAttackers, partOfWhole, isAddress, isCumulative, isVagueCount, isYearAsCount, lumped, roleByWords, speculative } from './figures.js';
import { INJURED_ROLES, KILLED_ROLES, type Weapon, isWeaponUnit, weaponOf } from './lexicon.js';
import type { SentenceView } from './sentence-view.js';
import { KILLING_NOUNS } from './figure-words.js';

/**
 * "1 fighter was shot and killed", "two soldiers were wounded": a count of people whose role the
 * quantities stage read otherwise ("shot" as "shot down") is a toll when a death or injury word
 * follows it in its clause.
 */
export function tollAfter(view: SentenceView, q: Quantity): string | null {
  const toks = view.toks;
  // "the killing of five people", "the deaths of at least two teenagers": a noun of killing before it.
  const b = beforeHedges(toks, toks.findIndex((t) => t.start >= q.start) - 1);
  if (b >= 1 && toks[b].lower === 'of' && KILLING_NOUNS.has(toks[b - 1].lower)) return 'killed';
  let k = toks.findIndex((t) => t.start >= q.end);
  if (k < 0) return null;
  for (const end = Math.min(toks.length, k + 8); k < end; k++) {
    const w = toks[k].lower;
    if (w === '.' || w === ';' || w === ',') return null;
    if (/^(killed|dead|died|murdered|slain|assassinated|executed)$/.test(w)) return 'killed';
    if (/^(injured|wounded|hurt)$/.test(w)) return 'injured';
  }
  return null;
}

/**
 * "wounding three people", "killing two and injuring five": a count governed by the killing or
 * injuring verb right before it, which the quantities stage may not have read as its verb.
 */
export function tollBefore(view: SentenceView, q: Quantity): 'killed' | 'injured' | null {
  const toks = view.toks;
  const b = beforeHedges(toks, toks.findIndex((t) => t.start >= q.start) - 1);
  const w = b >= 0 ? toks[b].lower : '';
  if (/^(killing|killed)$/.test(w)) return 'killed';
  if (/^(wounding|injuring|wounded|injured)$/.test(w)) return 'injured';
  return null;
}

export function figuresOf(view: SentenceView, text: string): EventFigure[] {
  const out: EventFigure[] = [];
  for (const { q, i } of view.quantities) {
    const role = q.role?.toLowerCase() ?? null;
    let kind: string | null = null;
    if (role && KILLED_ROLES.has(role)) kind = 'killed';
    else if (role && INJURED_ROLES.has(role)) kind = 'injured';
    else if (isWeaponUnit(q.unit)) kind = role ?? 'count';
    else if (q.unit && PERSON_UNIT.test(q.unit.split(/\s+/).pop() ?? '')) kind = tollAfter(view, q) ?? tollBefore(view, q);
    else if (!q.unit) kind = tollBefore(view, q);
    if (!kind) continue;
    if (kind === 'killed' || kind === 'injured') {
      const refined = refineToll(view, q, kind, text);
      if (!refined) continue;
      kind = refined;
    }
    if (kind === 'injured' && isVagueCount(text.slice(q.start, q.end), q.hedge)) continue;
    // "the largest since Russia launched 705 munitions": a yardstick's figure.
    const k = view.toks.findIndex((t) => t.start >= q.start);
    if (k > 0 && inComparison(view.toks, k, true)) continue;
    const fig: EventFigure = {
      start: q.start,
      end: q.end,
      kind,
      value: q.value,
      hedge: q.hedge,
      unit: q.unit,
      claimant: q.claimant?.text ?? null,
      quantity: i,
    };
    if (q.high !== undefined) fig.high = q.high;
    out.push(fig);
  }
  // "21 people – including 19 children – died": a count after "including" is part of the one before it.
  for (let j = out.length - 1; j > 0; j--) {
    const f = out[j];
    const head = out.slice(0, j).reverse().find((h) => h.kind === f.kind);
    if (head && (f.kind === 'killed' || f.kind === 'injured') && head.value > f.value && /^[\s,–—(-]*(?:including|among them|of whom|of them)\s*$/i.test(text.slice(head.end, f.start))) out.splice(j, 1);
  }
  // "Five of the six crew members were killed": the part is the toll, the whole only its group;
  // "two of the three people killed were children": the whole is (figures.ts, `partOfWhole`).
  for (let j = 0; j < out.length; j++) {
    const f = out[j];
    if (f.kind !== 'killed' && f.kind !== 'injured') continue;
    const prev = j > 0 ? out[j - 1] : null;
    const p = partOfWhole(text, view.toks, f, prev);
    if (!p) continue;
    const partIsPrev = prev !== null && prev.kind === f.kind && prev.value === p.value && prev.end <= f.start && f.start - prev.end < 16;
    if (p.toll === 'whole') {
      if (partIsPrev) out.splice(--j, 1);
    } else if (partIsPrev) out.splice(j--, 1);
    else out[j] = { ...f, ...(p.partSpan ?? {}), value: p.value, high: undefined };
  }
  // "Five members of Hamas and a member of … were killed": coordinated counts of one role add up
  // when the quantities stage has not composed them already — not across another incident's noun
  // ("the attack … that killed 10 and another shooting … that left 19 … dead").
  const merged: EventFigure[] = [];
  for (const f of out) {
    const last = merged[merged.length - 1];
    if (last && last.kind === f.kind && (f.kind === 'killed' || f.kind === 'injured') && /^[^.;]{0,80}\band\b[^.;]{0,80}$/.test(text.slice(last.end, f.start)) && !/\b(killed|injured|wounded|dead|died|shooting|attack|bombing|crash|left)\b/.test(text.slice(last.end, f.start))) {
      merged[merged.length - 1] = { ...last, end: f.end, value: last.value + f.value, high: undefined, hedge: last.hedge ?? f.hedge };
      continue;
    }
    merged.push(f);
  }
  // After the coordinated counts are added up: their sum is one event's toll too.
  capSingleEventTolls(merged);
  return merged;
}

/** The toll refiners of figures.ts, in order: address, a year, lumped outcomes, the outcome word's role, running totals. */
export function refineToll(view: SentenceView, q: Quantity, kind: 'killed' | 'injured', text: string): string | null {
  if (isAddress(view.toks, q.start, q.end, q.unit) || countsAttackers(view.toks, q.start, q.end)) return null;
  if (isYearAsCount(text.slice(q.start, q.end))) return null;
  if (lumped(text, view.toks, q.end) || speculative(view.toks, q.start, q.end)) return null;
  const role = roleByWords(view.toks, q.start, q.end) ?? kind;
  return isCumulative(text.slice(view.span.start, view.span.end), view.toks) ? `cumulative_${role}` : role;
}

export const WEAPON_WINDOW = 12;

/** The weapon words of the sentence, or of the words around the trigger when `around` is given. */
export function weaponsOf(view: SentenceView, figures: EventFigure[], around?: number): Set<Weapon> {
  const out = new Set<Weapon>();
  const toks = view.toks;
  const from = around === undefined ? 0 : Math.max(0, around - WEAPON_WINDOW);
  const to = around === undefined ? toks.length : Math.min(toks.length, around + WEAPON_WINDOW + 1);
  for (let k = from; k < to; k++) {
    const w = weaponOf(toks[k].lower);
    if (w === 'aircraft' && toks[k].lower === 'air' && NOT_AIRCRAFT_AFTER.has(toks[k + 1]?.lower ?? '')) continue;
    // "tear gas shells", "gas canisters": riot control, not artillery.
    if (toks[k - 1]?.lower === 'gas' || toks[k - 1]?.lower === 'teargas') continue;
    // "heavy machine guns", "PK machine guns", "machineguns": crew-served, coded with artillery.
    if ((w === 'firearm' && (toks[k - 1]?.lower === 'heavy' || toks[k - 1]?.lower === 'machine')) || toks[k].lower.startsWith('machinegun')) {
      out.add('artillery');
      continue;
    }
    if (w) out.add(w);
  }
  for (const f of figures) {
    const w = f.unit ? weaponOf(f.unit.toLowerCase().split(/\s+/).pop() ?? '') : undefined;
    if (w) out.add(w);
  }
  return out;
}
