/**
 * The article-domain check: a sport or business article scores outside conflict news, a war report and
 * a monitor's note inside it; a sport "clash" is then no conflict event, while the same word in a war
 * report stays one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPipeline } from '../api/default-pipeline.js';
import { makeArticle } from '../core/article.js';
import { articleDomainScore, domainModel } from './domain.js';

const SPORT =
  'Chelsea manager Jose Mourinho says his side are ready for the Champions League clash with Barcelona. ' +
  'Defender Paul Walsh was forced off after an earlier clash with Tom Hughes and Lee Carter came on to replace him. ' +
  'Midfielder Jesper Lund has been targeted by home fans and was jeered when taken off against Everton last month. ' +
  'Mourinho said the squad had trained well and the fans would be behind the team in the second leg at Stamford Bridge.';
const WAR =
  'Government forces clashed with rebel fighters near the town of Ajdabiya on Monday, witnesses said. ' +
  'The opposition said troops loyal to the regime shelled residential areas and that many civilians had fled.';
const NOTE = 'On 9 May 2020, in Idlib, regime forces clashed with opposition fighters near Saraqeb.';

function conflictEvents(text: string) {
  const article = makeArticle({ text, origin: { file: 't.txt', format: 'text', record: 0 }, published: '2005-03-01' });
  return (defaultPipeline().run(article).layers.events ?? []).filter((e) => e.acled && e.kind === 'conflict' && !e.reference);
}

test('domain score: sport news below the threshold, a war report and a monitor note above it', () => {
  const model = domainModel();
  assert.ok(model, 'models/events/domain.json is shipped');
  assert.ok(articleDomainScore(model, SPORT) < model.threshold);
  assert.ok(articleDomainScore(model, WAR) >= model.threshold);
  assert.ok(articleDomainScore(model, NOTE) >= model.threshold);
});

test('a sport "clash" or "targeted" makes no conflict event; "clashed" in a war report does', () => {
  assert.equal(conflictEvents(SPORT).length, 0);
  const war = conflictEvents(WAR);
  assert.ok(war.length >= 1);
});
