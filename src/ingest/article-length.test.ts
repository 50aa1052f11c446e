import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLongEnough } from './article-length.js';

test('isLongEnough: words in spaced text, characters in text without spaces', () => {
  assert.ok(isLongEnough('word '.repeat(20)));
  assert.ok(!isLongEnough('Only a few words here.'));
  assert.ok(isLongEnough('本市第十二条地铁线路于周一上午正式开通运营，全长三十二公里，共设二十个车站，连接城市东部的新区和老城中心。市交通局负责人表示。'));
  assert.ok(isLongEnough('市は月曜日、駅前の再開発地区に新しい中央図書館を建設する計画を発表した。完成は三年後を予定している。'));
  assert.ok(!isLongEnough('分享到微信 分享到微博'));
});
