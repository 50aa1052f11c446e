import { readFileSync } from 'node:fs';

/** The rows of a gold JSONL file kept in the repository (one JSON object per non-blank line). */
export function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}
