/**
 * TIMEX values in words for terminal output ("2025-11-18TNI" → "18 Nov 2025, night"). One implementation
 * serves the CLI and the browser: the web UI's plain ES module, loaded from the package.
 */
import { pathToFileURL } from 'node:url';
import { packagePath } from '../core/paths.js';

interface DatesModule {
  humanTime(value: string): string;
}

const dates = (await import(pathToFileURL(packagePath('src', 'web', 'public', 'js', 'dates.js')).href)) as DatesModule;

export const humanTime: (value: string) => string = dates.humanTime;
