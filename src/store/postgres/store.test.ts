import { test } from 'node:test';
import { storeConformance } from '../conformance.js';
import { queriesConformance } from '../queries-conformance.js';
import { sequenceConformance } from '../conformance-sequences.js';
import { deferredConformance } from '../conformance-deferred.js';
import { openPgStore } from './store.js';
import { requirePostgres } from './test-server.js';

const server = requirePostgres('postgres store');
if (server) {
  storeConformance('postgres', () => openPgStore(server.freshDatabase()));
  queriesConformance('postgres', () => openPgStore(server.freshDatabase()));
  sequenceConformance('postgres', () => openPgStore(server.freshDatabase()));
  deferredConformance('postgres', () => openPgStore(server.freshDatabase()));
} else {
  test('postgres store (skipped: no PostgreSQL here)', { skip: true }, () => {});
}
