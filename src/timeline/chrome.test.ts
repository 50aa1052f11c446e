import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPageChrome } from './chrome.js';

test('captions with a photo credit and newsletter prompts are page chrome', () => {
  for (const s of [
    'Maria Lopez/Getty Images Homes are flooded in a coastal town on Thursday.',
    'Rescuers carry a woman through the water. (AP Photo/John Smith)',
    'Sam Green/The Daily Courier Volunteers fill sandbags on Main Street.',
    'Ana Ruiz/Bloomberg via Getty Images Traders watch the screens.',
    'Photo: a flooded street in the town centre.',
    '(You can get “5 Things You Need to Know Today” delivered to your inbox daily.',
    'Sign up for our morning briefing to get the news first.',
  ]) assert.ok(isPageChrome(s), s);
});

test('prose with slashes, agencies and inboxes is not chrome', () => {
  for (const s of [
    'The storm made landfall on Wednesday with winds of 150 mph/240 kph, the National Hurricane Center said.',
    'Reuters reported on Tuesday that the talks had failed.',
    'The senator told AP that she would vote against the bill.',
    'Officials said the 24/7 shelter would stay open through Friday.',
    'Voters found the ballots in their inboxes after the county sent them by email.',
  ]) assert.ok(!isPageChrome(s), s);
});
