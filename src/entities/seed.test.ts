import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { sharedPath } from '../core/paths.js';
import { assemblePipeline } from '../core/pipeline.js';
import { parseBytes } from '../ingest/read.js';
import { segment } from '../segment/segment.js';
import { entities } from './component.js';
import { HONORIFICS, ROLE_HEADS, nameKey } from './names.js';

const seed = sharedPath('corpus', '000_6706b69dbb82096a.txt');

// Generic checks on the user's sample (no names from it appear here): many people, each once per
// article, names free of titles, surnames folded into full names, roles found for most.
test('seed: people are single, title-free entities with roles', { skip: !existsSync(seed) && `shared data absent: ${seed}` }, () => {
  const pipeline = assemblePipeline([segment, entities]);
  const batch = parseBytes(readFileSync(seed), seed);
  const people = new Set<string>();
  let withRole = 0;
  let total = 0;
  for (const article of batch.articles) {
    const { layers } = pipeline.run(article);
    const per = (layers.entities ?? []).filter((e) => e.type === 'PER');
    const keys = per.map((e) => e.key);
    assert.equal(new Set(keys).size, keys.length, 'one entity per person per article');
    for (const e of per) {
      const words = e.name.split(/\s+/);
      assert.ok(!HONORIFICS.has(words[0].toLowerCase().replace(/\.$/, '')), `title in name: ${e.name}`);
      assert.ok(!words.some((w) => ROLE_HEADS.has(w.toLowerCase())), `role word in name: ${e.name}`);
      if (words.length === 1) {
        const longer = per.filter((o) => o !== e && o.key.endsWith(` ${nameKey(e.name)}`));
        assert.equal(longer.length, 0, `surname left apart from its full name: ${e.name}`);
      }
      people.add(e.key);
      total++;
      if (e.roles.length > 0) withRole++;
    }
    for (const m of layers.mentions ?? []) assert.equal(article.text.slice(m.start, m.end), m.text);
  }
  assert.ok(people.size > 30, `${people.size} people`);
  assert.ok(withRole / total > 0.5, `${withRole}/${total} people with a role`);
});
