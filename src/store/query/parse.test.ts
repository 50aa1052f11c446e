import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QueryError, parseQuery } from './parse.js';
import { QUERY_LIMITS } from './limits.js';

const reason = (q: string) => {
  try {
    parseQuery(q);
    return null;
  } catch (error) {
    assert.ok(error instanceof QueryError);
    return error.reason;
  }
};

test('words, phrases, prefixes and operators become one tree', () => {
  assert.deepEqual(parseQuery('strike Doha'), {
    kind: 'and',
    children: [
      { kind: 'term', text: 'strike', prefix: false },
      { kind: 'term', text: 'Doha', prefix: false },
    ],
  });
  assert.deepEqual(parseQuery('"Dmitry Peskov" OR kill*'), {
    kind: 'or',
    children: [
      { kind: 'phrase', words: 'Dmitry Peskov', prefix: false },
      { kind: 'term', text: 'kill', prefix: true },
    ],
  });
  assert.deepEqual(parseQuery('(drone OR missile) -Kyiv'), {
    kind: 'not',
    positive: {
      kind: 'or',
      children: [
        { kind: 'term', text: 'drone', prefix: false },
        { kind: 'term', text: 'missile', prefix: false },
      ],
    },
    negative: { kind: 'term', text: 'Kyiv', prefix: false },
  });
  assert.deepEqual(parseQuery('NEAR(Putin Trump, 5)'), {
    kind: 'near',
    phrases: [
      { kind: 'term', text: 'Putin', prefix: false },
      { kind: 'term', text: 'Trump', prefix: false },
    ],
    distance: 5,
  });
});

test('lower-case and/or/not are words; a leading NOT excludes from the group', () => {
  const tree = parseQuery('war and peace');
  assert.equal(tree?.kind, 'and');
  assert.equal(tree.kind === 'and' && tree.children.length, 3);
  assert.equal(parseQuery('Gaza NOT ceasefire')?.kind, 'not');
});

test('broken syntax is forgiven: unclosed quote (dropped) or bracket, stray ), dangling operator, no words', () => {
  assert.deepEqual(parseQuery('Peskov AND ('), { kind: 'term', text: 'Peskov', prefix: false });
  assert.deepEqual(parseQuery('"drones AND ('), { kind: 'term', text: 'drones', prefix: false });
  assert.deepEqual(parseQuery(') Peskov )) OR'), { kind: 'term', text: 'Peskov', prefix: false });
  assert.equal(parseQuery('!!! *** ""'), null);
  assert.equal(parseQuery(''), null);
  assert.deepEqual(parseQuery('\u0000中'), { kind: 'term', text: '中', prefix: false }, 'control characters are spaces (found by the fuzzer)');
});

test('costly queries are refused with the bound they break', () => {
  assert.equal(reason(Array(40).fill('a*').join(' ')), 'SHORT_PREFIX');
  assert.equal(reason('ab*'), 'SHORT_PREFIX');
  assert.equal(reason('kil*'), null);
  assert.equal(reason('kil* dro* mis* str* bom*'), 'TOO_MANY_PREFIXES');
  assert.equal(reason(Array(10).fill('kil*').join(' ')), null, 'the same prefix repeated counts once');
  assert.equal(reason(`NEAR(${Array(100).fill('w').join(' ')})`), 'NEAR_TOO_WIDE');
  assert.equal(reason('NEAR(a b, 1000)'), 'NEAR_TOO_WIDE');
  assert.equal(reason(Array(QUERY_LIMITS.maxWords + 1).fill('w').join(' ')), 'TOO_MANY_WORDS');
  assert.equal(reason('x'.repeat(QUERY_LIMITS.maxChars + 1)), 'TOO_LONG');
  assert.equal(reason(`${'('.repeat(20)}a`), 'TOO_DEEP');
  assert.equal(reason('-Kyiv NOT Kharkiv'), 'ONLY_EXCLUDES');
});

test('deep nesting within the bound and long inputs do not overflow the stack', () => {
  assert.equal(parseQuery(`${'('.repeat(QUERY_LIMITS.maxDepth)}a`)?.kind, 'term');
  const wide = { ...QUERY_LIMITS, maxChars: 1_000_000 };
  assert.equal(parseQuery(`${')'.repeat(100_000)}a`, wide)?.kind, 'term');
  assert.equal(reason('(a '.repeat(300)), 'TOO_DEEP');
  assert.equal(reason('"'.repeat(999)), null);
});
