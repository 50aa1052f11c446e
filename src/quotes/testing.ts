/**
 * Builds entity and mention layers from a list of names, for tests and for running quotes without the
 * entities stage: every whole-word occurrence of a name or alias becomes a mention of that entity.
 * Plain data, no model; the entities stage produces the same shapes.
 */
import type { Entity, EntityType, Mention } from '../core/layers.js';

export interface EntitySpec {
  name: string;
  type: EntityType;
  /** Other surfaces of the same entity ("Peskov", "the Kremlin spokesperson"). */
  aliases?: string[];
  owner?: string;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function entityLayers(text: string, specs: readonly EntitySpec[]): { entities: Entity[]; mentions: Mention[] } {
  const entities: Entity[] = [];
  const mentions: Mention[] = [];
  const taken: Array<[number, number]> = [];
  // longer surfaces first, so "Dmitry Peskov" wins over "Peskov"
  const surfaces = specs
    .flatMap((spec, index) => [spec.name, ...(spec.aliases ?? [])].map((surface) => ({ surface, index })))
    .sort((a, b) => b.surface.length - a.surface.length);
  const spans: Span2[][] = specs.map(() => []);
  for (const { surface, index } of surfaces) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(surface)}(?![\\p{L}\\p{N}])`, 'gu');
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + surface.length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      spans[index].push({ start, end, surface, kind: surface === specs[index].name ? 'name' : surface.split(/\s+/).length === 1 ? 'surname' : 'alias' });
    }
  }
  specs.forEach((spec, index) => {
    const own = spans[index].sort((a, b) => a.start - b.start);
    const first = own[0] ?? { start: 0, end: 0 };
    const entity: Entity = {
      id: `e${index}`,
      start: first.start,
      end: first.end,
      name: spec.name,
      type: spec.type,
      mentions: own.map((s) => ({ start: s.start, end: s.end })),
      roles: [],
      key: spec.name.toLowerCase(),
      confidence: 1,
    };
    if (spec.owner) entity.owner = spec.owner;
    entities.push(entity);
    for (const s of own) mentions.push({ start: s.start, end: s.end, text: s.surface, entity: index, kind: s.kind });
  });
  mentions.sort((a, b) => a.start - b.start);
  return { entities, mentions };
}

interface Span2 {
  start: number;
  end: number;
  surface: string;
  kind: Mention['kind'];
}
