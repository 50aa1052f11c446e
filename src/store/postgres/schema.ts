/**
 * The PostgreSQL schema, laid out for Citus (ARCHITECTURE.md, "PostgreSQL and Citus"): every
 * article-owned table carries `article_id` (articles: `id`) so it can be distributed on it and
 * co-located with `articles`; the story tables are keyed by their own ids; small lookups
 * (`dateline_meta`, `story_meta`) can be reference tables. Full-text search uses the `dateline`
 * text-search configuration: Snowball English stems without a stop list (as SQLite's FTS5 porter
 * tokenizer keeps every word), accents removed when the unaccent extension is present.
 */
import { LAYER_TABLES, tableName } from '../layer-tables.js';
import { PROVENANCE_DDL } from './provenance.js';

/** Bumped with every schema change; the store refuses a database from a newer version. */
export const PG_SCHEMA_VERSION = 2;

const TEXT_SEARCH = `
  CREATE TEXT SEARCH DICTIONARY dateline_stem (TEMPLATE = snowball, Language = english);
  CREATE TEXT SEARCH CONFIGURATION dateline (COPY = simple);
  ALTER TEXT SEARCH CONFIGURATION dateline ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword,
    hword_part, hword_asciipart, hword_numpart WITH dateline_stem;
`;

/** Run after TEXT_SEARCH when the unaccent extension can be created (it is optional). */
export const UNACCENT = [
  'CREATE EXTENSION IF NOT EXISTS unaccent',
  `ALTER TEXT SEARCH CONFIGURATION dateline ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword,
    hword_part, hword_asciipart, hword_numpart WITH unaccent, dateline_stem`,
];

const PG_TYPE: Record<string, string> = { TEXT: 'text', REAL: 'double precision', INTEGER: 'bigint' };

function layerDdl(): string {
  return LAYER_TABLES.map((spec) => {
    const table = tableName(spec.layer);
    const cols = (spec.columns ?? []).map((c) => `, "${c.name}" ${PG_TYPE[c.type]}`).join('');
    const indexes = (spec.columns ?? []).filter((c) => c.index).map((c) => `CREATE INDEX ${table}_${c.name} ON ${table}("${c.name}");`).join('\n');
    return `CREATE TABLE ${table} (article_id text NOT NULL, idx integer NOT NULL, start integer, "end" integer, data text NOT NULL${cols},
      PRIMARY KEY (article_id, idx));\n${indexes}`;
  }).join('\n');
}

export function schemaDdl(): string {
  return `
  ${TEXT_SEARCH}
  CREATE TABLE dateline_meta (key text PRIMARY KEY, value bigint NOT NULL);
  INSERT INTO dateline_meta (key, value) VALUES ('schema', ${PG_SCHEMA_VERSION}), ('entity_keys_version', 0), ('docs', 0);
  CREATE TABLE sources (id bigserial PRIMARY KEY, file text NOT NULL, format text NOT NULL, bytes bigint NOT NULL, raw text, ingested_at text NOT NULL);
  CREATE TABLE articles (
    seq bigserial NOT NULL,
    id text PRIMARY KEY,
    title text, url text, source text, byline text,
    language text NOT NULL,
    published text, published_day text,
    published_source text NOT NULL,
    published_confidence double precision NOT NULL,
    dateline text,
    origin text NOT NULL,
    normalizations text NOT NULL,
    text text NOT NULL,
    words integer NOT NULL,
    near_duplicate_of text,
    near_duplicate_similarity double precision,
    minhash bytea NOT NULL,
    ingested_at text NOT NULL,
    tsv tsvector NOT NULL
  );
  CREATE INDEX articles_seq ON articles(seq);
  CREATE INDEX articles_published ON articles(published_day);
  CREATE INDEX articles_tsv ON articles USING gin(tsv);
  CREATE TABLE article_sightings (seq bigserial NOT NULL, article_id text NOT NULL, source_id bigint NOT NULL, line integer, record integer, ingested_at text NOT NULL);
  CREATE INDEX article_sightings_article ON article_sightings(article_id);
  CREATE TABLE minhash_bands (band integer NOT NULL, key bigint NOT NULL, article_id text NOT NULL, article_seq bigint NOT NULL);
  CREATE INDEX minhash_bands_key ON minhash_bands(band, key, article_seq);
  CREATE TABLE diagnostics (
    id bigserial PRIMARY KEY, severity text NOT NULL, code text NOT NULL, message text NOT NULL,
    file text, line integer, record integer, component text, article_id text, created_at text NOT NULL
  );
  CREATE TABLE written_batches (key text PRIMARY KEY, written_at text NOT NULL);
  CREATE TABLE batch_runs (run text PRIMARY KEY, next integer NOT NULL);
  CREATE TABLE entity_keys (type text NOT NULL, key text NOT NULL, mentions integer NOT NULL, articles integer NOT NULL,
    names text NOT NULL, roles text NOT NULL, PRIMARY KEY (type, key));
  ${layerDdl()}
  CREATE TABLE event_clusters (
    id text PRIMARY KEY, acled_type text, acled_sub_type text, plover_type text, date_from text, date_to text, day text,
    lat double precision, lon double precision, place_name text, country text, killed bigint, injured bigint,
    sources integer NOT NULL, story_id text, data text NOT NULL, updated_at text NOT NULL
  );
  CREATE INDEX event_clusters_acled ON event_clusters(acled_type, date_from);
  CREATE INDEX event_clusters_plover ON event_clusters(plover_type, date_from);
  CREATE INDEX event_clusters_day ON event_clusters(day);
  CREATE INDEX event_clusters_story ON event_clusters(story_id);
  CREATE TABLE event_cluster_members (cluster_id text NOT NULL, article_id text NOT NULL, event_id text NOT NULL, PRIMARY KEY (article_id, event_id));
  CREATE INDEX event_cluster_members_cluster ON event_cluster_members(cluster_id);
  CREATE TABLE event_entities (cluster_id text NOT NULL, name_key text NOT NULL, role text NOT NULL, PRIMARY KEY (cluster_id, name_key, role));
  CREATE INDEX event_entities_name ON event_entities(name_key);
  CREATE TABLE stories (id text PRIMARY KEY, title text, first_day text, last_day text, articles integer NOT NULL, centroid text NOT NULL, updated_at text NOT NULL);
  CREATE INDEX stories_last_day ON stories(last_day);
  CREATE TABLE story_articles (article_id text PRIMARY KEY, story_id text NOT NULL, similarity double precision NOT NULL, day text, title text, lead text);
  CREATE INDEX story_articles_story ON story_articles(story_id);
  CREATE TABLE story_terms (term text PRIMARY KEY, df integer NOT NULL);
  CREATE TABLE story_index (term text NOT NULL, story_id text NOT NULL, PRIMARY KEY (term, story_id));
  ${PROVENANCE_DDL}
  `;
}

/** The tsvector an article is indexed by: title weighted A, text D (the title counts more, as bm25 5:1 does in SQLite). */
export function tsvSql(title: string, text: string): string {
  return `setweight(to_tsvector('dateline', coalesce(${title}::text, '')), 'A') || setweight(to_tsvector('dateline', ${text}::text), 'D')`;
}
