/**
 * Tables of the cross-source event merge and the story clustering (appended to the store's
 * migrations as one new migration; see store/sqlite.ts).
 */
import type Database from 'better-sqlite3';

export function storiesMigration(db: Database.Database): void {
  db.exec(`
    CREATE TABLE event_clusters (
      id TEXT PRIMARY KEY,
      acled_type TEXT,
      acled_sub_type TEXT,
      plover_type TEXT,
      date_from TEXT,
      date_to TEXT,
      day TEXT,
      lat REAL,
      lon REAL,
      place_name TEXT,
      country TEXT,
      killed INTEGER,
      injured INTEGER,
      sources INTEGER NOT NULL,
      story_id TEXT,
      data TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX event_clusters_acled ON event_clusters(acled_type, date_from);
    CREATE INDEX event_clusters_plover ON event_clusters(plover_type, date_from);
    CREATE INDEX event_clusters_day ON event_clusters(day);
    CREATE INDEX event_clusters_story ON event_clusters(story_id);
    CREATE TABLE event_cluster_members (
      cluster_id TEXT NOT NULL,
      article_id TEXT NOT NULL,
      event_id TEXT NOT NULL,
      PRIMARY KEY (article_id, event_id)
    );
    CREATE INDEX event_cluster_members_cluster ON event_cluster_members(cluster_id);
    CREATE TABLE event_entities (
      cluster_id TEXT NOT NULL,
      name_key TEXT NOT NULL,
      role TEXT NOT NULL,
      PRIMARY KEY (cluster_id, name_key, role)
    );
    CREATE INDEX event_entities_name ON event_entities(name_key);
    CREATE TABLE stories (
      id TEXT PRIMARY KEY,
      title TEXT,
      first_day TEXT,
      last_day TEXT,
      articles INTEGER NOT NULL,
      centroid TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX stories_last_day ON stories(last_day);
    CREATE TABLE story_articles (
      article_id TEXT PRIMARY KEY,
      story_id TEXT NOT NULL,
      similarity REAL NOT NULL,
      day TEXT,
      title TEXT,
      lead TEXT
    );
    CREATE INDEX story_articles_story ON story_articles(story_id);
    CREATE TABLE story_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL);
    CREATE TABLE story_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
  `);
}

/** Migration 3: an inverted index from terms to stories, so a new article is compared only with stories that share its terms. */
export function storyIndexMigration(db: Database.Database): void {
  db.exec(`
    CREATE TABLE story_index (term TEXT NOT NULL, story_id TEXT NOT NULL, PRIMARY KEY (term, story_id)) WITHOUT ROWID;
  `);
}
