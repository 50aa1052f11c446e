// An offline world map: country outlines from world-atlas (Natural Earth, public domain) decoded with
// topojson-client (served from /vendor), drawn in the Equal Earth projection as SVG; events as points
// sized by fatalities and coloured by type. No tiles, no network beyond this server.
import { html, raw } from './escape.js';
import { colourOf } from './palette.js';

const A1 = 1.340264;
const A2 = -0.081106;
const A3 = 0.000893;
const A4 = 0.003796;
const M = Math.sqrt(3) / 2;
export const WIDTH = 960;
export const HEIGHT = 468;
const SCALE = WIDTH / (2 * 2.7066);

/** Equal Earth projection into the SVG's pixel space. */
export function project(lon, lat) {
  const l = (lon * Math.PI) / 180;
  const p = (Math.max(-90, Math.min(90, lat)) * Math.PI) / 180;
  const th = Math.asin(M * Math.sin(p));
  const t2 = th * th;
  const t6 = t2 * t2 * t2;
  const x = (l * Math.cos(th)) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
  const y = th * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
  return [WIDTH / 2 + x * SCALE, HEIGHT / 2 - y * SCALE];
}

/** SVG path data for GeoJSON polygon rings; a ring is broken where it crosses the antimeridian. */
export function ringsToPath(rings) {
  let d = '';
  for (const ring of rings) {
    let prev = null;
    for (const [lon, lat] of ring) {
      const [x, y] = project(lon, lat);
      d += `${prev === null || Math.abs(lon - prev) > 180 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
      prev = lon;
    }
    d += 'Z';
  }
  return d;
}

let outline = null;

/** Country outlines as one path string (cached); empty when the vendor files are unavailable. */
export async function worldPath() {
  if (outline !== null) return outline;
  const topo = globalThis.topojson;
  try {
    const response = await fetch('/vendor/countries-110m.json');
    if (!topo || !response.ok) throw new Error('no world outline');
    const world = await response.json();
    const features = topo.feature(world, world.objects.countries).features;
    outline = features
      .map((f) => {
        const g = f.geometry;
        if (!g) return '';
        const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
        return polygons.map(ringsToPath).join('');
      })
      .join('');
  } catch {
    outline = '';
  }
  return outline;
}

/** One distinct colour per event type (palette.js), the same as the events chart's. */
export function typeColour(_types, type) {
  return colourOf(type);
}

/** The map as safe markup: outline, graticule-free sea, one focusable link per event. */
export function mapSvg(path, rows, { label = 'Map of events' } = {}) {
  const types = [...new Set(rows.map((r) => eventType(r.event)))];
  const points = rows
    .filter((r) => r.event.place && Number.isFinite(r.event.place.lat) && Number.isFinite(r.event.place.lon))
    .map((r) => {
      const [x, y] = project(r.event.place.lon, r.event.place.lat);
      const killed = r.event.killed?.value ?? 0;
      const radius = 4 + Math.min(14, Math.sqrt(killed) * 2);
      const type = eventType(r.event);
      const tip = `${r.event.summary || type} · ${r.event.place.name}${r.event.date ? ` · ${r.event.date.value}` : ''}${killed ? ` · ${killed} killed` : ''}`;
      return html`<a href="#/event/${encodeURIComponent(r.articleId)}/${encodeURIComponent(r.event.id)}" class="map-point" aria-label="${tip}"><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${radius.toFixed(1)}" fill="${typeColour(types, type)}"><title>${tip}</title></circle></a>`;
    });
  const legend = types.map((t) => html`<li><svg class="swatch" width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="6" fill="${typeColour(types, t)}"></rect></svg>${t}</li>`);
  return html`<figure class="map">
    <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}">
      <path class="sphere" d="${raw(spherePath())}"></path>
      <path class="land" d="${path}"></path>
      ${points}
    </svg>
    <figcaption><ul class="legend">${legend}</ul><span class="muted">${points.length} events with coordinates · circle area grows with fatalities</span></figcaption>
  </figure>`;
}

export function eventType(e) {
  return e.acled?.eventType ?? e.plover?.type ?? 'event';
}

function spherePath() {
  const edge = [];
  for (let lat = -90; lat <= 90; lat += 5) edge.push(project(-180, lat));
  for (let lat = 90; lat >= -90; lat -= 5) edge.push(project(180, lat));
  return `M${edge.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}Z`;
}
