/**
 * The one-line summary of an event ("Russia air/drone strike in Ternopil on 19 November 2025: at
 * least 20 killed, according to …") and the claimant as a reader can take it.
 */
import { humanTime } from '../cli/timex-words.js';
import type { Entity, EventArgument, EventRecord } from '../core/layers.js';
import { isToll } from './figures.js';
import { type EventClass, VIOLENT } from './lexicon.js';

export const LABEL: Partial<Record<string, string>> = {
  'Air/drone strike': 'air/drone strike',
  'Shelling/artillery/missile attack': 'missile/artillery attack',
  'Disrupted weapons use': 'interception',
};

export const KIND_LABEL: Record<string, string> = { crime: 'crime', accident: 'accident', disaster: 'disaster' };

export function tollText(e: Omit<EventRecord, 'summary' | 'id'>): string {
  const toll: string[] = [];
  if (e.killed) toll.push(`${e.killed.hedge === 'at_least' || e.killed.hedge === 'more_than' ? 'at least ' : ''}${e.killed.value} killed`);
  if (e.injured) toll.push(`${e.injured.hedge === 'at_least' || e.injured.hedge === 'more_than' ? 'at least ' : ''}${e.injured.value} injured`);
  return toll.length ? `: ${toll.join(', ')}` : '';
}

/**
 * Who an event's figures are "according to", as a reader can take it: a pronoun claimant ("she") is
 * written as the entity it refers to, or left out when it refers to none; any other claimant as written.
 */
export function claimantWords(c: EventRecord['claimant'], entities: readonly Entity[] = []): string | null {
  if (!c) return null;
  if (c.kind !== 'pronoun') return c.text;
  return (c.entity && entities.find((x) => x.id === c.entity)?.name) || null;
}

export function summarize(e: Omit<EventRecord, 'summary' | 'id'>, cls: EventClass, entities: readonly Entity[] = []): string {
  const names = (args: EventArgument[]): string => {
    const list = args.map((a) => a.name ?? a.text);
    return list.length <= 2 ? list.join(' and ') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
  };
  const who = names(e.actors);
  const whom = names(e.targets);
  const where = e.place ? ` in ${e.place.name}` : '';
  const when = e.date ? ` ${/^\d{4}-\d{2}-\d{2}/.test(e.date.value) ? 'on' : 'in'} ${humanTime(e.date.value)}${e.date.how === 'implied' ? ' (reported)' : ''}` : '';
  const claimant = claimantWords(e.claimant, entities);
  const per = claimant ? `, according to ${claimant}` : '';
  let body: string;
  if (e.kind && e.kind !== 'conflict') {
    body = `${KIND_LABEL[e.kind]}${where}${when}${tollText(e)}`;
  } else if (e.acled && (VIOLENT.has(cls) || cls === 'intercept')) {
    const label = LABEL[e.acled.subEventType] ?? e.acled.subEventType.toLowerCase();
    if (cls === 'intercept') {
      const counts = (e.figures ?? []).filter((f) => !isToll(f.kind)).map((f) => `${f.value} ${f.unit ?? ''}`.trim());
      body = `${who ? `${who}: ` : ''}interception${counts.length ? ` of ${counts.join(' and ')}` : ''}${where}${when}`;
    } else {
      body = `${who ? `${who} ` : ''}${label}${whom ? ` against ${whom}` : ''}${where}${when}`;
      body += tollText(e);
    }
  } else if (cls === 'consult') {
    body = `${who || 'Officials'} ${e.status === 'planned' ? 'to meet' : 'met'}${whom ? ` ${whom}` : ''}${where}${when}`;
  } else {
    body = `${who || 'Unnamed actor'} ${e.trigger.text}${whom ? ` ${whom}` : ''}${where}${when}`;
  }
  body = body.charAt(0).toUpperCase() + body.slice(1);
  return `${body}${per}.`;
}
