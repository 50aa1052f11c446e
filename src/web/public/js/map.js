// An offline world map: country outlines from world-atlas (Natural Earth, public domain) decoded with
// topojson-client (served from /vendor), drawn in the Equal Earth projection as SVG; events as points
// sized by fatalities and coloured by type; borders between states and provinces (Natural Earth admin-1,
// /static/data/admin1-lines.json) once zoomed in. No tiles, no network beyond this server.
import { html, mount, raw } from './escape.js';
import { colourOf } from './palette.js';
import { humanizeText, humanTime } from './dates.js';

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

let borders = null;

/**
 * SVG path data for the borders between first-level divisions: lines of [lon, lat, dlon, dlat, …] in
 * hundredths of a degree (src/web/public/data/admin1-lines.json); a line is broken where it crosses the
 * antimeridian.
 */
export function linesToPath(lines) {
  let d = '';
  for (const line of lines) {
    let lon = 0;
    let lat = 0;
    let prev = null;
    for (let i = 0; i + 1 < line.length; i += 2) {
      lon += line[i];
      lat += line[i + 1];
      const [x, y] = project(lon / 100, lat / 100);
      d += `${prev === null || Math.abs(lon - prev) > 18000 ? 'M' : 'L'}${x.toFixed(2)},${y.toFixed(2)}`;
      prev = lon;
    }
  }
  return d;
}

/** Borders of states and provinces (Natural Earth admin-1) as one path string (cached); empty when unavailable. */
export async function admin1Path() {
  if (borders !== null) return borders;
  try {
    const response = await fetch('/static/data/admin1-lines.json');
    if (!response.ok) throw new Error('no admin1 borders');
    borders = linesToPath((await response.json()).lines);
  } catch {
    borders = '';
  }
  return borders;
}

/** Draws the admin1 borders into a mounted map, under the events (they show once zoomed in: see setView). */
async function drawBorders(figure) {
  const d = await admin1Path();
  const svg = figure.querySelector('svg');
  if (!d || !svg || svg.querySelector('path.admin1')) return;
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('class', 'admin1');
  path.setAttribute('d', d);
  svg.insertBefore(path, svg.querySelector('.points'));
}

/** One distinct colour per event type (palette.js), the same as the events chart's. */
export function typeColour(_types, type) {
  return colourOf(type);
}

const maps = new Map();
let nextMap = 0;

/** How exactly a place is known, in words (city vs region vs country). */
export function precisionWords(p) {
  return p.precision === 'city' || p.precision === 'point' ? 'town' : p.precision === 'area' ? 'area' : p.precision;
}

/**
 * The map as safe markup: outline, sea, and the events (drawn by `activateMaps` once mounted, clustered
 * for the zoom). Options: `label`; `focus` (zoom to the single event's place at a scale its precision
 * allows); `legendLink(type)` (a legend entry that filters by type).
 */
export function mapSvg(path, rows, { label = 'Map of events', focus = false, legendLink = null, view = null } = {}) {
  const placed = rows.filter((r) => r.event.place && Number.isFinite(r.event.place.lat) && Number.isFinite(r.event.place.lon));
  const id = `map-${nextMap++}`;
  // `view` ("x,y,w" of the viewBox, from the URL) makes the map a permalink: pan and zoom write it back.
  maps.set(id, { rows: placed, focus, view });
  const types = [...new Set(placed.map((r) => eventType(r.event)))];
  const swatch = (t) => html`<svg class="swatch" width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="6" fill="${typeColour(types, t)}"></rect></svg>`;
  const legend = types.map((t) => html`<li>${legendLink ? html`<a href="${legendLink(t)}" class="legend-link" title="Show only ${t}">${swatch(t)}${t}</a>` : html`${swatch(t)}${t}`}</li>`);
  return html`<figure class="map" id="${id}">
    <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="application" aria-label="${label}. Wheel or + and − to zoom, drag or arrow keys to pan, 0 to reset." tabindex="0">
      <path class="sphere" d="${raw(spherePath())}"></path>
      <path class="land" d="${path}"></path>
      <g class="points"></g>
    </svg>
    <figcaption><ul class="legend">${legend}</ul><span class="muted">${placed.length} events with coordinates · circle area grows with fatalities · numbered circles are clusters (click to zoom) · <button type="button" class="link map-reset">reset view</button></span></figcaption>
  </figure>`;
}

/** Clusters of events for a zoom `k`: grid cells of about `cell` screen pixels, in SVG units. */
export function clusterPoints(points, k, cell = 28) {
  const size = cell / k;
  const cells = new Map();
  for (const p of points) {
    const key = `${Math.floor(p.x / size)}:${Math.floor(p.y / size)}`;
    const c = cells.get(key);
    if (c) c.members.push(p);
    else cells.set(key, { members: [p] });
  }
  return [...cells.values()].map(({ members }) => ({
    x: members.reduce((a, p) => a + p.x, 0) / members.length,
    y: members.reduce((a, p) => a + p.y, 0) / members.length,
    members,
  }));
}

const ZOOM = { city: 24, point: 24, area: 10, region: 8, country: 3 };
const ADMIN1_ZOOM = 2.5;

function drawPoints(figure, state) {
  const { rows } = maps.get(figure.id);
  const points = rows.map((r) => {
    const [x, y] = project(r.event.place.lon, r.event.place.lat);
    return { x, y, r };
  });
  const types = [...new Set(rows.map((r) => eventType(r.event)))];
  const k = WIDTH / state.w;
  const marks = clusterPoints(points, k).map((c) => {
    if (c.members.length === 1) {
      const { r } = c.members[0];
      const killed = r.event.killed?.value ?? 0;
      const radius = (4 + Math.min(14, Math.sqrt(killed) * 2)) / k;
      const type = eventType(r.event);
      const tip = `${humanizeText(r.event.summary) || type} · ${r.event.place.name} (${precisionWords(r.event.place)})${r.event.date ? ` · ${humanTime(r.event.date.value)}` : ''}${killed ? ` · ${killed} killed` : ''}`;
      return html`<a href="#/event/${encodeURIComponent(r.articleId)}/${encodeURIComponent(r.event.id)}" class="map-point" aria-label="${tip}"><circle cx="${c.x.toFixed(2)}" cy="${c.y.toFixed(2)}" r="${radius.toFixed(2)}" fill="${typeColour(types, type)}"><title>${tip}</title></circle></a>`;
    }
    const n = c.members.length;
    const radius = (9 + Math.min(12, Math.sqrt(n) * 2)) / k;
    return html`<g class="cluster" tabindex="0" role="button" data-x="${c.x.toFixed(2)}" data-y="${c.y.toFixed(2)}" aria-label="${n} events here; zoom in"><circle cx="${c.x.toFixed(2)}" cy="${c.y.toFixed(2)}" r="${radius.toFixed(2)}"><title>${n} events: click to zoom in</title></circle><text x="${c.x.toFixed(2)}" y="${c.y.toFixed(2)}" dy="0.35em" text-anchor="middle" font-size="${(11 / k).toFixed(2)}">${n}</text></g>`;
  });
  mount(figure.querySelector('.points'), html`${marks}`);
}

function setView(figure, state) {
  const min = WIDTH / 64;
  state.w = Math.max(min, Math.min(WIDTH, state.w));
  state.h = (state.w * HEIGHT) / WIDTH;
  state.x = Math.max(-state.w / 2, Math.min(WIDTH - state.w / 2, state.x));
  state.y = Math.max(-state.h / 2, Math.min(HEIGHT - state.h / 2, state.y));
  figure.querySelector('svg').setAttribute('viewBox', `${state.x.toFixed(2)} ${state.y.toFixed(2)} ${state.w.toFixed(2)} ${state.h.toFixed(2)}`);
  drawPoints(figure, state);
  figure.dataset.zoom = (WIDTH / state.w).toFixed(2);
  // State and province borders only from 2.5× on: at world zoom they would bury the countries.
  figure.classList.toggle('zoomed', WIDTH / state.w >= ADMIN1_ZOOM);
  if (maps.get(figure.id)?.view !== null) writeView(state);
}

/** The map's view into the URL (replacing the entry: panning is not a history step). */
function writeView(state) {
  const h = location.hash;
  const q = h.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : h.slice(q + 1));
  const home = state.w >= WIDTH && state.x === 0 && state.y === 0;
  if (home) params.delete('view');
  else params.set('view', `${state.x.toFixed(1)},${state.y.toFixed(1)},${state.w.toFixed(1)}`);
  const qs = params.toString();
  window.history.replaceState(window.history.state, '', `${q < 0 ? h : h.slice(0, q)}${qs ? `?${qs}` : ''}`);
}

/** Zoom by `factor` around the SVG point (cx, cy). */
function zoomAt(figure, state, factor, cx, cy) {
  const w = state.w / factor;
  const h = (w * HEIGHT) / WIDTH;
  state.x = cx - ((cx - state.x) * w) / state.w;
  state.y = cy - ((cy - state.y) * h) / state.h;
  state.w = w;
  setView(figure, state);
}

/** Wires pan (drag, arrows), zoom (wheel, + / −, cluster clicks) and reset (0) into every map under `root`. */
export function activateMaps(root) {
  for (const figure of root.querySelectorAll('figure.map[id]')) {
    const entry = maps.get(figure.id);
    if (!entry || figure.dataset.active) continue;
    figure.dataset.active = '1';
    const svg = figure.querySelector('svg');
    const state = { x: 0, y: 0, w: WIDTH, h: HEIGHT };
    const home = { ...state };
    const saved = /^(-?[\d.]+),(-?[\d.]+),([\d.]+)$/.exec(entry.view ?? '');
    if (saved) {
      state.x = Number(saved[1]);
      state.y = Number(saved[2]);
      state.w = Number(saved[3]);
    } else if (entry.focus && entry.rows.length === 1) {
      const p = entry.rows[0].event.place;
      const [x, y] = project(p.lon, p.lat);
      state.w = WIDTH / (ZOOM[p.precision] ?? 3);
      state.h = (state.w * HEIGHT) / WIDTH;
      state.x = x - state.w / 2;
      state.y = y - state.h / 2;
    }
    setView(figure, state);
    drawBorders(figure);
    const toSvg = (ev) => {
      const box = svg.getBoundingClientRect();
      return [state.x + ((ev.clientX - box.left) / box.width) * state.w, state.y + ((ev.clientY - box.top) / box.height) * state.h];
    };
    svg.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const [cx, cy] = toSvg(ev);
      zoomAt(figure, state, ev.deltaY < 0 ? 1.25 : 0.8, cx, cy);
    }, { passive: false });
    let drag = null;
    svg.addEventListener('pointerdown', (ev) => {
      if (ev.target.closest('a, .cluster')) return;
      drag = { x: ev.clientX, y: ev.clientY, sx: state.x, sy: state.y, moved: false };
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener('pointermove', (ev) => {
      if (!drag) return;
      const box = svg.getBoundingClientRect();
      const dx = ((ev.clientX - drag.x) / box.width) * state.w;
      const dy = ((ev.clientY - drag.y) / box.height) * state.h;
      if (Math.abs(dx) + Math.abs(dy) > 0) drag.moved = true;
      state.x = drag.sx - dx;
      state.y = drag.sy - dy;
      setView(figure, state);
    });
    const end = () => {
      drag = null;
    };
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointercancel', end);
    const zoomCluster = (g) => zoomAt(figure, state, 3, Number(g.dataset.x), Number(g.dataset.y));
    svg.addEventListener('click', (ev) => {
      const g = ev.target.closest('.cluster');
      if (g) zoomCluster(g);
    });
    svg.addEventListener('keydown', (ev) => {
      const g = ev.target.closest?.('.cluster');
      if (g && (ev.key === 'Enter' || ev.key === ' ')) {
        ev.preventDefault();
        zoomCluster(g);
        return;
      }
      const step = state.w / 8;
      const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      if (moves[ev.key]) {
        state.x += moves[ev.key][0];
        state.y += moves[ev.key][1];
        setView(figure, state);
      } else if (ev.key === '+' || ev.key === '=') zoomAt(figure, state, 1.5, state.x + state.w / 2, state.y + state.h / 2);
      else if (ev.key === '-' || ev.key === '_') zoomAt(figure, state, 1 / 1.5, state.x + state.w / 2, state.y + state.h / 2);
      else if (ev.key === '0') {
        Object.assign(state, home);
        setView(figure, state);
      } else return;
      ev.preventDefault();
    });
    figure.querySelector('.map-reset')?.addEventListener('click', () => {
      Object.assign(state, home);
      setView(figure, state);
    });
  }
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
