import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package root (where package.json lives), from either `src/` or compiled `dist/`. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function packagePath(...segments: string[]): string {
  return join(PACKAGE_ROOT, ...segments);
}

/** `../shared` beside the checkout: research-licensed data read in place, never copied. */
export function sharedPath(...segments: string[]): string {
  return join(PACKAGE_ROOT, '..', 'shared', ...segments);
}
