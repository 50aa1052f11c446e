/**
 * What filing one article into events and stories costs in SQL statements: the stories indexer runs
 * over a connection that counts the statements it executes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { ingest } from '../api/dateline.js';
import { openStore, type SqliteIndexer } from '../store/sqlite.js';
import { storiesIndexer } from './store.js';

type DB = Database.Database;

/** A view of `db` whose statements count each execution. */
function counting(db: DB, tally: { statements: number }): DB {
  const wrap = (s: Database.Statement): Database.Statement => {
    const proxy: Database.Statement = new Proxy(s, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'run' || prop === 'get' || prop === 'all' || prop === 'iterate') {
          return (...args: unknown[]) => {
            tally.statements++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        // pluck/raw/expand return the statement itself: keep counting through the chain.
        return (...args: unknown[]) => {
          const out = (value as (...a: unknown[]) => unknown).apply(target, args);
          return out === target ? proxy : out;
        };
      },
    });
    return proxy;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => wrap(target.prepare(sql));
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Statements per filed article (events merged, story chosen and updated), whatever the article's length. */
const MAX_STATEMENTS_PER_ARTICLE = 30;

const REPORTS = [
  'Russian drones struck a power plant in Rivne overnight, killing three workers, the regional governor Oleksandr Koval said on Thursday. Firefighters put out the blaze by morning and engineers began repairs to the transformer station.',
  'Four people were killed when drones hit a power plant in Rivne on Thursday, emergency services said. The energy ministry said power to the city would be restored within two days.',
  'The central bank raised its key interest rate by half a point on Friday, saying inflation remained well above its target. Economists had expected the increase after prices rose for a third month.',
  'Talks between the two delegations in Geneva ended on Saturday without agreement on prisoner exchanges, the foreign ministry said, adding that the negotiators would meet again next month.',
];

test('filing an article into merged events and stories takes a handful of SQL statements, not one per term', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-statements-'));
  try {
    const file = join(dir, 'wire.jsonl');
    writeFileSync(file, REPORTS.map((text, i) => JSON.stringify({ title: `Report ${i}`, date: '2025-11-20', text })).join('\n'));
    const tally = { statements: 0, articles: 0 };
    const stories = storiesIndexer();
    let view: DB | null = null;
    const measured: SqliteIndexer = {
      name: 'stories',
      index(db, inserted) {
        view ??= counting(db, tally);
        tally.articles += inserted.length;
        return stories.index(view, inserted);
      },
    };
    const store = openStore(join(dir, 'db.sqlite'), { indexers: [measured] });
    try {
      await ingest(store, [file]);
      assert.equal(tally.articles, REPORTS.length);
      assert.equal(store.queries.stories(10).reduce((n, s) => n + s.articles, 0), REPORTS.length, 'every article filed');
    } finally {
      store.close();
    }
    const perArticle = tally.statements / tally.articles;
    // A statement per term would be 50 here and hundreds for a long article; per article it is a handful.
    assert.ok(perArticle < MAX_STATEMENTS_PER_ARTICLE, `${perArticle.toFixed(1)} statements per article`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
