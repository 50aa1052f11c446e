/**
 * The PostgreSQL store: the same Store and Queries ports as the SQLite store (store.ts, queries.ts),
 * over one connection (sync-client.ts). One transaction per batch, serialised across every writer of
 * the database by an advisory lock taken first, so many ingest workers can share one database: the
 * analysis runs in parallel, the writes one batch at a time, and an article already stored (same
 * content hash) is recognised inside the lock and only its sighting recorded — writes are idempotent.
 */
import type { Diagnostic } from '../../core/diagnostics.js';
import { DatelineError } from '../../core/errors.js';
import type { LayerName, Layers, Entity } from '../../core/layers.js';
import { LAYER_TABLES, layerTable, tableName } from '../layer-tables.js';
import { bandKeys, signature, similarity } from '../minhash.js';
import { addEntity, rowOf, totalsOf, type KeyRow } from '../entity-keys.js';
import { emptyTotals, type KeyTotals } from '../../entities/crossdoc.js';
import { articleSummaryOf, diagnosticOf, clampPage, type DiagnosticRow, countWords, resolvedDay, rowToArticle, type ArticleRow } from '../sqlite.js';
import type { AnalyzedInput, ArticleSummary, BatchIndexer, BatchInput, BatchOutcome, DateFilter, DiagnosticFilter, LayerQuery, LayerRow, Page, SearchHit, StaleQuery, Store, StoredArticle, StoreStats } from '../store.js';
import { analyzedNow } from '../store.js';
import type { ReadStore } from '../queries.js';
import { PG_SCHEMA_VERSION, UNACCENT, schemaDdl, tsvSql } from './schema.js';
import { SyncPg, redact, type Op } from './sync-client.js';
import { PgQueries } from './queries.js';
import { pageHits, tsWhere } from './search.js';
import { insertRows, layerWhere } from './sql.js';
import { pgStoryTables } from './story-tables.js';
import { forgetCentroids, indexStories, type StoryOptions } from '../../stories/store.js';
import type { ComponentVersion } from '../../core/pipeline.js';
import { decodeComponents, isStale } from '../provenance.js';
import { provenanceMigration, setProvenanceOps } from './provenance.js';
import { ingestBatches } from '../sqlite/derived.js';

const NEAR_DUPLICATE_THRESHOLD = 0.7;
const MAX_NEAR_DUPLICATE_CANDIDATES = 64;
const MAX_PAGE = 10_000;
/** The advisory lock every batch transaction takes first (one writer at a time per database). */
const WRITE_LOCK = 4_242_001;
const MIGRATE_LOCK = 4_242_000;

/** The PostgreSQL store's batch indexers (the stories indexer): see BatchIndexer. */
export type PgIndexer = BatchIndexer<SyncPg>;

export interface PgStoreOptions {
  afterArticleWrite?: (id: string) => void;
  readonly?: boolean;
  indexers?: PgIndexer[];
}

/** A packed layer's row: the article's items as one JSON list (the SQLite store packs them in binary instead). */
function unpackJson(data: string): unknown[] {
  return JSON.parse(data) as unknown[];
}

function nowIso(): string {
  return new Date().toISOString();
}

function dateWhere(filter: DateFilter, params: unknown[]): string {
  let sql = '';
  if (filter.from) {
    params.push(filter.from);
    sql += ` AND a.published_day >= $${params.length}`;
  }
  if (filter.to) {
    params.push(filter.to);
    sql += ` AND a.published_day <= $${params.length}`;
  }
  return sql;
}

export class PgStore implements Store, ReadStore {
  readonly queries: PgQueries;
  readonly pg: SyncPg;
  private readonly indexers: PgIndexer[];

  constructor(
    readonly url: string,
    private readonly options: PgStoreOptions = {},
  ) {
    this.pg = new SyncPg(url);
    try {
      this.migrate();
    } catch (error) {
      this.pg.close();
      throw error;
    }
    // A read-only store cannot write even by mistake: the server refuses every writing statement.
    if (options.readonly) this.pg.all('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');
    this.queries = new PgQueries(this.pg);
    this.indexers = options.indexers ?? [pgStoriesIndexer()];
  }

  private migrate(): void {
    const version = () => this.pg.value<number>("SELECT value FROM dateline_meta WHERE key = 'schema'");
    const exists = () => this.pg.value<boolean>("SELECT to_regclass('dateline_meta') IS NOT NULL");
    if (!exists()) {
      if (this.options.readonly) throw new DatelineError('STORE_OPEN', { path: redact(this.url), reason: 'not a dateline database (no dateline_meta table)' });
      // Several workers may open a new database at once: one creates the schema, the others wait for it.
      this.pg.all('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
      try {
        if (!exists()) {
          this.pg.many([{ sql: 'BEGIN' }, { sql: schemaDdl() }, { sql: 'COMMIT' }]);
          try {
            this.pg.many(UNACCENT.map((sql) => ({ sql })));
          } catch {
            // unaccent is optional (accents then stay distinct in search)
          }
        }
      } finally {
        this.pg.all('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]);
      }
    }
    if (!this.options.readonly && (version() ?? 0) < 2) {
      this.pg.all('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
      try {
        if ((version() ?? 0) < 2) this.pg.many([{ sql: 'BEGIN' }, ...provenanceMigration(), { sql: 'COMMIT' }]);
      } finally {
        this.pg.all('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]);
      }
    }
    const found = version() ?? 0;
    if (found > PG_SCHEMA_VERSION) throw new DatelineError('STORE_MIGRATION', { path: redact(this.url), found, known: PG_SCHEMA_VERSION });
  }

  private findNearDuplicate(sig: Uint32Array): { id: string; similarity: number } | null {
    const keys = bandKeys(sig);
    const rows = this.pg.all<{ article_id: string; minhash: Buffer; near_duplicate_of: string | null }>(
      `SELECT x.article_id, a.minhash, a.near_duplicate_of FROM unnest($1::int[], $2::bigint[]) AS q(band, key)
       CROSS JOIN LATERAL (SELECT article_id FROM minhash_bands b WHERE b.band = q.band AND b.key = q.key ORDER BY article_seq LIMIT 16) x
       JOIN articles a ON a.id = x.article_id`,
      [keys.map((_, i) => i), keys],
    );
    const seen = new Set<string>();
    let best: { id: string; similarity: number } | null = null;
    for (const row of rows) {
      if (seen.has(row.article_id) || seen.size >= MAX_NEAR_DUPLICATE_CANDIDATES) continue;
      seen.add(row.article_id);
      const m = Buffer.from(row.minhash);
      const other = new Uint32Array(m.buffer.slice(m.byteOffset, m.byteOffset + m.byteLength));
      const s = similarity(sig, other);
      if (s >= NEAR_DUPLICATE_THRESHOLD && (!best || s > best.similarity)) best = { id: row.near_duplicate_of ?? row.article_id, similarity: s };
    }
    return best;
  }

  private layerOps(articleId: string, layers: Layers): Op[] {
    const ops: Op[] = [];
    for (const layer of Object.keys(layers) as LayerName[]) {
      const items = layers[layer] as Array<{ start?: number; end?: number }> | undefined;
      if (!items) continue;
      const spec = layerTable(layer);
      const cols = ['article_id', 'idx', 'start', 'end', 'data', ...(spec.columns ?? []).map((c) => c.name)];
      const rows = spec.packed
        ? [[articleId, 0, null, null, JSON.stringify(items)]]
        : items.map((item, i) => [
            articleId,
            i,
            item.start ?? null,
            item.end ?? null,
            JSON.stringify(item),
            ...(spec.columns ?? []).map((c) => (c.value as (x: unknown) => unknown)(item) ?? null),
          ]);
      ops.push(...insertRows(tableName(layer), spec.packed ? cols.slice(0, 5) : cols, rows));
    }
    return ops;
  }

  private entityKeyOps(entities: readonly Entity[]): Op[] {
    const keyed = entities.filter((e) => e.key);
    if (keyed.length === 0) return [];
    const rows = this.pg.all<KeyRow>('SELECT * FROM entity_keys WHERE (type, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))', [
      keyed.map((e) => e.type),
      keyed.map((e) => e.key),
    ]);
    const totals = new Map<string, KeyTotals>(rows.map((r) => [`${r.type}|${r.key}`, totalsOf(r)]));
    for (const e of keyed) if (!totals.has(`${e.type}|${e.key}`)) totals.set(`${e.type}|${e.key}`, emptyTotals(e.type, e.key));
    for (const e of keyed) addEntity(totals, e);
    return [
      ...insertRows('entity_keys', ['type', 'key', 'mentions', 'articles', 'names', 'roles'], [...totals.values()].map(rowOf), {
        conflict: '(type, key) DO UPDATE SET mentions = excluded.mentions, articles = excluded.articles, names = excluded.names, roles = excluded.roles',
      }),
      { sql: "UPDATE dateline_meta SET value = value + 1 WHERE key = 'entity_keys_version'" },
    ];
  }

  private diagnosticRows(ds: readonly Diagnostic[], articleId: string | null, at: string): unknown[][] {
    return ds.map((d) => [d.severity, d.code, d.message, d.where?.file ?? null, d.where?.line ?? null, d.where?.record ?? null, d.component ?? null, articleId, at]);
  }

  private diagnosticOps(rows: unknown[][]): Op[] {
    return insertRows('diagnostics', ['severity', 'code', 'message', 'file', 'line', 'record', 'component', 'article_id', 'created_at'], rows);
  }

  /** Opens the batch transaction and takes the write lock; with a sequence, only once the batch's turn has come. */
  private beginBatch(batch: BatchInput): void {
    const seq = batch.sequence;
    const deadline = Date.now() + (seq?.maxWaitMs ?? 10 * 60_000);
    for (;;) {
      const [, , turn] = this.pg.many([
        { sql: 'BEGIN' },
        { sql: 'SELECT pg_advisory_xact_lock($1)', params: [WRITE_LOCK] },
        ...(seq ? [{ sql: 'SELECT next FROM batch_runs WHERE run = $1', params: [seq.run] }] : []),
      ]);
      const next = seq ? ((turn as Array<{ next: number }>)[0]?.next ?? 0) : 0;
      // A key already written (a retried job) never waits: it will write nothing.
      const written = batch.key !== undefined && seq && next !== seq.index && this.pg.get('SELECT 1 FROM written_batches WHERE key = $1', [batch.key]) !== undefined;
      if (!seq || next >= seq.index || written || Date.now() > deadline) {
        if (seq && !written) {
          this.pg.all('INSERT INTO batch_runs (run, next) VALUES ($1, $2) ON CONFLICT (run) DO UPDATE SET next = greatest(batch_runs.next, excluded.next)', [seq.run, seq.index + 1]);
        }
        return;
      }
      this.pg.all('ROLLBACK');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }

  writeBatch(batch: BatchInput): BatchOutcome {
    const outcome: BatchOutcome = { inserted: [], duplicates: [], nearDuplicates: [] };
    const at = nowIso();
    this.beginBatch(batch);
    let source: unknown[];
    try {
      [source] = this.pg.many([
        { sql: 'INSERT INTO sources (file, format, bytes, raw, ingested_at) VALUES ($1, $2, $3, $4, $5) RETURNING id', params: [batch.source.file, batch.source.format, batch.source.bytes, batch.source.raw, at] },
      ]);
    } catch (error) {
      this.pg.all('ROLLBACK');
      throw error;
    }
    try {
      const sourceId = (source[0] as { id: number }).id;
      if (batch.key !== undefined) {
        // A retried job whose first try committed: nothing more to write.
        const done = this.pg.all('INSERT INTO written_batches (key, written_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING key', [batch.key, at]);
        if (done.length === 0) {
          this.pg.all('ROLLBACK');
          return { inserted: [], duplicates: batch.analyzed.map((a) => a.article.id), nearDuplicates: [] };
        }
      }
      const ids = batch.analyzed.map((a) => a.article.id);
      const known = new Set(this.pg.all<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1::text[])', [ids]).map((r) => r.id));
      const ops: Op[] = insertRows(
        'article_sightings',
        ['article_id', 'source_id', 'line', 'record', 'ingested_at'],
        batch.analyzed.map(({ article }) => [article.id, sourceId, article.origin.line ?? null, article.origin.record ?? null, at]),
      );
      const fresh: AnalyzedInput[] = [];
      for (const input of batch.analyzed) {
        const { article } = input;
        if (known.has(article.id)) {
          outcome.duplicates.push(article.id);
          continue;
        }
        known.add(article.id);
        const sig = signature(article.text);
        const near = this.findNearDuplicate(sig);
        ops.push(
          {
            sql: `INSERT INTO articles (id, title, url, source, byline, language, published, published_day, published_source, published_confidence,
              dateline, origin, normalizations, text, words, near_duplicate_of, near_duplicate_similarity, minhash, ingested_at, tsv)
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, ${tsvSql('$2', '$14')})`,
            params: [
              article.id,
              article.title,
              article.url,
              article.source,
              article.byline,
              article.language,
              article.published,
              resolvedDay(article, input.analyze ? {} : input.layers),
              article.publishedSource,
              article.publishedConfidence,
              article.dateline ? JSON.stringify(article.dateline) : null,
              JSON.stringify(article.origin),
              JSON.stringify(article.normalizations),
              article.text,
              countWords(article.text),
              near?.id ?? null,
              near?.similarity ?? null,
              Buffer.from(sig.buffer),
              at,
            ],
          },
          {
            sql: `INSERT INTO minhash_bands (band, key, article_id, article_seq)
              SELECT q.band, q.key, $3, (SELECT seq FROM articles WHERE id = $3) FROM unnest($1::int[], $2::bigint[]) AS q(band, key)`,
            params: [bandKeys(sig).map((_, i) => i), bandKeys(sig), article.id],
          },
        );
        // A deferred analysis runs once the row is written (store.ts, AnalyzedInput.analyze).
        if (input.analyze) this.pg.many(ops.splice(0));
        const done = analyzedNow(input);
        const { layers, diagnostics } = done;
        const day = resolvedDay(article, layers);
        if (input.analyze && day !== resolvedDay(article, {})) ops.push({ sql: 'UPDATE articles SET published_day = $1 WHERE id = $2', params: [day, article.id] });
        ops.push(
          ...this.layerOps(article.id, layers),
          ...setProvenanceOps(done.components, article.id),
          ...this.entityKeyOps(layers.entities ?? []),
          ...this.diagnosticOps(this.diagnosticRows(diagnostics, article.id, at)),
        );
        // Each article is written before the next is compared with it (a near-duplicate in the same batch).
        this.pg.many(ops.splice(0));
        fresh.push(done);
        outcome.inserted.push(article.id);
        if (near) outcome.nearDuplicates.push({ id: article.id, of: near.id, similarity: near.similarity });
        this.options.afterArticleWrite?.(article.id);
      }
      ops.push(...this.diagnosticOps(this.diagnosticRows(batch.diagnostics, null, at)));
      this.pg.many(ops);
      if (fresh.length > 0) for (const indexer of this.indexers) indexer.index(this.pg, fresh, at);
      this.pg.all('COMMIT');
    } catch (error) {
      try {
        this.pg.all('ROLLBACK');
      } catch {
        // the connection is gone; the server rolled back
      }
      throw error;
    }
    return outcome;
  }

  provenance(id: string): ComponentVersion[] | null {
    const row = this.pg.get<{ components: string | null }>('SELECT p.components FROM articles a LEFT JOIN provenance_sets p ON p.id = a.provenance WHERE a.id = $1', [id]);
    if (!row) return null;
    return row.components === null ? [] : decodeComponents(row.components);
  }

  staleArticles(current: readonly ComponentVersion[], query: StaleQuery = {}): string[] {
    const sets = this.pg.all<{ id: string; components: string }>('SELECT id, components FROM provenance_sets');
    const stale = sets.filter((s) => isStale(decodeComponents(s.components), current, query)).map((s) => s.id);
    return this.pg.all<{ id: string }>('SELECT id FROM articles WHERE provenance IS NULL OR provenance = ANY($1::bigint[]) ORDER BY seq', [stale]).map((r) => r.id);
  }

  rewriteArticles(analyzed: readonly AnalyzedInput[]): void {
    const at = nowIso();
    this.pg.all('BEGIN');
    try {
      const known = new Set(this.pg.all<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1::text[])', [analyzed.map((a) => a.article.id)]).map((r) => r.id));
      for (const { article, layers, diagnostics, components } of analyzed) {
        if (!known.has(article.id)) continue;
        this.pg.many([
          ...LAYER_TABLES.map((spec) => ({ sql: `DELETE FROM ${tableName(spec.layer)} WHERE article_id = $1`, params: [article.id] })),
          ...this.layerOps(article.id, layers),
          { sql: 'DELETE FROM diagnostics WHERE article_id = $1', params: [article.id] },
          ...this.diagnosticOps(this.diagnosticRows(diagnostics, article.id, at)),
          { sql: 'UPDATE articles SET published_day = $1 WHERE id = $2', params: [resolvedDay(article, layers), article.id] },
          ...setProvenanceOps(components, article.id),
        ]);
      }
      this.pg.all("INSERT INTO dateline_meta (key, value) VALUES ('rebuild', 1) ON CONFLICT (key) DO UPDATE SET value = 1");
      this.pg.all('COMMIT');
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  derivedStale(): boolean {
    return this.pg.get("SELECT 1 FROM dateline_meta WHERE key = 'rebuild'") !== undefined;
  }

  rebuildDerived(): void {
    this.pg.all('BEGIN');
    try {
      this.pg.many([
        ...['entity_keys', 'event_clusters', 'event_cluster_members', 'event_entities', 'stories', 'story_articles', 'story_terms', 'story_index'].map((t) => ({ sql: `DELETE FROM ${t}` })),
        { sql: "DELETE FROM dateline_meta WHERE key = 'rebuild'" },
        { sql: "UPDATE dateline_meta SET value = 0 WHERE key = 'docs'" },
        { sql: "UPDATE dateline_meta SET value = value + 1 WHERE key = 'entity_keys_version'" },
      ]);
      forgetCentroids(this.pg);
      const rows = this.pg.all<{ id: string; at: string }>('SELECT id, ingested_at AS at FROM articles ORDER BY seq');
      for (const { ids, at } of ingestBatches(rows)) {
        const chunk = ids.map((id) => this.getArticle(id)!);
        // Entity totals as each article's write added them, then its events and story, batch by batch in ingest order.
        for (const a of chunk) if (a.layers.entities?.length) this.pg.many(this.entityKeyOps(a.layers.entities));
        for (const indexer of this.indexers) indexer.index(this.pg, chunk, at);
      }
      this.pg.all('COMMIT');
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  private rollback(): void {
    try {
      this.pg.all('ROLLBACK');
    } catch {
      // the connection is gone; the server rolled back
    }
  }

  hasArticle(id: string): boolean {
    return this.pg.get('SELECT 1 FROM articles WHERE id = $1', [id]) !== undefined;
  }

  getArticle(id: string): StoredArticle | null {
    const [rows, sightings, ...layerRows] = this.pg.many([
      { sql: 'SELECT * FROM articles WHERE id = $1', params: [id] },
      {
        sql: `SELECT s.file AS file, a.line AS line, a.record AS record, a.ingested_at AS "ingestedAt"
          FROM article_sightings a JOIN sources s ON s.id = a.source_id WHERE a.article_id = $1 ORDER BY a.seq`,
        params: [id],
      },
      ...LAYER_TABLES.map((spec) => ({ sql: `SELECT data FROM ${tableName(spec.layer)} WHERE article_id = $1 ORDER BY idx`, params: [id] })),
    ]);
    const row = rows[0] as ArticleRow | undefined;
    if (!row) return null;
    const layers: Layers = {};
    LAYER_TABLES.forEach((spec, i) => {
      const rs = layerRows[i] as Array<{ data: string }>;
      if (rs.length === 0) return;
      (layers as Record<string, unknown>)[spec.layer] = spec.packed ? unpackJson(rs[0].data) : rs.map((r) => JSON.parse(r.data));
    });
    return { article: rowToArticle(row), layers, nearDuplicateOf: row.near_duplicate_of, sightings: sightings as StoredArticle['sightings'] };
  }

  listArticles(page: Page & { from?: string; to?: string } = {}): ArticleSummary[] {
    const { limit, offset } = clampPage(page);
    const params: unknown[] = [];
    const where = dateWhere(page, params);
    params.push(limit, offset);
    const rows = this.pg.all<ArticleRow & { published_source: ArticleSummary['publishedSource'] }>(
      `SELECT id, title, published, published_source, dateline, source, words, near_duplicate_of FROM articles a WHERE true${where}
       ORDER BY published_day IS NULL, published_day, seq LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map(articleSummaryOf);
  }

  search(query: string, page: Page & DateFilter = {}): SearchHit[] {
    const { limit, offset } = clampPage(page, 20);
    const w = tsWhere(query);
    if (!w) return [];
    const params = [...w.params];
    const dates = dateWhere(page, params);
    return pageHits(this.pg, `${w.sql}${dates}`, params, limit, offset).map(({ source: _source, ...hit }) => hit);
  }

  countSearch(query: string, filter: DateFilter = {}): number {
    const w = tsWhere(query);
    if (!w) return 0;
    const params = [...w.params];
    const dates = dateWhere(filter, params);
    return this.pg.value<number>(`SELECT count(*) FROM articles a WHERE ${w.sql}${dates}`, params) ?? 0;
  }

  articlesMentioning(range: { from: string; to: string }, page: Page = {}) {
    const { limit, offset } = clampPage(page, 100);
    const rows = this.pg.all<{ article_id: string; data: string }>(
      `SELECT article_id, data FROM layer_times WHERE range_from <= $1 AND coalesce(range_to, range_from) >= $2
       ORDER BY range_from, article_id, idx LIMIT $3 OFFSET $4`,
      [range.to, range.from, limit, offset],
    );
    return rows.map((r) => {
      const t = JSON.parse(r.data) as { text: string; value: string; start: number; end: number };
      return { articleId: r.article_id, text: t.text, value: t.value, start: t.start, end: t.end };
    });
  }

  layerRows<L extends LayerName>(layer: L, query: LayerQuery & Page = {}): Array<LayerRow<L>> {
    const { limit, offset } = clampPage(query, MAX_PAGE);
    const spec = layerTable(layer);
    const { sql, params } = layerWhere(layer, query);
    params.push(limit, offset);
    const rows = this.pg.all<{ article_id: string; idx: number; data: string }>(
      `SELECT article_id, idx, data FROM ${tableName(layer)} ${sql} ORDER BY article_id, idx LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    if (spec.packed) return rows.flatMap((r) => unpackJson(r.data).map((item, index) => ({ articleId: r.article_id, index, item }) as LayerRow<L>));
    return rows.map((r) => ({ articleId: r.article_id, index: r.idx, item: JSON.parse(r.data) }) as LayerRow<L>);
  }

  private diagnosticWhere(filter: DiagnosticFilter, params: unknown[]): string {
    const where: string[] = [];
    if (filter.severity) where.push(`severity = $${params.push(filter.severity)}`);
    if (filter.code) where.push(`code = $${params.push(filter.code)}`);
    return where.length ? `WHERE ${where.join(' AND ')}` : '';
  }

  countDiagnostics(filter: DiagnosticFilter = {}): number {
    const params: unknown[] = [];
    return this.pg.value<number>(`SELECT count(*) FROM diagnostics ${this.diagnosticWhere(filter, params)}`, params) ?? 0;
  }

  diagnostics(query: Page & DiagnosticFilter = {}): Diagnostic[] {
    const { limit, offset } = clampPage(query, 100);
    const params: unknown[] = [];
    const where = this.diagnosticWhere(query, params);
    params.push(limit, offset);
    const rows = this.pg.all<DiagnosticRow>(`SELECT * FROM diagnostics ${where} ORDER BY id LIMIT $${params.length - 1} OFFSET $${params.length}`, params);
    return rows.map(diagnosticOf);
  }

  stats(): StoreStats {
    const layerSql = LAYER_TABLES.map((spec) =>
      spec.packed
        ? `(SELECT coalesce(sum(json_array_length(data::json)), 0) FROM ${tableName(spec.layer)})`
        : `(SELECT count(*) FROM ${tableName(spec.layer)})`,
    );
    const row = this.pg.get<Record<string, number | string | null>>(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM sources) AS sources,
        (SELECT coalesce(sum(words), 0) FROM articles) AS words, (SELECT count(*) FROM diagnostics) AS diagnostics,
        (SELECT count(*) FROM articles WHERE near_duplicate_of IS NOT NULL) AS near,
        (SELECT min(published_day) FROM articles) AS first, (SELECT max(published_day) FROM articles) AS last,
        ${layerSql.map((s, i) => `${s} AS l${i}`).join(', ')}`,
    )!;
    const layers: StoreStats['layers'] = {};
    LAYER_TABLES.forEach((spec, i) => (layers[spec.layer] = Number(row[`l${i}`])));
    return {
      articles: Number(row.articles),
      sources: Number(row.sources),
      words: Number(row.words),
      diagnostics: Number(row.diagnostics),
      layers,
      nearDuplicates: Number(row.near),
      firstPublished: row.first as string | null,
      lastPublished: row.last as string | null,
    };
  }

  close(): void {
    this.pg.close();
  }
}

/** The stories indexer (src/stories) over this store's tables, inside the batch transaction. */
export function pgStoriesIndexer(options: StoryOptions = {}): PgIndexer {
  return {
    name: 'stories',
    index(pg, written, at) {
      const tables = pgStoryTables(pg);
      const result = indexStories(tables, written, at ? { ...options, now: at } : options);
      tables.flush();
      return result;
    },
  };
}

export function openPgStore(url: string, options: PgStoreOptions = {}): PgStore {
  return new PgStore(url, options);
}
