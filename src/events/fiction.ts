/**
 * Fiction is no event: a conflict event every mention of which sits in a sentence that tells a film,
 * a series or a novel ("the Oscar-winning actor plays an Oregon truffle hunter whose beloved pig is
 * kidnapped", "a survival thriller", "the drama involving soldiers in Hawaii just before the Pearl
 * Harbor attack") is a plot or a review, not a report that it happened. FICTION_WORDS are the words
 * that name a work of fiction and nothing else in news (not "drama", "series", "plot", "season",
 * "book" or "documentary", which conflict reports also use: "a series of attacks", "a plot to kill",
 * "the rainy season", a documentary crew attacked).
 */
import type { EventRecord, Layers } from '../core/layers.js';

export const FICTION_WORDS: ReadonlySet<string> = new Set(
  'film films movie movies thriller thrillers sitcom sitcoms episode episodes screenplay starring sequel sequels dramedy novel novels novelist filmmaker filmmakers'.split(' '),
);

function sentenceWords(text: string, layers: Readonly<Layers>, offset: number): string[] {
  const s = (layers.sentences ?? []).find((x) => x.start <= offset && offset < x.end);
  return s ? (text.slice(s.start, s.end).toLowerCase().match(/[a-z]+/g) ?? []) : [];
}

/** The events less the conflict events told only in sentences about a work of fiction. */
export function fictionVeto(text: string, layers: Readonly<Layers>, events: EventRecord[]): EventRecord[] {
  return events.filter((e) => {
    if (!e.acled || (e.kind ?? 'conflict') !== 'conflict') return true;
    const triggers = e.mentions?.length ? e.mentions : [e.trigger];
    return !triggers.every((t) => sentenceWords(text, layers, t.start).some((w) => FICTION_WORDS.has(w)));
  });
}
