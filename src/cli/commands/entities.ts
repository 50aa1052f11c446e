import type { EntityType } from '../../core/layers.js';
import { crossEntities, findEntity, memberEntities, surnameOwners, withExactArticles } from '../../api/entities.js';
import { resolvedPublished } from '../../api/serialize.js';
import { countFlag, stringFlag } from '../args.js';
import { EXIT, type Command } from '../command.js';
import { paint, table } from '../io.js';
import { openDb } from './shared.js';

const TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

export const entitiesCommand: Command = {
  name: 'entities',
  summary: 'People, organisations and places merged across articles, with mention counts and roles',
  usage: `dateline entities [--type PER|ORG|LOC|MISC] [--limit N] [--offset N] [--db PATH] [--json]`,
  flags: { values: ['db', 'type', 'limit', 'offset'] },
  async run(args, io) {
    const type = stringFlag(args, 'type')?.toUpperCase();
    if (type !== undefined && !TYPES.includes(type as EntityType)) {
      io.err(`entities: --type must be one of ${TYPES.join('|')}`);
      return EXIT.USAGE;
    }
    const store = openDb(args, true);
    try {
      const offset = countFlag(args, 'offset', 0);
      const all = crossEntities(store, type ? { type: type as EntityType } : {});
      const page = withExactArticles(store, all.slice(offset, offset + countFlag(args, 'limit', 50)));
      if (args.flags.json) {
        io.out(JSON.stringify({ total: all.length, offset, entities: page }, null, 2));
        return EXIT.OK;
      }
      io.out(`${all.length} entities${type ? ` of type ${type}` : ''}`);
      io.out(
        table(
          ['name', 'type', 'mentions', 'articles', 'roles', 'also written'],
          page.map((e) => [
            e.name,
            e.type,
            e.mentions,
            e.articles,
            e.roles.slice(0, 2).map((r) => r.title + (r.affiliation ? ` (${r.affiliation})` : '')).join('; '),
            e.variants.filter((v) => v !== e.name).slice(0, 3).join(', '),
          ]),
        ),
      );
      return EXIT.OK;
    } finally {
      store.close();
    }
  },
};

export const entityCommand: Command = {
  name: 'entity',
  summary: 'One entity across articles: name variants, roles, and every article that mentions it',
  usage: `dateline entity <name…> [--db PATH] [--json]

  "Peskov", "Dmitry Peskov" and "Zelensky" all find their entity (surnames and transliterations merge).`,
  flags: { values: ['db'] },
  async run(args, io) {
    const name = args.positionals.join(' ').trim();
    if (!name) {
      io.err('entity: give a name');
      return EXIT.USAGE;
    }
    const store = openDb(args, true);
    try {
      const entity = findEntity(store, name);
      if (!entity) {
        io.err(`entity: no entity named '${name}'`);
        return EXIT.NOT_FOUND;
      }
      const members = memberEntities(store, entity);
      const owners = surnameOwners(store, entity);
      if (args.flags.json) {
        io.out(JSON.stringify({ ...entity, appearances: members, mayBe: owners.map((o) => ({ key: o.key, name: o.name, mentions: o.mentions })) }, null, 2));
        return EXIT.OK;
      }
      io.out(`${paint(io, 'bold', entity.name)} (${entity.type}) — ${entity.mentions} mentions in ${entity.articles} articles`);
      if (owners.length > 0) {
        const shown = owners.slice(0, 5).map((o) => `${o.name} (${o.mentions})`).join(', ');
        io.out(`'${entity.name}' alone is kept apart: ${owners.length} people bear it — ${shown}${owners.length > 5 ? ', …' : ''}`);
      }
      if (entity.variants.length > 1) io.out(`written: ${entity.variants.join(', ')}`);
      for (const r of entity.roles) io.out(`role: ${r.title}${r.affiliation ? ` (${r.affiliation})` : ''} ×${r.count}`);
      for (const m of members) {
        const stored = store.getArticle(m.articleId);
        const article = stored?.article;
        io.out(`  ${m.articleId}  ${(stored && resolvedPublished(stored))?.slice(0, 10) ?? '?'}  ${m.entity.mentions.length}×  ${article?.title ?? article?.dateline?.text ?? ''}`);
      }
      return EXIT.OK;
    } finally {
      store.close();
    }
  },
};
