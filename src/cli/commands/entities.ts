import type { EntityType } from '../../core/layers.js';
import { crossEntities, entityByKey, findEntity, surnameOwners, withExactArticles } from '../../api/entities.js';
import { getEntity } from '../../api/entity-detail.js';
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
  usage: `dateline entity <name or key…> [--db PATH] [--json]

  "Peskov", "Dmitry Peskov" and "Zelensky" all find their entity (surnames and transliterations merge).
  --json prints what /api/entities/<name or key> answers, with \`mayBe\` for a surname several people bear.`,
  flags: { values: ['db'] },
  async run(args, io) {
    const name = args.positionals.join(' ').trim();
    if (!name) {
      io.err('entity: give a name');
      return EXIT.USAGE;
    }
    const store = openDb(args, true);
    try {
      const entity = entityByKey(store, name) ?? findEntity(store, name);
      const detail = getEntity(store, name);
      if (!entity || !detail) {
        io.err(`entity: no entity named '${name}'`);
        return EXIT.NOT_FOUND;
      }
      const owners = surnameOwners(store, entity);
      if (args.flags.json) {
        io.out(JSON.stringify({ ...detail, mayBe: owners.map((o) => ({ key: o.key, name: o.name, mentions: o.mentions })) }, null, 2));
        return EXIT.OK;
      }
      io.out(`${paint(io, 'bold', detail.name)} (${detail.type}) — ${detail.mentions} mentions in ${detail.articles} articles`);
      if (owners.length > 0) {
        const shown = owners.slice(0, 5).map((o) => `${o.name} (${o.mentions})`).join(', ');
        io.out(`'${entity.name}' alone is kept apart: ${owners.length} people bear it — ${shown}${owners.length > 5 ? ', …' : ''}`);
      }
      if (detail.names.length > 1) io.out(`written: ${detail.names.join(', ')}`);
      for (const r of detail.roles) io.out(`role: ${r.title}${r.affiliation ? ` (${r.affiliation})` : ''} ×${r.count}`);
      for (const a of detail.appearances) io.out(`  ${a.articleId}  ${a.published?.slice(0, 10) ?? '?'}  ${a.mentions}×  ${a.title ?? ''}`);
      return EXIT.OK;
    } finally {
      store.close();
    }
  },
};
