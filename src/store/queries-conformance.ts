/**
 * The conformance suite of the read port (queries.ts). Every store with `queries` runs it from its own
 * test file: `queriesConformance('sqlite', () => openStore(tmpPath()))`. Exact answers on hand-made
 * articles: hit sets, totals, facet counts, prefixes, paging, layer filters and merged events.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity, EventRecord, Place, Quantity } from '../core/layers.js';
import { batchOf, sampleArticle } from './conformance.js';
import type { ReadStore } from './queries.js';
import { storeRunner } from './conformance-kit.js';

const STRIKE = 'At least 20 people were killed in a drone strike on the western city of Ternopil, the Interior Ministry said.';
const FOLLOW = 'Rescuers in Ternopil said on Friday the toll from the drone strike had risen to 24 people.';
const TALKS = 'Kremlin spokesperson Dmitry Peskov said there were no plans for talks with the delegation in Kyiv.';

function entity(id: string, name: string, start: number, key = name.toLowerCase()): Entity {
  return { id, name, type: 'PER', start, end: start + name.length, mentions: [{ start, end: start + name.length }], roles: [], key, confidence: 1 };
}

function quantity(start: number, text: string, value: number, role: string): Quantity {
  return { start, end: start + text.length, text, value, unit: 'people', hedge: null, role, claimant: null, confidence: 1 };
}

const RAID = 'Gunmen killed 3 villagers in a raid near Sebha on Tuesday, officials said.';
const CLASH = 'Rebels and government forces clashed in Benghazi, killing 12 fighters, a doctor said.';
const MARCH = 'Thousands marched peacefully through Tripoli on Sunday.';

function place(name: string, country: string, admin1: string | undefined, start: number): Place {
  return { start, end: start + name.length, text: name, name, lat: 30, lon: 15, country, admin1, precision: 'city', confidence: 0.9 };
}

function event(text: string, p: Place, day: string, acled: [string, string], killed: number | null, confidence: number): EventRecord {
  return {
    id: 'v0', start: 0, end: text.length, trigger: { start: 0, end: 5, text: text.slice(0, 5) },
    acled: { eventType: acled[0], subEventType: acled[1] }, plover: null, actors: [], targets: [], place: p,
    date: { value: day, precision: 'day', range: { from: day, to: day }, how: 'stated' },
    ...(killed === null ? {} : { killed: { value: killed, hedge: null, quantity: 0 } }),
    quantities: [], claimant: null, summary: text, confidence, kind: 'conflict',
  };
}

export function queriesConformance(name: string, makeStore: () => ReadStore): void {
  const withStore = storeRunner(makeStore);

  const seed = (store: ReadStore) => {
    const strike = sampleArticle(STRIKE, { title: 'Strike on Ternopil', source: 'Wire One', published: '2025-11-19' });
    const follow = sampleArticle(FOLLOW, { title: 'Ternopil toll rises', source: 'Daily Two', published: '2025-11-21' });
    const talks = sampleArticle(TALKS, { title: 'No talks, Kremlin says', source: 'Wire One', published: '2025-12-02' });
    store.writeBatch(
      batchOf('seed.txt', [
        { article: strike, layers: { quantities: [quantity(0, 'At least 20 people', 20, 'killed')] } },
        { article: follow, layers: { quantities: [quantity(67, '24 people', 24, 'killed')] } },
        { article: talks, layers: { entities: [entity('e0', 'Dmitry Peskov', 27)] } },
      ]),
    );
    return { strike, follow, talks };
  };

  test(`${name} queries: search ranks every match, counts them, pages and filters exactly`, withStore((store) => {
    const { strike, follow, talks } = seed(store);
    const q = store.queries;
    const all = q.search('Ternopil', {}, { limit: 10, offset: 0 });
    assert.equal(all.total, 2);
    assert.deepEqual(all.items.map((h) => h.id).sort(), [strike.id, follow.id].sort());
    assert.ok(all.items[0].score >= all.items[1].score);
    assert.ok(all.items.every((h) => h.highlights.every(([s, e]) => /^ternopil$/i.test(h.snippet.slice(s, e)))));
    const pages = [0, 1].map((offset) => q.search('Ternopil', {}, { limit: 1, offset }).items[0].id);
    assert.deepEqual(pages, all.items.map((h) => h.id));
    assert.deepEqual(q.search('Ternopil', { source: 'Daily Two' }, { limit: 10, offset: 0 }).items.map((h) => h.id), [follow.id]);
    assert.deepEqual(q.search('Ternopil', { from: '2025-11-20' }, { limit: 10, offset: 0 }).items.map((h) => h.id), [follow.id]);
    assert.equal(q.search('Ternopil', { to: '2025-11-19' }, { limit: 10, offset: 0 }).total, 1);
    const browse = q.search('', { source: 'Wire One' }, { limit: 10, offset: 0 });
    assert.deepEqual(browse.items.map((h) => h.id), [talks.id, strike.id], 'no query: newest first');
    const facets = q.facets('Ternopil', {});
    assert.equal(facets.articles, 2);
    assert.deepEqual(facets.source, [{ value: 'Daily Two', count: 1 }, { value: 'Wire One', count: 1 }]);
    assert.deepEqual(facets.month, [{ value: '2025-11', count: 2 }]);
  }));

  test(`${name} queries: articles by prefix, refs, counts, pages in ingest order and texts`, withStore((store) => {
    const { strike, follow, talks } = seed(store);
    const q = store.queries;
    assert.deepEqual(q.articleIdsByPrefix(strike.id.slice(0, 10), 2), [strike.id]);
    assert.deepEqual(q.articleIdsByPrefix('', 5).sort(), [strike.id, follow.id, talks.id].sort());
    assert.equal(q.countArticles(), 3);
    assert.equal(q.countArticles({ from: '2025-11-20', to: '2025-11-30' }), 1);
    assert.deepEqual(q.articleRefs([talks.id]).get(talks.id), { articleId: talks.id, title: 'No talks, Kremlin says', published: '2025-12-02' });
    const first = q.articleIdsPage({}, 0, 2);
    const rest = q.articleIdsPage({}, first[first.length - 1].cursor, 2);
    assert.deepEqual([...first, ...rest].map((r) => r.id), [strike.id, follow.id, talks.id]);
    assert.deepEqual(q.articleTexts([follow.id]).map((a) => [a.id, a.text, a.source]), [[follow.id, FOLLOW, 'Daily Two']]);
  }));

  test(`${name} queries: entity keys, mentions and figures read back with their articles`, withStore((store) => {
    const { strike, follow, talks } = seed(store);
    const q = store.queries;
    const before = q.entityKeysVersion();
    assert.deepEqual(q.entityKeys('PER').map((k) => [k.key, k.mentions, k.articles]), [['dmitry peskov', 1, 1]]);
    assert.equal(q.entityArticleCount('PER', ['dmitry peskov']), 1);
    assert.deepEqual(q.entityMentions('PER', ['dmitry peskov'], 10).map((m) => [m.articleId, m.entity.name]), [[talks.id, 'Dmitry Peskov']]);
    store.writeBatch(batchOf('more.txt', [{ article: sampleArticle(`${TALKS} Again.`), layers: { entities: [entity('e0', 'Dmitry Peskov', 27)] } }]));
    assert.notEqual(q.entityKeysVersion(), before, 'the version moves when entity totals change');
    const killed = q.quantities({ role: 'killed' }, { limit: 10, offset: 0 });
    assert.equal(killed.total, 2);
    assert.deepEqual(killed.items.map((r) => r.quantity.value).sort(), [20, 24]);
    assert.deepEqual(q.quantities({ articleId: follow.id }, { limit: 10, offset: 0 }).items.map((r) => [r.articleId, r.title]), [[follow.id, 'Ternopil toll rises']]);
    assert.equal(q.claimQuantities({ role: 'killed', articleId: strike.id }, 10).length, 1);
    assert.equal(q.countLayerRows('quantities'), 2);
    assert.equal(q.countLayerRows('quantities', { where: { role: 'killed' }, articleIds: [follow.id] }), 1);
    assert.equal(q.countLayerRows('entities', { articleIds: [] }), 0);
    assert.deepEqual(q.diagnosticCounts(), []);
  }));

  test(`${name} queries: the events table filters by type, country, admin1, dates, fatalities, source, confidence; sorts, pages and counts per day`, withStore((store) => {
    const raid = sampleArticle(RAID, { title: 'Raid near Sebha', source: 'Wire One', published: '2011-02-15' });
    const clash = sampleArticle(CLASH, { title: 'Clashes in Benghazi', source: 'Daily Two', published: '2011-02-20' });
    const march = sampleArticle(MARCH, { title: 'March in Tripoli', source: 'Wire One', published: '2011-03-06' });
    store.writeBatch(
      batchOf('libya.txt', [
        { article: raid, layers: { events: [{ ...event(RAID, place('Sebha', 'LY', '34', 42), '2011-02-15', ['Violence against civilians', 'Attack'], 3, 0.6), actors: [{ start: 0, end: 6, text: 'Gunmen', name: 'Gunmen' }] }] } },
        { article: clash, layers: { events: [event(CLASH, place('Benghazi', 'LY', '69', 41), '2011-02-20', ['Battles', 'Armed clash'], 12, 0.9)] } },
        { article: march, layers: { events: [event(MARCH, place('Tripoli', 'LY', '77', 37), '2011-03-06', ['Protests', 'Peaceful protest'], null, 0.8)] } },
      ]),
    );
    const q = store.queries;
    const page = { limit: 10, offset: 0 };
    const newest = { key: 'date', desc: true } as const;
    const summaries = (r: { items: Array<{ event: EventRecord }> }) => r.items.map((e) => e.event.summary);
    assert.deepEqual(summaries(q.eventTable({}, newest, page)), [MARCH, CLASH, RAID]);
    assert.equal(q.eventTable({}, newest, page).total, 3);
    assert.deepEqual(summaries(q.eventTable({ countries: ['LY'], from: '2011-02-16', to: '2011-03-31' }, { key: 'date', desc: false }, page)), [CLASH, MARCH]);
    assert.equal(q.eventTable({ countries: ['UA'] }, newest, page).total, 0);
    assert.deepEqual(summaries(q.eventTable({ types: ['battles'] }, newest, page)), [CLASH]);
    assert.deepEqual(summaries(q.eventTable({ types: ['Peaceful protest'] }, newest, page)), [MARCH], 'a sub-type is a type too');
    assert.deepEqual(summaries(q.eventTable({ subTypes: ['attack'] }, newest, page)), [RAID]);
    assert.deepEqual(summaries(q.eventTable({ admin1: { codes: [{ country: 'LY', code: '69' }], names: ['Benghazi'] } }, newest, page)), [CLASH]);
    assert.equal(q.eventTable({ admin1: { codes: [], names: [] } }, newest, page).total, 0, 'an admin1 that resolves to nothing matches nothing');
    assert.deepEqual(summaries(q.eventTable({ fatalitiesMin: 1, fatalitiesMax: 5 }, newest, page)), [RAID]);
    assert.deepEqual(summaries(q.eventTable({ fatalitiesMax: 0 }, newest, page)), [MARCH], 'no figure counts as 0');
    assert.deepEqual(summaries(q.eventTable({ source: 'daily' }, newest, page)), [CLASH]);
    assert.deepEqual(summaries(q.eventTable({ actor: 'gunm' }, newest, page)), [RAID], 'an actor by part of its name');
    assert.deepEqual(summaries(q.eventTable({ actor: 'armed men', actorNames: ['Gunmen'] }, newest, page)), [RAID], 'or by another name of the entity');
    assert.equal(q.eventTable({ actor: 'armed men' }, newest, page).total, 0);
    assert.deepEqual(summaries(q.eventTable({ confidenceMin: 0.75 }, newest, page)), [MARCH, CLASH]);
    assert.deepEqual(summaries(q.eventTable({}, { key: 'fatalities', desc: true }, page)), [CLASH, RAID, MARCH], 'unknown last');
    assert.deepEqual(summaries(q.eventTable({}, { key: 'type', desc: false }, page)), [CLASH, MARCH, RAID]);
    const second = q.eventTable({}, newest, { limit: 1, offset: 1 });
    assert.deepEqual([summaries(second), second.total], [[CLASH], 3]);
    assert.deepEqual(q.eventDayCounts({ countries: ['LY'] }), [
      { day: '2011-02-15', type: 'Violence against civilians', events: 1, fatalities: 3 },
      { day: '2011-02-20', type: 'Battles', events: 1, fatalities: 12 },
      { day: '2011-03-06', type: 'Protests', events: 1, fatalities: 0 },
    ]);
    assert.deepEqual(q.eventDayCounts({ types: ['battles'] }).map((r) => r.day), ['2011-02-20']);
  }));
}
