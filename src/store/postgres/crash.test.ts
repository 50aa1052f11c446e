import { test } from 'node:test';
import { crashTrials } from '../crash-trials.js';
import { giantCrashTrial } from '../crash-giant.js';
import { requirePostgres } from './test-server.js';

const server = requirePostgres('postgres crash trials');
if (server) {
  crashTrials('postgres', () => server.freshDatabase());
  giantCrashTrial('postgres', () => server.freshDatabase());
} else test('postgres crash trials (skipped: no PostgreSQL here)', { skip: true }, () => {});
