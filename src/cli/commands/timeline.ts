import { EXIT, type Command } from '../command.js';
import { paint, table } from '../io.js';
import { findEntity } from '../../api/entities.js';
import type { SqliteStore } from '../../store/sqlite.js';
import { entityTimeline, listStories, storyTimeline, type Timeline } from '../../stories/store.js';
import { openDb } from './shared.js';

export const timelineCommand: Command = {
  name: 'timeline',
  summary: 'Dated timeline of a story (st-…) or an entity; with no argument, the stories',
  usage: `dateline timeline [<story-id> | <entity name…>] [--db PATH] [--json]

  A story id (from 'dateline timeline' with no argument) gives the story's merged events and reports in
  date order; any other argument is an entity name (actor, target or claimant of events).`,
  flags: { values: ['db'] },
  async run(args, io) {
    const subject = args.positionals.join(' ').trim();
    const store = openDb(args, true);
    try {
      if (!subject) {
        const stories = listStories(store);
        if (args.flags.json) io.out(JSON.stringify({ stories }, null, 2));
        else if (stories.length === 0) io.out('no stories yet (ingest some articles first)');
        else io.out(table(['story', 'first', 'last', 'articles', 'events', 'title'], stories.map((s) => [s.id, s.firstDay ?? '?', s.lastDay ?? '?', s.articles, s.events, (s.title ?? s.terms.join(' ')).slice(0, 70)])));
        return EXIT.OK;
      }
      const timeline = (subject.startsWith('st-') ? storyTimeline(store, subject) : null) ?? entityTimeline(store, subject) ?? timelineOfEntity(store, subject);
      if (!timeline) {
        io.err(`timeline: no story or entity '${subject}'`);
        return EXIT.NOT_FOUND;
      }
      if (args.flags.json) {
        io.out(JSON.stringify(timeline, null, 2));
        return EXIT.OK;
      }
      io.out(paint(io, 'bold', `${timeline.subject.kind} ${timeline.subject.title ?? timeline.subject.id}: ${timeline.entries.length} entries`));
      for (const e of timeline.entries) {
        const src = e.sources.map((s) => s.source ?? s.title ?? s.article).join('; ');
        io.out(`\n${paint(io, 'cyan', e.date ?? '????-??-??')}${e.precision !== 'day' ? ` (${e.precision})` : ''}  ${e.summary}\n  sources: ${src}`);
      }
      return EXIT.OK;
    } finally {
      store.close();
    }
  },
};

/** The timeline of the entity a name finds ("Zelensky", "Зеленський" → Volodymyr Zelenskyy), under every name it was written. */
function timelineOfEntity(store: SqliteStore, name: string): Timeline | null {
  const entity = findEntity(store, name);
  return entity ? entityTimeline(store, entity.name, entity.variants) : null;
}
