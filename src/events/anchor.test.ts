import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TimeExpr } from '../core/layers.js';
import { undatedArticleAnchor } from './anchor.js';

const t = (value: string, anchor: TimeExpr['anchor'] = 'none', type: TimeExpr['type'] = 'DATE') => ({ start: 0, end: 1, text: value, type, value, anchor }) as unknown as TimeExpr;

test('an undated article is told from the year its absolute dates name most often, ties to the later year', () => {
  assert.equal(undatedArticleAnchor([t('1918'), t('2009-04-24'), t('2009-05'), t('2009')]), '2009-01-01');
  assert.equal(undatedArticleAnchor([t('2004'), t('2005')]), '2005-01-01');
  assert.equal(undatedArticleAnchor([t('1918'), t('2009', 'published'), t('PT5H', 'none', 'DURATION')]), '1918-01-01');
  assert.equal(undatedArticleAnchor([t('XXXX-06'), t('PRESENT_REF')]), null);
  assert.equal(undatedArticleAnchor([]), null);
});
