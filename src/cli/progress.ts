/**
 * The ingest progress line on a terminal: a bar, files and bytes done of the totals counted first,
 * articles per second, and the time left. JSONL files advance by bytes within the file; the fraction
 * done is by bytes when the totals know any (stdin alone: by files, else no bar).
 */
import type { IngestProgress } from '../api/dateline.js';

const WIDTH = 24;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export function progressLine(p: Pick<IngestProgress, 'bytes' | 'files' | 'articles' | 'inserted' | 'errors'>, totals: { files: number; bytes: number }, elapsedMs: number): string {
  const fraction = totals.bytes > 0 ? Math.min(1, p.bytes / totals.bytes) : totals.files > 0 ? Math.min(1, p.files / totals.files) : null;
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? p.articles / seconds : 0;
  const parts: string[] = [];
  if (fraction !== null) {
    const filled = Math.round(fraction * WIDTH);
    parts.push(`[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.floor(fraction * 100)}%`);
  }
  parts.push(`${p.files}${totals.files ? ` / ${totals.files}` : ''} files`);
  if (totals.bytes > 0) parts.push(`${size(p.bytes)} / ${size(totals.bytes)}`);
  parts.push(`${p.articles} articles (${p.inserted} new)`);
  parts.push(`${rate.toFixed(rate < 10 ? 1 : 0)} articles/s`);
  if (fraction !== null && fraction > 0 && fraction < 1) parts.push(`ETA ${duration((seconds * (1 - fraction)) / fraction)}`);
  if (p.errors) parts.push(`${p.errors} errors`);
  return parts.join(' · ');
}
