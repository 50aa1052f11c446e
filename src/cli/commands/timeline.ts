import { subjectOf, subjectTimeline, type SubjectTimeline, type TimelineSubject } from '../../api/timeline.js';
import { eventsTimeline, listStories } from '../../api/stories.js';
import type { ReadStore } from '../../store/queries.js';
import { DEFAULT_DATES, DEFAULT_PER_DATE } from '../../timeline/params.js';
import { countFlag, stringFlag } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { paint, table, type CliIO as IO } from '../io.js';
import { dayFlag, openDb } from './shared.js';

export const timelineCommand: Command = {
  name: 'timeline',
  summary: 'Timeline of a story (st-…), an entity or a query: the days that matter and article sentences for each',
  usage: `dateline timeline [<story-id> | <name or query…>] [--entity NAME] [--query TEXT] [--dates N] [--per-date K]
                  [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--events] [--db PATH] [--json]

  With no subject, lists the stories. A story id gives the story's timeline; a name that finds an entity
  gives the timeline of the articles that mention it; any other text is a search query over the articles.
  The timeline keeps the --dates days the articles point at most (default ${DEFAULT_DATES}) and, for each, the
  --per-date sentences (default ${DEFAULT_PER_DATE}) that best state what happened, quoted from the articles with
  their source. --events shows the merged event cards of a story or entity instead.`,
  flags: { values: ['db', 'entity', 'query', 'dates', 'per-date', 'from', 'to'], booleans: ['events'] },
  async run(args, io) {
    const positional = args.positionals.join(' ').trim();
    const entityName = stringFlag(args, 'entity');
    const query = stringFlag(args, 'query');
    const store = openDb(args, true);
    try {
      if (!positional && !entityName && !query) return listStoriesView(store, io, Boolean(args.flags.json));
      if (args.flags.events) return eventsView(store, io, entityName ?? positional, Boolean(args.flags.json));
      const request = {
        dates: countFlag(args, 'dates', DEFAULT_DATES),
        perDate: countFlag(args, 'per-date', DEFAULT_PER_DATE),
        from: dayFlag(args, 'from'),
        to: dayFlag(args, 'to'),
      };
      const subject: TimelineSubject = query
        ? { query }
        : entityName
          ? { entity: entityName }
          : subjectOf(store, positional);
      const timeline = subjectTimeline(store, subject, request);
      if (!timeline) {
        io.err(`timeline: no story, entity or article matches '${query ?? entityName ?? positional}'`);
        return EXIT.NOT_FOUND;
      }
      if (args.flags.json) io.out(JSON.stringify(timeline, null, 2));
      else printTimeline(io, timeline);
      return EXIT.OK;
    } finally {
      store.close();
    }
  },
};

/** Stories listed without a subject. */
const STORIES_LISTED = 100;

function listStoriesView(store: ReadStore, io: IO, json: boolean): number {
  const stories = listStories(store, { limit: STORIES_LISTED, offset: 0 }).items;
  if (json) io.out(JSON.stringify({ stories }, null, 2));
  else if (stories.length === 0) io.out('no stories yet (ingest some articles first)');
  else io.out(table(['story', 'first', 'last', 'articles', 'events', 'title'], stories.map((s) => [s.id, s.firstDay ?? '?', s.lastDay ?? '?', s.articles, s.events, (s.title ?? s.terms.join(' ')).slice(0, 70)])));
  return EXIT.OK;
}

function printTimeline(io: IO, t: SubjectTimeline): void {
  io.out(paint(io, 'bold', `${t.subject.kind} ${t.subject.title ?? t.subject.id}: ${t.dates.length} dates from ${t.articles} articles (${t.dated} dated)${t.subject.topic ? `, the story's topic read as "${t.subject.topic.join(' ')}"` : ''}`));
  for (const d of t.dates) {
    io.out(`\n${paint(io, 'cyan', d.date)}`);
    for (const s of d.sentences) {
      io.out(`  ${s.text.replace(/\s+/g, ' ')}`);
      io.out(paint(io, 'dim', `    — ${s.source ?? s.title ?? 'article'} ${s.published ?? ''} [${s.article} ${s.start}-${s.end}]`));
    }
  }
}

/** The merged event cards of a story or an entity (the events view). */
function eventsView(store: ReadStore, io: IO, subject: string, json: boolean): number {
  const timeline = eventsTimeline(store, subject);
  if (!timeline) {
    io.err(`timeline: no story or entity '${subject}'`);
    return EXIT.NOT_FOUND;
  }
  if (json) {
    io.out(JSON.stringify(timeline, null, 2));
    return EXIT.OK;
  }
  io.out(paint(io, 'bold', `${timeline.subject.kind} ${timeline.subject.title ?? timeline.subject.id}: ${timeline.entries.length} entries`));
  for (const e of timeline.entries) {
    const src = e.sources.map((s) => s.source ?? s.title ?? s.article).join('; ');
    io.out(`\n${paint(io, 'cyan', e.date ?? '????-??-??')}${e.precision !== 'day' ? ` (${e.precision})` : ''}  ${e.summary}\n  sources: ${src}`);
  }
  return EXIT.OK;
}
