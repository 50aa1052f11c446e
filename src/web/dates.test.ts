// Unit tests for the browser's date helpers (src/web/public/js/dates.js), run in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { packagePath } from '../core/paths.js';

interface DatesModule {
  monthRange(month: unknown): { from: string; to: string } | null;
  humanTime(value: unknown): string;
  humanizeText(text: unknown): string;
}
const dates = (await import(pathToFileURL(packagePath('src', 'web', 'public', 'js', 'dates.js')).href)) as DatesModule;

test('monthRange: the month facet ends on the real last day, never the 31st of a short month', () => {
  assert.deepEqual(dates.monthRange('2011-02'), { from: '2011-02-01', to: '2011-02-28' });
  assert.deepEqual(dates.monthRange('2012-02'), { from: '2012-02-01', to: '2012-02-29' });
  assert.deepEqual(dates.monthRange('2025-04'), { from: '2025-04-01', to: '2025-04-30' });
  assert.deepEqual(dates.monthRange('2025-12'), { from: '2025-12-01', to: '2025-12-31' });
  for (let m = 1; m <= 12; m++) {
    const { to } = dates.monthRange(`2023-${String(m).padStart(2, '0')}`)!;
    assert.equal(new Date(`${to}T00:00:00Z`).toISOString().slice(0, 10), to, to);
  }
  for (const bad of ['2011-13', '2011-00', '2011', 'Feb 2011', null]) assert.equal(dates.monthRange(bad), null, String(bad));
});

test('humanTime: TIMEX parts of day, seasons, quarters, weeks and decades read as words', () => {
  assert.equal(dates.humanTime('2025-11-18TNI'), '18 Nov 2025, night');
  assert.equal(dates.humanTime('2025-11-18TMO'), '18 Nov 2025, morning');
  assert.equal(dates.humanTime('1978-FA'), 'autumn 1978');
  assert.equal(dates.humanTime('2020-WI'), 'winter 2020');
  assert.equal(dates.humanTime('2025-11-03'), '3 Nov 2025');
  assert.equal(dates.humanTime('2025-11-03T14:05'), '3 Nov 2025, 14:05');
  assert.equal(dates.humanTime('2025-11'), 'Nov 2025');
  assert.equal(dates.humanTime('2025-Q3'), 'Q3 2025');
  assert.equal(dates.humanTime('2025-W47-WE'), 'weekend of week 47, 2025');
  assert.equal(dates.humanTime('197'), 'the 1970s');
  assert.equal(dates.humanTime('P3D'), '3 days');
  assert.equal(dates.humanTime('PT1M'), '1 minute');
  assert.equal(dates.humanTime('PRESENT_REF'), 'now');
  assert.equal(dates.humanTime('2024-11-26/2025-11-27'), '26 Nov 2024 – 27 Nov 2025');
});

test('humanTime: a value it does not know is shown unchanged, never guessed', () => {
  for (const v of ['XXXX-XX-XX', '2025-13', '2025-11-18TXX', 'undated', '']) assert.equal(dates.humanTime(v), v);
});

test('humanizeText: TIMEX values inside stored summaries read as words; other numbers stay', () => {
  assert.equal(dates.humanizeText('Air/drone strike in Ajdabiya on 2011-03-26 (reported).'), 'Air/drone strike in Ajdabiya on 26 Mar 2011 (reported).');
  assert.equal(dates.humanizeText('Strike on 2025-11-18TNI: 3 killed'), 'Strike on 18 Nov 2025, night: 3 killed');
  assert.equal(dates.humanizeText('Talks in 1978-FA and 2025-W36'), 'Talks in autumn 1978 and week 36, 2025');
  assert.equal(dates.humanizeText('476 drones, 48 missiles'), '476 drones, 48 missiles');
});
