/**
 * The stories indexer's view of its tables (merged events, stories, the term index): one method per
 * read or write the indexer makes, so the same indexing runs on every store. The SQLite store
 * implements it in store/sqlite/story-tables.ts, the PostgreSQL store in store/postgres/story-tables.ts.
 */
export interface ClusterRow {
  id: string;
  data: string;
  story_id: string | null;
}

export interface StoryCandidate {
  id: string;
  first_day: string | null;
  last_day: string | null;
  articles: number;
}

/** A merged event as its table row (written whole on create and on every merge). */
export interface ClusterRecord {
  id: string;
  acled_type: string | null;
  acled_sub_type: string | null;
  plover_type: string | null;
  date_from: string | null;
  date_to: string | null;
  day: string | null;
  lat: number | null;
  lon: number | null;
  place_name: string | null;
  country: string | null;
  killed: number | null;
  injured: number | null;
  sources: number;
  story_id: string | null;
  data: string;
  updated_at: string;
}

/** Which stored events an event may merge with: same type, overlapping dates, nearby place. */
export interface ClusterProbe {
  acledType?: string;
  ploverType?: string;
  dates?: { from: string; to: string };
  place?: { lat: number; lon: number; country: string | null };
}

export interface StoryTables {
  /** An object that lives as long as the connection (cache key). */
  readonly key: object;
  /** Whether the stories tables exist (a read-only store opened before their migration has none). */
  ready(): boolean;
  isFiled(articleId: string): boolean;
  clusterCandidates(probe: ClusterProbe, limit: number): ClusterRow[];
  /** Inserts or updates the event (keeping a story already set) and adds its entity keys. */
  writeCluster(row: ClusterRecord, entities: Array<{ key: string; role: string }>): void;
  addMember(clusterId: string, articleId: string, eventId: string): void;
  /** Document frequencies of the terms and the number of documents so far. */
  documentFrequencies(terms: string[]): { found: Map<string, number>; docs: number };
  /** Counts one more document containing each of the terms. */
  countDocument(terms: string[]): void;
  /** Stories sharing most of the probe terms, most shared first, optionally only those overlapping [from, to]. */
  storyCandidates(probe: string[], window: { from: string; to: string } | null, limit: number): StoryCandidate[];
  centroid(storyId: string): string;
  storyTitle(storyId: string): string | null;
  updateStory(storyId: string, s: { centroid: string; first: string | null; last: string | null; title: string; now: string }): void;
  insertStory(storyId: string, s: { title: string; day: string | null; centroid: string; now: string }): void;
  indexTerms(storyId: string, terms: string[]): void;
  fileArticle(a: { articleId: string; storyId: string; similarity: number; day: string | null; title: string | null; lead: string }): void;
  /** Files the event under the story unless it has one already. */
  setClusterStory(clusterId: string, storyId: string): void;
}
