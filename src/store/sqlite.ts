/**
 * The SQLite store (better-sqlite3 12.x; 13 crashes on Node 20): WAL, versioned migrations, one
 * transaction per batch, FTS5 over titles and text with BM25 and snippets, MinHash LSH for near-duplicates.
 */
import { countWords } from '../core/words.js';
import Database from 'better-sqlite3';
import type { Article } from '../core/article.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { DatelineError } from '../core/errors.js';
import { LAYER_NAMES, type LayerName, type Layers } from '../core/layers.js';
import { LAYER_TABLES, layerTable, storedColumns, tableName, type LayerTable } from './layer-tables.js';
import { decodeItem, decodePacked, encodeItem, encodePacked, encodeRaw } from './layer-codec.js';
import { compactLayersMigration } from './sqlite/compact-migration.js';
import { bandKeys, signature, similarity } from './minhash.js';
import { storiesMigration, storyIndexMigration } from '../stories/schema.js';
import { addEntityKeys, entityKeysMigration, flushEntityKeys } from './entity-keys.js';
import type { KeyTotals } from '../entities/crossdoc.js';
import { toFts5 } from './query/compile-fts5.js';
import { dayRange, ftsSnippets, parseSnippet, stmt, type DB } from './sqlite/sql.js';
import { SqliteQueries } from './sqlite/queries.js';
import type { ReadStore } from './queries.js';
import { forgetCentroids, storiesIndexer } from '../stories/store.js';
import type { ComponentVersion } from '../core/pipeline.js';
import { provenanceMigration, readProvenance, setId, staleIds } from './sqlite/provenance.js';
import { clearDerived, ingestBatches, markDerivedStale, isDerivedStale } from './sqlite/derived.js';
import { analyzedNow } from './store.js';
import type {
  AnalyzedInput,
  ArticleSummary,
  BatchIndexer,
  BatchInput,
  DateFilter,
  DiagnosticFilter,
  BatchOutcome,
  LayerQuery,
  LayerRow,
  Page,
  SearchHit,
  Store,
  StoredArticle,
  StoreStats,
  StaleQuery,
} from './store.js';

const NEAR_DUPLICATE_THRESHOLD = 0.7;
const MAX_NEAR_DUPLICATE_CANDIDATES = 64;
const MAX_PAGE = 10_000;
const SIGNATURE_CACHE = 2048;
const PAGE_SIZE = 8192;
/** The schema version whose migration compacts layers (store/sqlite/compact-migration.ts). */
const COMPACT_VERSION = 5;

/** Ordered migrations; the schema version is the number applied. Never edit one that has shipped. */
const MIGRATIONS: Array<(db: DB) => void> = [
  (db) => {
    db.exec(`
      CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL,
        format TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        raw TEXT,
        ingested_at TEXT NOT NULL
      );
      CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT,
        url TEXT,
        source TEXT,
        byline TEXT,
        language TEXT NOT NULL,
        published TEXT,
        published_day TEXT,
        published_source TEXT NOT NULL,
        published_confidence REAL NOT NULL,
        dateline TEXT,
        origin TEXT NOT NULL,
        normalizations TEXT NOT NULL,
        text TEXT NOT NULL,
        words INTEGER NOT NULL,
        near_duplicate_of TEXT,
        near_duplicate_similarity REAL,
        minhash BLOB NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX articles_published ON articles(published_day);
      CREATE TABLE article_sightings (
        article_id TEXT NOT NULL,
        source_id INTEGER NOT NULL REFERENCES sources(id),
        line INTEGER,
        record INTEGER,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX article_sightings_article ON article_sightings(article_id);
      CREATE TABLE minhash_bands (band INTEGER NOT NULL, key INTEGER NOT NULL, article_rowid INTEGER NOT NULL);
      CREATE INDEX minhash_bands_key ON minhash_bands(band, key);
      CREATE TABLE diagnostics (
        id INTEGER PRIMARY KEY,
        severity TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        file TEXT,
        line INTEGER,
        record INTEGER,
        component TEXT,
        article_id TEXT,
        created_at TEXT NOT NULL
      );
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid',
        tokenize='porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
      END;
    `);
  },
  // 2: merged events across sources, stories and their terms (src/stories/schema.ts).
  storiesMigration,
  // 3: term → story index for story candidates.
  storyIndexMigration,
  // 4: per-(type, key) entity totals for the cross-article entity list (store/entity-keys.ts).
  entityKeysMigration,
  // 5: layers and raw sources stored compactly (store/layer-codec.ts); packed layers gain `count`.
  compactLayersMigration,
  // 6: layer provenance (component name + version per article; store/sqlite/provenance.ts).
  provenanceMigration,
];

/** Whether every layer table, column and index exists already (a read: no write lock needed). */
function layerTablesCurrent(db: DB): boolean {
  const names = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')").pluck().all() as string[]);
  for (const layer of LAYER_NAMES) {
    const spec = layerTable(layer);
    const table = tableName(layer);
    if (!names.has(table)) return false;
    const existing = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((r) => r.name));
    for (const c of spec.columns ?? []) {
      if (!existing.has(c.name) || (c.index && !names.has(`${table}_${c.name}`))) return false;
    }
    if (spec.packed && !existing.has('count')) return false;
  }
  return true;
}

function ensureLayerTables(db: DB): void {
  for (const layer of LAYER_NAMES) {
    const spec = layerTable(layer);
    const table = tableName(layer);
    const columns = (spec.columns ?? []).map((c) => `, "${c.name}" ${c.type}`).join('');
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${table} (article_id TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER, "end" INTEGER, data TEXT NOT NULL${columns}, PRIMARY KEY (article_id, idx))`,
    );
    const existing = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((r) => r.name));
    for (const c of spec.columns ?? []) {
      if (!existing.has(c.name)) db.exec(`ALTER TABLE ${table} ADD COLUMN "${c.name}" ${c.type}`);
      if (c.index) db.exec(`CREATE INDEX IF NOT EXISTS ${table}_${c.name} ON ${table}("${c.name}")`);
    }
    if (spec.packed && !existing.has('count')) db.exec(`ALTER TABLE ${table} ADD COLUMN count INTEGER`);
  }
}

function unpack(spec: LayerTable, data: string | Buffer): unknown[] {
  return decodePacked(spec.layer, data, spec.legacy);
}

/** A packed row's item count as versions 1–4 stored it (a JSON list; tokens column-wise). */
function legacyCount(spec: LayerTable): string {
  return `json_array_length(data${spec.legacy ? ", '$.start'" : ''})`;
}

function dateWhere(filter: DateFilter): [string, string[]] {
  const { sql, params } = dayRange(filter, 'a.published_day');
  return [sql.map((x) => ` AND ${x}`).join(''), params];
}

/**
 * The article row with its provenance: set in the insert, not by an UPDATE after it, since SQLite rewrites
 * a whole row on update (a 30 MB text read and written again: ~50 MB at once, docs/benchmarks.md "giant16c").
 * Prepared on first write (after migration 6 added the column), not when a read-only store opens.
 */
const INSERT_ARTICLE = `INSERT INTO articles (id, title, url, source, byline, language, published, published_day,
  published_source, published_confidence, dateline, origin, normalizations, text, words, near_duplicate_of,
  near_duplicate_similarity, minhash, ingested_at, provenance)
  VALUES (@id, @title, @url, @source, @byline, @language, @published, @published_day, @published_source,
  @published_confidence, @dateline, @origin, @normalizations, @text, @words, @near_duplicate_of,
  @near_duplicate_similarity, @minhash, @ingested_at, @provenance)`;

/** Milliseconds a write waits for another connection's lock (SQLite retries within it); DATELINE_BUSY_TIMEOUT_MS overrides. */
export const BUSY_TIMEOUT_MS = 5000;

export function busyTimeoutMs(): number {
  const env = Number(process.env.DATELINE_BUSY_TIMEOUT_MS);
  return Number.isFinite(env) && env >= 0 ? env : BUSY_TIMEOUT_MS;
}

/** SQLite gave up waiting for another connection's lock (SQLITE_BUSY and its extended codes). */
export function isBusyError(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === 'string' && /^SQLITE_BUSY/.test((error as { code: string }).code);
}

function nowIso(): string {
  return new Date().toISOString();
}

/** The day used for date queries: the resolved publication date when the time stage gave one. */
export function resolvedDay(article: Article, layers: Layers): string | null {
  const resolved = layers.published?.[0];
  const value = resolved ? resolved.value : article.published;
  // Only a day-precise date indexes by day: an inferred "2025" or "2025-11" is not a day, and an
  // inherited date is not the article's own.
  if (!value || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  if (!resolved && article.publishedSource === 'inherited') return null;
  return value.slice(0, 10);
}


export { countWords };

export function clampPage(page: Page | undefined, fallback = 50): { limit: number; offset: number } {
  const limit = Math.max(0, Math.min(MAX_PAGE, Math.floor(page?.limit ?? fallback)));
  const offset = Math.max(0, Math.floor(page?.offset ?? 0));
  return { limit, offset };
}

export interface ArticleRow {
  rowid: number;
  id: string;
  title: string | null;
  url: string | null;
  source: string | null;
  byline: string | null;
  language: string;
  published: string | null;
  published_source: Article['publishedSource'];
  published_confidence: number;
  dateline: string | null;
  origin: string;
  normalizations: string;
  text: string;
  words: number;
  near_duplicate_of: string | null;
}

/** A stored diagnostics row (both stores keep the same columns). */
export interface DiagnosticRow {
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  file: string | null;
  line: number | null;
  record: number | null;
  component: string | null;
}

/** A stored diagnostics row as the Diagnostic it was. */
export function diagnosticOf(r: DiagnosticRow): Diagnostic {
  return {
    severity: r.severity,
    code: r.code,
    message: r.message,
    ...(r.file ? { where: { file: r.file, ...(r.line !== null ? { line: r.line } : {}), ...(r.record !== null ? { record: r.record } : {}) } } : {}),
    ...(r.component ? { component: r.component } : {}),
  };
}

/** A listing row of `articles` as the port's ArticleSummary (both stores select the same columns). */
export function articleSummaryOf(r: Pick<ArticleRow, 'id' | 'title' | 'published' | 'published_source' | 'dateline' | 'source' | 'words' | 'near_duplicate_of'>): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    published: r.published,
    publishedSource: r.published_source,
    dateline: r.dateline ? (JSON.parse(r.dateline) as { text: string }).text : null,
    source: r.source,
    words: r.words,
    nearDuplicateOf: r.near_duplicate_of,
  };
}

export function rowToArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    text: row.text,
    title: row.title,
    url: row.url,
    source: row.source,
    byline: row.byline,
    language: row.language,
    published: row.published,
    publishedSource: row.published_source,
    publishedConfidence: row.published_confidence,
    dateline: row.dateline ? JSON.parse(row.dateline) : null,
    origin: JSON.parse(row.origin),
    normalizations: JSON.parse(row.normalizations),
  };
}

/** The SQLite store's batch indexers (stories, merged events): see BatchIndexer. */
export type SqliteIndexer<T = unknown> = BatchIndexer<DB, T>;

export interface SqliteStoreOptions {
  /** Test seam: called after each article row is written inside the batch transaction. */
  afterArticleWrite?: (id: string) => void;
  readonly?: boolean;
  /** Indexers run inside every batch; default the stories indexer (src/stories/store.ts). */
  indexers?: SqliteIndexer[];
}

export class SqliteStore implements Store, ReadStore {
  readonly path: string;
  /** The read port (store/queries.ts) over this connection. */
  readonly queries: SqliteQueries;
  private readonly db: DB;
  private readonly options: SqliteStoreOptions;
  private readonly indexers: SqliteIndexer[];
  private readonly statements: ReturnType<SqliteStore['prepare']>;

  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.path = path;
    this.options = options;
    try {
      this.db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    } catch (error) {
      throw new DatelineError('STORE_OPEN', { path, reason: (error as Error).message }, { cause: error });
    }
    // Before anything that writes: a connection holding the write lock is waited for, not failed on.
    this.db.pragma(`busy_timeout = ${busyTimeoutMs()}`);
    if (!options.readonly) {
      // A new file gets 8 KB pages: articles (~2.5 KB rows) waste less of each page than at 4 KB.
      if ((this.db.pragma('page_count', { simple: true }) as number) === 0) this.db.pragma(`page_size = ${PAGE_SIZE}`);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.migrate();
    }
    this.statements = this.prepare();
    this.queries = new SqliteQueries(this.db);
    this.indexers = options.indexers ?? [storiesIndexer()];
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new DatelineError('STORE_MIGRATION', { path: this.path, found: version, known: MIGRATIONS.length });
    }
    // An up-to-date database is opened without taking the write lock (another writer may hold it).
    if (version === MIGRATIONS.length && layerTablesCurrent(this.db)) return;
    const apply = this.db.transaction(() => {
      for (let v = version; v < MIGRATIONS.length; v++) MIGRATIONS[v](this.db);
      this.db.pragma(`user_version = ${MIGRATIONS.length}`);
      ensureLayerTables(this.db);
    });
    apply.immediate();
    // Rows rewritten smaller by migration 5 leave half-empty pages: give them back once.
    if (version > 0 && version < COMPACT_VERSION) this.db.exec('VACUUM');
  }

  private prepare() {
    const db = this.db;
    return {
      insertSource: db.prepare('INSERT INTO sources (file, format, bytes, raw, ingested_at) VALUES (?, ?, ?, ?, ?)'),
      articleRowid: db.prepare('SELECT rowid FROM articles WHERE id = ?').pluck(),
      insertSighting: db.prepare('INSERT INTO article_sightings (article_id, source_id, line, record, ingested_at) VALUES (?, ?, ?, ?, ?)'),
      // Earliest first (index order), at most 16 per band: the original of a family of near-duplicates
      // comes first and later copies link to it, so a story republished a thousand times stays O(1).
      bandCandidates: db.prepare('SELECT article_rowid FROM minhash_bands WHERE band = ? AND key = ? LIMIT 16').pluck(),
      insertBand: db.prepare('INSERT INTO minhash_bands (band, key, article_rowid) VALUES (?, ?, ?)'),
      // Signatures written since version 5 are empty (recomputed from the text); older rows keep theirs.
      minhashByRowid: db.prepare('SELECT id, minhash, near_duplicate_of, CASE WHEN length(minhash) = 0 THEN text END AS text FROM articles WHERE rowid = ?'),
      insertDiagnostic: db.prepare(`INSERT INTO diagnostics (severity, code, message, file, line, record, component, article_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      getArticle: db.prepare('SELECT * FROM articles WHERE id = ?'),
      sightings: db.prepare(`SELECT s.file AS file, a.line AS line, a.record AS record, a.ingested_at AS ingestedAt
        FROM article_sightings a JOIN sources s ON s.id = a.source_id WHERE a.article_id = ? ORDER BY a.rowid`),
    };
  }

  private layerInserts = new Map<LayerName, Database.Statement>();

  private layerInsert(layer: LayerName): Database.Statement {
    let stmt = this.layerInserts.get(layer);
    if (!stmt) {
      const spec = layerTable(layer);
      const columns = [...(spec.columns ?? []).map((c) => c.name), ...(spec.packed ? ['count'] : [])];
      const cols = columns.map((c) => `, "${c}"`).join('');
      const params = columns.map(() => ', ?').join('');
      stmt = this.db.prepare(`INSERT INTO ${tableName(layer)} (article_id, idx, start, "end", data${cols}) VALUES (?, ?, ?, ?, ?${params})`);
      this.layerInserts.set(layer, stmt);
    }
    return stmt;
  }

  private writeLayers(articleId: string, layers: Layers): void {
    for (const layer of Object.keys(layers) as LayerName[]) {
      const items = layers[layer] as Array<{ start?: number; end?: number }> | undefined;
      if (!items) continue;
      const spec = layerTable(layer);
      const insert = this.layerInsert(layer);
      if (spec.packed) {
        insert.run(articleId, 0, null, null, encodePacked(layer, items), items.length);
        continue;
      }
      items.forEach((item, i) => {
        const values = (spec.columns ?? []).map((c) => {
          const v = (c.value as (x: unknown) => unknown)(item);
          return v === undefined ? null : (v as string | number | null);
        });
        const start = item.start ?? null;
        const end = item.end ?? null;
        insert.run(articleId, i, start, end, encodeItem(layer, item, storedColumns(spec, start, end, values)), ...values);
      });
    }
  }

  private writeDiagnostic(d: Diagnostic, articleId: string | null, at: string): void {
    this.statements.insertDiagnostic.run(
      d.severity,
      d.code,
      d.message,
      d.where?.file ?? null,
      d.where?.line ?? null,
      d.where?.record ?? null,
      d.component ?? null,
      articleId,
      at,
    );
  }

  /** Recomputed signatures of recent candidates: a story republished many times is compared with the same few originals. */
  private readonly signatures = new Map<number, Uint32Array>();

  private candidateSignature(rowid: number, row: { minhash: Buffer; text: string | null }): Uint32Array {
    if (row.text === null) return new Uint32Array(row.minhash.buffer.slice(row.minhash.byteOffset, row.minhash.byteOffset + row.minhash.byteLength));
    let sig = this.signatures.get(rowid);
    if (!sig) {
      sig = signature(row.text);
      if (this.signatures.size >= SIGNATURE_CACHE) this.signatures.delete(this.signatures.keys().next().value as number);
      this.signatures.set(rowid, sig);
    }
    return sig;
  }

  private findNearDuplicate(sig: Uint32Array): { id: string; similarity: number } | null {
    const seen = new Set<number>();
    let best: { id: string; similarity: number } | null = null;
    bandKeys(sig).forEach((key, band) => {
      for (const rowid of this.statements.bandCandidates.all(band, key) as number[]) {
        if (seen.has(rowid) || seen.size >= MAX_NEAR_DUPLICATE_CANDIDATES) continue;
        seen.add(rowid);
        const row = this.statements.minhashByRowid.get(rowid) as { id: string; minhash: Buffer; near_duplicate_of: string | null; text: string | null };
        const s = similarity(sig, this.candidateSignature(rowid, row));
        if (s >= NEAR_DUPLICATE_THRESHOLD && (!best || s > best.similarity)) best = { id: row.near_duplicate_of ?? row.id, similarity: s };
      }
    });
    return best;
  }

  writeBatch(batch: BatchInput): BatchOutcome {
    return this.writeBatches([batch])[0];
  }

  /**
   * Several batches in one transaction, each written exactly as writeBatch writes it, in order (its own
   * source row, ingest time and indexer run): one commit instead of one per batch. A small batch (a text
   * file is one article) cost more to commit — FTS5 flushes a segment, every touched page goes to the
   * WAL — than to write.
   */
  writeBatches(batches: readonly BatchInput[]): BatchOutcome[] {
    const outcomes: BatchOutcome[] = [];
    this.db
      .transaction(() => {
        // Entity totals of the keys the transaction touches, kept in memory and written once at its end.
        const keys = new Map<string, KeyTotals>();
        for (const batch of batches) outcomes.push(this.writeInTransaction(batch, keys));
        flushEntityKeys(this.db, keys);
      })
      .immediate();
    return outcomes;
  }

  private writeInTransaction(batch: BatchInput, keys: Map<string, KeyTotals>): BatchOutcome {
    const outcome: BatchOutcome = { inserted: [], duplicates: [], nearDuplicates: [] };
    const at = nowIso();
    const sourceId = Number(
      this.statements.insertSource.run(
        batch.source.file,
        batch.source.format,
        batch.source.bytes,
        // Deflated against the text of the source's one article (a text file is mostly that text).
        encodeRaw(batch.source.raw, batch.analyzed.length === 1 ? batch.analyzed[0].article.text : undefined),
        at,
      ).lastInsertRowid,
    );
    const seenInBatch = new Set<string>();
    const written: AnalyzedInput[] = [];
    for (const input of batch.analyzed) {
      const { article } = input;
      this.statements.insertSighting.run(article.id, sourceId, article.origin.line ?? null, article.origin.record ?? null, at);
      if (seenInBatch.has(article.id) || this.statements.articleRowid.get(article.id) !== undefined) {
        outcome.duplicates.push(article.id);
        continue;
      }
      seenInBatch.add(article.id);
      const sig = signature(article.text);
      const near = this.findNearDuplicate(sig);
      const rowid = Number(
        stmt(this.db, INSERT_ARTICLE).run({
          id: article.id,
          title: article.title,
          url: article.url,
          source: article.source,
          byline: article.byline,
          language: article.language,
          published: article.published,
          published_day: resolvedDay(article, input.analyze ? {} : input.layers),
          published_source: article.publishedSource,
          published_confidence: article.publishedConfidence,
          dateline: article.dateline ? JSON.stringify(article.dateline) : null,
          origin: JSON.stringify(article.origin),
          normalizations: JSON.stringify(article.normalizations),
          text: article.text,
          words: countWords(article.text),
          near_duplicate_of: near?.id ?? null,
          near_duplicate_similarity: near?.similarity ?? null,
          // Not stored: recomputed from the text when this article is a near-duplicate candidate.
          minhash: Buffer.alloc(0),
          ingested_at: at,
          // A deferred analysis: the components given with the input (ingest gives its pipeline's), checked after it.
          provenance: setId(this.db, input.components),
        }).lastInsertRowid,
      );
      bandKeys(sig).forEach((key, band) => this.statements.insertBand.run(band, key, rowid));
      const done = analyzedNow(input);
      const { layers, diagnostics, components } = done;
      if (input.analyze) {
        // Each rewrites the row (its whole text): only when the analysis changed what the insert wrote.
        const day = resolvedDay(article, layers);
        if (day !== resolvedDay(article, {})) stmt(this.db, 'UPDATE articles SET published_day = ? WHERE rowid = ?').run(day, rowid);
        if (setId(this.db, components) !== setId(this.db, input.components)) {
          stmt(this.db, 'UPDATE articles SET provenance = ? WHERE rowid = ?').run(setId(this.db, components), rowid);
        }
      }
      written.push(done);
      this.writeLayers(article.id, layers);
      if (layers.entities) addEntityKeys(this.db, layers.entities, keys);
      for (const d of diagnostics) this.writeDiagnostic(d, article.id, at);
      outcome.inserted.push(article.id);
      if (near) outcome.nearDuplicates.push({ id: article.id, of: near.id, similarity: near.similarity });
      this.options.afterArticleWrite?.(article.id);
    }
    for (const d of batch.diagnostics) this.writeDiagnostic(d, null, at);
    if (outcome.inserted.length > 0 && this.indexers.length > 0) {
      for (const indexer of this.indexers) indexer.index(this.db, written, at);
    }
    return outcome;
  }

  provenance(id: string): ComponentVersion[] | null {
    return readProvenance(this.db, id);
  }

  staleArticles(current: readonly ComponentVersion[], query: StaleQuery = {}): string[] {
    return staleIds(this.db, current, query);
  }

  rewriteArticles(analyzed: readonly AnalyzedInput[]): void {
    this.db.transaction(() => {
      const at = nowIso();
      for (const { article, layers, diagnostics, components } of analyzed) {
        if (this.statements.articleRowid.get(article.id) === undefined) continue;
        for (const spec of LAYER_TABLES) this.db.prepare(`DELETE FROM ${tableName(spec.layer)} WHERE article_id = ?`).run(article.id);
        this.writeLayers(article.id, layers);
        this.db.prepare('DELETE FROM diagnostics WHERE article_id = ?').run(article.id);
        for (const d of diagnostics) this.writeDiagnostic(d, article.id, at);
        this.db.prepare('UPDATE articles SET published_day = ?, provenance = ? WHERE id = ?').run(resolvedDay(article, layers), setId(this.db, components), article.id);
      }
      markDerivedStale(this.db);
    }).immediate();
  }

  derivedStale(): boolean {
    return isDerivedStale(this.db);
  }

  rebuildDerived(): void {
    this.db.transaction(() => {
      clearDerived(this.db);
      forgetCentroids(this.db);
      const rows = this.db.prepare('SELECT id, ingested_at AS at FROM articles ORDER BY rowid').all() as Array<{ id: string; at: string }>;
      for (const { ids, at } of ingestBatches(rows)) {
        const chunk = ids.map((id) => this.getArticle(id)!);
        // Entity totals as each article's write added them, then its events and story, batch by batch in ingest order.
        for (const a of chunk) if (a.layers.entities) addEntityKeys(this.db, a.layers.entities);
        for (const indexer of this.indexers) indexer.index(this.db, chunk, at);
      }
    }).immediate();
  }

  /** Runs one indexer over already-stored articles in its own transaction (a store opened without it). */
  index<T>(indexer: SqliteIndexer<T>, articles: ReadonlyArray<Pick<AnalyzedInput, 'article' | 'layers'>>): T {
    let result!: T;
    this.db.transaction(() => {
      result = indexer.index(this.db, articles);
    }).immediate();
    return result;
  }

  /** Checkpoints the write-ahead log into the database file and merges the full-text index's segments. */
  compact(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.exec("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')");
  }

  hasArticle(id: string): boolean {
    return this.statements.articleRowid.get(id) !== undefined;
  }

  getArticle(id: string): StoredArticle | null {
    const row = this.statements.getArticle.get(id) as ArticleRow | undefined;
    if (!row) return null;
    const layers: Layers = {};
    for (const spec of LAYER_TABLES) {
      const rows = this.db.prepare(`SELECT * FROM ${tableName(spec.layer)} WHERE article_id = ? ORDER BY idx`).all(id) as Array<{ data: string | Buffer }>;
      if (rows.length === 0) continue;
      (layers as Record<string, unknown>)[spec.layer] = spec.packed ? unpack(spec, rows[0].data) : rows.map((r) => decodeItem(spec.layer, r));
    }
    return {
      article: rowToArticle(row),
      layers,
      nearDuplicateOf: row.near_duplicate_of,
      sightings: this.statements.sightings.all(id) as StoredArticle['sightings'],
    };
  }

  listArticles(page: Page & { from?: string; to?: string } = {}): ArticleSummary[] {
    const { limit, offset } = clampPage(page);
    const { sql: where, params } = dayRange(page);
    const rows = this.db
      .prepare(
        `SELECT id, title, published, published_source, dateline, source, words, near_duplicate_of FROM articles
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY published_day IS NULL, published_day, rowid LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset) as Array<ArticleRow>;
    return rows.map(articleSummaryOf);
  }

  search(query: string, page: Page & DateFilter = {}): SearchHit[] {
    const { limit, offset } = clampPage(page, 20);
    const q = toFts5(query);
    if (q === null) return [];
    const [dateSql, dateParams] = dateWhere(page);
    // Rank first and keep one page, then build snippets for that page only (see ftsSnippets).
    const stmt = this.db.prepare(`
      SELECT a.rowid AS rowid, a.id AS id, a.title AS title, a.published AS published, bm25(articles_fts, 5.0, 1.0) AS score
      FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
      WHERE articles_fts MATCH ?${dateSql} ORDER BY score LIMIT ? OFFSET ?`);
    const rows = stmt.all(q, ...dateParams, limit, offset) as Array<{
      rowid: number;
      id: string;
      title: string | null;
      published: string | null;
      score: number;
    }>;
    const snippets = ftsSnippets(this.db, q, rows.map((r) => r.rowid));
    return rows.map((r) => ({ id: r.id, title: r.title, published: r.published, ...parseSnippet(snippets.get(r.rowid) ?? ''), score: -r.score }));
  }

  countSearch(query: string, filter: DateFilter = {}): number {
    const q = toFts5(query);
    if (q === null) return 0;
    const [dateSql, dateParams] = dateWhere(filter);
    const stmt = this.db
      .prepare(`SELECT count(*) FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?${dateSql}`)
      .pluck();
    return stmt.get(q, ...dateParams) as number;
  }

  articlesMentioning(range: { from: string; to: string }, page: Page = {}) {
    const { limit, offset } = clampPage(page, 100);
    const rows = this.db
      .prepare(
        `SELECT * FROM layer_times WHERE range_from <= ? AND coalesce(range_to, range_from) >= ?
         ORDER BY range_from, article_id, idx LIMIT ? OFFSET ?`,
      )
      .all(range.to, range.from, limit, offset) as Array<{ article_id: string; data: string | Buffer }>;
    return rows.map((r) => {
      const t = decodeItem<{ text: string; value: string; start: number; end: number }>('times', r);
      return { articleId: r.article_id, text: t.text, value: t.value, start: t.start, end: t.end };
    });
  }

  layerRows<L extends LayerName>(layer: L, query: LayerQuery & Page = {}): Array<LayerRow<L>> {
    const { limit, offset } = clampPage(query, MAX_PAGE);
    const spec = layerTable(layer);
    const known = new Set((spec.columns ?? []).map((c) => c.name));
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [k, v] of Object.entries(query.where ?? {})) {
      if (!known.has(k)) throw new DatelineError('USAGE', { message: `layer ${layer} has no column '${k}'` });
      where.push(`"${k}" = ?`);
      params.push(v);
    }
    if (query.articleIds) {
      where.push(`article_id IN (${query.articleIds.map(() => '?').join(',') || 'NULL'})`);
      params.push(...query.articleIds);
    }
    const rows = this.db
      .prepare(`SELECT * FROM ${tableName(layer)} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY article_id, idx LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as Array<{ article_id: string; idx: number; data: string | Buffer }>;
    if (spec.packed) {
      return rows.flatMap((r) => unpack(spec, r.data).map((item, index) => ({ articleId: r.article_id, index, item }) as LayerRow<L>));
    }
    return rows.map((r) => ({ articleId: r.article_id, index: r.idx, item: decodeItem(layer, r) }) as LayerRow<L>);
  }

  private diagnosticWhere(filter: DiagnosticFilter): { sql: string; params: string[] } {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.severity) {
      where.push('severity = ?');
      params.push(filter.severity);
    }
    if (filter.code) {
      where.push('code = ?');
      params.push(filter.code);
    }
    return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  }

  countDiagnostics(filter: DiagnosticFilter = {}): number {
    const w = this.diagnosticWhere(filter);
    return this.db.prepare(`SELECT count(*) FROM diagnostics ${w.sql}`).pluck().get(...w.params) as number;
  }

  diagnostics(query: Page & DiagnosticFilter = {}): Diagnostic[] {
    const { limit, offset } = clampPage(query, 100);
    const w = this.diagnosticWhere(query);
    const rows = this.db.prepare(`SELECT * FROM diagnostics ${w.sql} ORDER BY id LIMIT ? OFFSET ?`).all(...w.params, limit, offset) as DiagnosticRow[];
    return rows.map(diagnosticOf);
  }

  stats(): StoreStats {
    const one = (sql: string) => this.db.prepare(sql).pluck().get() as number | string | null;
    const layers: StoreStats['layers'] = {};
    for (const spec of LAYER_TABLES) {
      layers[spec.layer] = spec.packed
        ? (one(`SELECT coalesce(sum(${this.hasCount(spec.layer) ? 'count' : legacyCount(spec)}), 0) FROM ${tableName(spec.layer)}`) as number)
        : (one(`SELECT count(*) FROM ${tableName(spec.layer)}`) as number);
    }
    return {
      articles: one('SELECT count(*) FROM articles') as number,
      sources: one('SELECT count(*) FROM sources') as number,
      words: (one('SELECT coalesce(sum(words), 0) FROM articles') as number) ?? 0,
      diagnostics: one('SELECT count(*) FROM diagnostics') as number,
      layers,
      nearDuplicates: one('SELECT count(*) FROM articles WHERE near_duplicate_of IS NOT NULL') as number,
      firstPublished: one('SELECT min(published_day) FROM articles') as string | null,
      lastPublished: one('SELECT max(published_day) FROM articles') as string | null,
    };
  }

  /** Whether a packed layer's table has its `count` column (a read-only store over a database not yet at version 5 may lack it). */
  private hasCount(layer: LayerName): boolean {
    return (this.db.prepare(`PRAGMA table_info(${tableName(layer)})`).all() as Array<{ name: string }>).some((c) => c.name === 'count');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export function openStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  return new SqliteStore(path, options);
}
