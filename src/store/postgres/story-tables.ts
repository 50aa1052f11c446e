/**
 * The stories indexer's tables (stories/tables.ts) on PostgreSQL. Writes are queued and sent with the
 * next read (or `flush`) in one round trip, in order, inside the batch's transaction, so filing an
 * article costs a few round trips however many rows it touches.
 */
import type { ClusterProbe, ClusterRecord, ClusterRow, StoryCandidate, StoryTables } from '../../stories/tables.js';
import type { Op, SyncPg } from './sync-client.js';

export interface PgStoryTables extends StoryTables {
  flush(): void;
}

const CLUSTER_COLUMNS = ['id', 'acled_type', 'acled_sub_type', 'plover_type', 'date_from', 'date_to', 'day', 'lat', 'lon', 'place_name', 'country', 'killed', 'injured', 'sources', 'story_id', 'data', 'updated_at'] as const;

export function pgStoryTables(pg: SyncPg): PgStoryTables {
  const pending: Op[] = [];
  const read = <T>(sql: string, params: unknown[] = []): T[] => {
    const results = pg.many([...pending.splice(0), { sql, params }]);
    return results[results.length - 1] as T[];
  };
  const write = (sql: string, params: unknown[] = []) => void pending.push({ sql, params });
  return {
    key: pg,
    flush: () => void pg.many(pending.splice(0)),
    ready: () => true,
    isFiled: (id) => read('SELECT 1 FROM story_articles WHERE article_id = $1', [id]).length > 0,
    clusterCandidates(p: ClusterProbe, limit: number): ClusterRow[] {
      const where: string[] = [];
      const params: unknown[] = [];
      if (p.acledType !== undefined) where.push(`acled_type = $${params.push(p.acledType)}`);
      else where.push(`acled_type IS NULL AND plover_type = $${params.push(p.ploverType)}`);
      if (p.dates) where.push(`(date_from IS NULL OR (date_from <= $${params.push(p.dates.to)} AND date_to >= $${params.push(p.dates.from)}))`);
      if (p.place) {
        const { lat, lon, country } = p.place;
        where.push(
          `(lat IS NULL OR (lat BETWEEN $${params.push(lat - 1)} AND $${params.push(lat + 1)} AND lon BETWEEN $${params.push(lon - 1.5)} AND $${params.push(lon + 1.5)}) OR country = $${params.push(country)})`,
        );
      }
      return read<ClusterRow>(`SELECT id, data, story_id FROM event_clusters WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, id LIMIT ${limit}`, params);
    },
    writeCluster(row: ClusterRecord, entities) {
      const cols = CLUSTER_COLUMNS.join(', ');
      const updates = CLUSTER_COLUMNS.filter((c) => c !== 'id' && c !== 'story_id').map((c) => `${c} = excluded.${c}`);
      write(
        `INSERT INTO event_clusters (${cols}) VALUES (${CLUSTER_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
         ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}, story_id = coalesce(event_clusters.story_id, excluded.story_id)`,
        CLUSTER_COLUMNS.map((c) => row[c]),
      );
      if (entities.length) {
        write('INSERT INTO event_entities (cluster_id, name_key, role) SELECT $1, k, r FROM unnest($2::text[], $3::text[]) AS x(k, r) ON CONFLICT DO NOTHING', [
          row.id,
          entities.map((e) => e.key),
          entities.map((e) => e.role),
        ]);
      }
    },
    addMember: (c, a, e) =>
      write('INSERT INTO event_cluster_members (cluster_id, article_id, event_id) VALUES ($1, $2, $3) ON CONFLICT (article_id, event_id) DO UPDATE SET cluster_id = excluded.cluster_id', [c, a, e]),
    documentFrequencies(terms) {
      const rows = read<{ term: string; df: number; docs: number }>(
        "SELECT t.term, t.df, (SELECT value FROM dateline_meta WHERE key = 'docs') AS docs FROM (SELECT NULL::text AS term, 0 AS df UNION ALL SELECT term, df FROM story_terms WHERE term = ANY($1::text[])) t",
        [terms],
      );
      return { found: new Map(rows.filter((r) => r.term !== null).map((r) => [r.term, r.df])), docs: Number(rows[0]?.docs ?? 0) };
    },
    countDocument(terms) {
      write('INSERT INTO story_terms (term, df) SELECT DISTINCT unnest($1::text[]), 1 ON CONFLICT (term) DO UPDATE SET df = story_terms.df + 1', [terms]);
      write("UPDATE dateline_meta SET value = value + 1 WHERE key = 'docs'");
    },
    storyCandidates(probe, window, limit): StoryCandidate[] {
      const params: unknown[] = [probe];
      const dated = window ? `WHERE s.last_day >= $${params.push(window.from)} AND s.first_day <= $${params.push(window.to)}` : '';
      return read<StoryCandidate>(
        `SELECT s.id, s.first_day, s.last_day, s.articles FROM (SELECT story_id, count(*) AS shared FROM story_index WHERE term = ANY($1::text[]) GROUP BY story_id) c
         JOIN stories s ON s.id = c.story_id ${dated} ORDER BY c.shared DESC, s.updated_at DESC, s.id LIMIT ${limit}`,
        params,
      );
    },
    centroid: (id) => read<{ centroid: string }>('SELECT centroid FROM stories WHERE id = $1', [id])[0].centroid,
    storyTitle: (id) => read<{ title: string | null }>('SELECT title FROM stories WHERE id = $1', [id])[0]?.title ?? null,
    updateStory: (id, s) =>
      write('UPDATE stories SET centroid = $1, first_day = $2, last_day = $3, articles = articles + 1, title = $4, updated_at = $5 WHERE id = $6', [s.centroid, s.first, s.last, s.title, s.now, id]),
    insertStory: (id, s) =>
      write('INSERT INTO stories (id, title, first_day, last_day, articles, centroid, updated_at) VALUES ($1, $2, $3, $3, 1, $4, $5) ON CONFLICT DO NOTHING', [id, s.title, s.day, s.centroid, s.now]),
    indexTerms: (id, terms) => write('INSERT INTO story_index (term, story_id) SELECT DISTINCT unnest($1::text[]), $2 ON CONFLICT DO NOTHING', [terms, id]),
    fileArticle: (a) =>
      write(
        `INSERT INTO story_articles (article_id, story_id, similarity, day, title, lead) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, similarity = excluded.similarity, day = excluded.day, title = excluded.title, lead = excluded.lead`,
        [a.articleId, a.storyId, a.similarity, a.day, a.title, a.lead],
      ),
    setClusterStory: (c, s) => write('UPDATE event_clusters SET story_id = coalesce(story_id, $1) WHERE id = $2', [s, c]),
  };
}
