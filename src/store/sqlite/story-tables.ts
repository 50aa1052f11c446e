/** The stories indexer's tables (stories/tables.ts) on SQLite: the statements the indexer used to run itself. */
import type { ClusterProbe, ClusterRecord, ClusterRow, StoryCandidate, StoryTables } from '../../stories/tables.js';
import { stmt, type DB } from './sql.js';

const probeSql = (n: number) => `SELECT story_id, count(*) AS shared FROM story_index WHERE term IN (${Array.from({ length: n }, () => '?').join(', ')}) GROUP BY story_id`;

export function sqliteStoryTables(db: DB): StoryTables {
  return {
    key: db,
    ready: () => stmt(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_clusters'").get() !== undefined,
    isFiled: (id) => stmt(db, 'SELECT 1 FROM story_articles WHERE article_id = ?').get(id) !== undefined,
    clusterCandidates(p: ClusterProbe, limit: number): ClusterRow[] {
      const where: string[] = [];
      const params: unknown[] = [];
      if (p.acledType !== undefined) {
        where.push('acled_type = ?');
        params.push(p.acledType);
      } else {
        where.push('acled_type IS NULL AND plover_type = ?');
        params.push(p.ploverType);
      }
      if (p.dates) {
        where.push('(date_from IS NULL OR (date_from <= ? AND date_to >= ?))');
        params.push(p.dates.to, p.dates.from);
      }
      if (p.place) {
        where.push('(lat IS NULL OR (lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?) OR country = ?)');
        params.push(p.place.lat - 1, p.place.lat + 1, p.place.lon - 1.5, p.place.lon + 1.5, p.place.country);
      }
      return stmt(db, `SELECT id, data, story_id FROM event_clusters WHERE ${where.join(' AND ')} ORDER BY updated_at DESC LIMIT ${limit}`).all(...params) as ClusterRow[];
    },
    writeCluster(row: ClusterRecord, entities) {
      stmt(
        db,
        `INSERT INTO event_clusters (id, acled_type, acled_sub_type, plover_type, date_from, date_to, day, lat, lon, place_name, country,
           killed, injured, sources, story_id, data, updated_at)
         VALUES (@id, @acled_type, @acled_sub_type, @plover_type, @date_from, @date_to, @day, @lat, @lon, @place_name, @country,
           @killed, @injured, @sources, @story_id, @data, @updated_at)
         ON CONFLICT(id) DO UPDATE SET acled_type = excluded.acled_type, acled_sub_type = excluded.acled_sub_type,
           plover_type = excluded.plover_type, date_from = excluded.date_from, date_to = excluded.date_to, day = excluded.day,
           lat = excluded.lat, lon = excluded.lon, place_name = excluded.place_name, country = excluded.country,
           killed = excluded.killed, injured = excluded.injured, sources = excluded.sources,
           story_id = coalesce(event_clusters.story_id, excluded.story_id), data = excluded.data, updated_at = excluded.updated_at`,
      ).run(row);
      const ins = stmt(db, 'INSERT OR IGNORE INTO event_entities (cluster_id, name_key, role) VALUES (?, ?, ?)');
      for (const e of entities) ins.run(row.id, e.key, e.role);
    },
    addMember: (c, a, e) => void stmt(db, 'INSERT OR REPLACE INTO event_cluster_members (cluster_id, article_id, event_id) VALUES (?, ?, ?)').run(c, a, e),
    documentFrequencies(terms) {
      // The article's terms go to SQLite as one JSON array: a statement per article, not one per term.
      const rows = stmt(db, 'SELECT term, df FROM story_terms WHERE term IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(terms)) as Array<[string, number]>;
      const docs = (stmt(db, "SELECT value FROM story_meta WHERE key = 'docs'").pluck().get() as number | undefined) ?? 0;
      return { found: new Map(rows), docs };
    },
    countDocument(terms) {
      stmt(db, 'INSERT INTO story_terms (term, df) SELECT value, 1 FROM json_each(?) WHERE true ON CONFLICT(term) DO UPDATE SET df = df + 1').run(JSON.stringify(terms));
      stmt(db, "INSERT INTO story_meta (key, value) VALUES ('docs', 1) ON CONFLICT(key) DO UPDATE SET value = value + 1").run();
    },
    storyCandidates(probe, window, limit): StoryCandidate[] {
      const from = `FROM (${probeSql(probe.length)}) c JOIN stories s ON s.id = c.story_id`;
      return (
        window
          ? stmt(db, `SELECT s.id, s.first_day, s.last_day, s.articles ${from} WHERE s.last_day >= ? AND s.first_day <= ? ORDER BY c.shared DESC, s.updated_at DESC LIMIT ${limit}`).all(
              ...probe,
              window.from,
              window.to,
            )
          : stmt(db, `SELECT s.id, s.first_day, s.last_day, s.articles ${from} ORDER BY c.shared DESC, s.updated_at DESC LIMIT ${limit}`).all(...probe)
      ) as StoryCandidate[];
    },
    centroid: (id) => stmt(db, 'SELECT centroid FROM stories WHERE id = ?').pluck().get(id) as string,
    storyTitle: (id) => stmt(db, 'SELECT title FROM stories WHERE id = ?').pluck().get(id) as string | null,
    updateStory(id, s) {
      stmt(db, 'UPDATE stories SET centroid = ?, first_day = ?, last_day = ?, articles = articles + 1, title = ?, updated_at = ? WHERE id = ?').run(s.centroid, s.first, s.last, s.title, s.now, id);
    },
    insertStory(id, s) {
      stmt(db, 'INSERT OR IGNORE INTO stories (id, title, first_day, last_day, articles, centroid, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)').run(id, s.title, s.day, s.day, s.centroid, s.now);
    },
    indexTerms: (id, terms) => void stmt(db, 'INSERT OR IGNORE INTO story_index (term, story_id) SELECT value, ? FROM json_each(?)').run(id, JSON.stringify(terms)),
    fileArticle(a) {
      stmt(db, 'INSERT OR REPLACE INTO story_articles (article_id, story_id, similarity, day, title, lead) VALUES (?, ?, ?, ?, ?, ?)').run(a.articleId, a.storyId, a.similarity, a.day, a.title, a.lead);
    },
    setClusterStory: (c, s) => void stmt(db, 'UPDATE event_clusters SET story_id = coalesce(story_id, ?) WHERE id = ?').run(s, c),
  };
}
