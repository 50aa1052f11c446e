/** The parameter grid `dateline eval timeline --loto` chooses from on the training topics. */
import { TIMELINE_PARAMS, type TimelineParams } from '../timeline/params.js';

const AXES: { [K in keyof TimelineParams]?: number[] } = {
  publishedWeight: [0.5, 1, 2, 4],
  referenceLeadDays: [0, 3650],
  leadSentences: [3, 5, 10],
  statesDateBonus: [0, 0.05],
  redundancy: [0.4, 0.5],
  directSpeech: [0.5, 2],
};

export function paramGrid(): TimelineParams[] {
  let points: TimelineParams[] = [{ ...TIMELINE_PARAMS }];
  for (const [key, values] of Object.entries(AXES) as Array<[keyof TimelineParams, number[]]>) {
    points = points.flatMap((p) => values.map((v) => ({ ...p, [key]: v })));
  }
  return points;
}
