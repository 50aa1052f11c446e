/**
 * Static files for the web UI: the files under src/web/public, plus a fixed allow-list of vendor files
 * from node_modules (the world outline and its decoder). A request path is decoded segment by segment
 * and refused when any segment could climb out (`..`, `.`, a slash or backslash after decoding, NUL,
 * dot-files); the resolved path must still lie under the root. Unknown extensions are refused.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { packagePath } from '../core/paths.js';

export const WEB_ROOT = packagePath('src', 'web', 'public');

/** URL path under /vendor/ → file in node_modules. Nothing else in node_modules is reachable. */
export const VENDOR_FILES: Record<string, string> = {
  'topojson-client.min.js': packagePath('node_modules', 'topojson-client', 'dist', 'topojson-client.min.js'),
  'countries-110m.json': packagePath('node_modules', 'world-atlas', 'countries-110m.json'),
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  type: string;
}

function typeOf(path: string): string | null {
  const m = /\.[a-z0-9]+$/i.exec(path);
  return m ? (TYPES[m[0].toLowerCase()] ?? null) : null;
}

/** Decodes a relative URL path into safe segments, or null when any segment is unsafe. */
export function safeSegments(relative: string): string[] | null {
  if (relative.length === 0 || relative.length > 512) return null;
  const segments: string[] = [];
  for (const raw of relative.split('/')) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    // Decode twice-encoded input too: %252e%252e must not become '..' anywhere downstream.
    if (/%[0-9a-f]{2}/i.test(seg)) return null;
    if (seg === '' || seg === '.' || seg === '..' || seg.startsWith('.')) return null;
    if (/[/\\\0:]/.test(seg)) return null;
    segments.push(seg);
  }
  return segments;
}

/** Reads `relative` under `root`, or null when it is unsafe, absent or of an unknown type. */
export function readStatic(root: string, relative: string): StaticFile | null {
  const segments = safeSegments(relative);
  if (!segments) return null;
  const base = resolve(root);
  const full = resolve(join(base, ...segments));
  if (!full.startsWith(base + sep)) return null;
  const type = typeOf(full);
  if (!type) return null;
  try {
    if (!statSync(full).isFile()) return null;
    return { body: readFileSync(full), type };
  } catch {
    return null;
  }
}

export function readVendor(name: string): StaticFile | null {
  const path = Object.hasOwn(VENDOR_FILES, name) ? VENDOR_FILES[name] : undefined;
  if (!path) return null;
  try {
    return { body: readFileSync(path), type: typeOf(path) ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
