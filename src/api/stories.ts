/** Stories (articles clustered at ingest) and the timelines of a story or an entity's merged events. */
import type { MergedEvent } from '../core/merged-event.js';
import { paged, type PageArgs, type Paged, type ReadStore, type StorySummary, type StoryTimeline } from '../store/queries.js';
import { findEntity } from './entities.js';

/** Stories, largest first. */
export function listStories(store: ReadStore, page: PageArgs): Paged<StorySummary> {
  return paged(store.queries.stories(page.offset + page.limit).slice(page.offset), store.queries.countStories(), page);
}

export interface StoryDetail extends StoryTimeline {
  /** The story's merged events with each source's figures (for conflicting figures side by side). */
  events: MergedEvent[];
}

export function getStory(store: ReadStore, id: string): StoryDetail | null {
  const t = store.queries.storyTimeline(id);
  return t ? { ...t, events: store.queries.mergedEvents({ story: id, limit: 5000 }) } : null;
}

/**
 * The merged events of a story (an `st-…` id) or of an entity: its name as written in events, else
 * the entity the name finds ("Zelensky", "Зеленський" → Volodymyr Zelenskyy) under every name it was written.
 */
export function eventsTimeline(store: ReadStore, subject: string): StoryTimeline | null {
  const q = store.queries;
  const story = subject.startsWith('st-') ? q.storyTimeline(subject) : null;
  if (story) return story;
  const named = q.entityTimeline(subject, []);
  if (named) return named;
  const entity = findEntity(store, subject);
  return entity ? q.entityTimeline(entity.name, entity.variants) : null;
}

/** The largest story (most articles), or null when there are none. */
export function mainStoryId(store: ReadStore): string | null {
  return store.queries.mainStoryId();
}
