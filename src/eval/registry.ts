import { corefTask } from './coref.js';
import { geoEvalTask } from './geo.js';
import { nerEval } from './ner.js';
import { quotesEvalTask } from '../quotes/eval.js';
import { eventsEvalTask } from './events.js';
import { timelineTask } from './timeline.js';
import { timexTask } from './timex.js';
import { pubdateTask } from './pubdate.js';
import { bodyTask } from './body.js';
import { mergeEvalTask } from './merge.js';
import { eventsSampleTask } from './events-sample.js';
import { localNewsTask } from './local-news.js';
import { quotesSampleTask } from './quotes-sample.js';
import type { EvalTask } from './types.js';

/** Every `dateline eval <task>`. Add a task by appending it here, one per line. */
export const EVAL_TASKS: EvalTask[] = [
  nerEval,
  timexTask,
  geoEvalTask,
  quotesEvalTask,
  timelineTask,
  eventsEvalTask,
  pubdateTask,
  bodyTask,
  mergeEvalTask,
  corefTask,
  eventsSampleTask,
  localNewsTask,
  quotesSampleTask,
];

export function findEvalTask(name: string): EvalTask | undefined {
  return EVAL_TASKS.find((task) => task.name === name);
}
