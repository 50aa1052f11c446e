/**
 * Name lists for the NER gazetteer from permissively licensed sources in ../shared/data (read at
 * training time only; the model stores phrase hashes, never the lists):
 *   gaz-us-congress   (CC0)            current legislators and all presidents/vice presidents → person; committees → org
 *   gaz-sec-companies (public domain)  SEC-registered companies → company
 *   gaz-partyfacts    (MIT)            political parties → org
 *   gaz-universities  (MIT)            universities → org
 * Each folder's `names.tsv` has a header row and the name in its first column.
 */
import { existsSync, readFileSync } from 'node:fs';
import { sharedPath } from '../core/paths.js';

export interface NameLists {
  person: string[];
  /** Last names of the people in `person`, as a name is usually repeated in news. */
  surname: string[];
  company: string[];
  org: string[];
}

/** Legal-form words stripped from the end of a company name ("COCA COLA CO" → "COCA COLA"). */
export const COMPANY_SUFFIXES = new Set([
  'inc', 'inc.', 'corp', 'corp.', 'corporation', 'co', 'co.', 'company', 'ltd', 'ltd.', 'limited', 'plc', 'llc', 'l.l.c.',
  'lp', 'l.p.', 'holdings', 'holding', 'group', 'sa', 's.a.', 'nv', 'n.v.', 'ag', 'se', 'ltd.,', 'trust', 'the', '&',
]);
/** Name suffixes that are not surnames ("Joseph Biden Jr." → Biden). */
const NAME_SUFFIXES = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv']);

function column(folder: string, filter?: (cols: string[]) => boolean): string[] {
  const path = sharedPath('data', folder, 'names.tsv');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cols) => cols[0] !== undefined && cols[0].trim() !== '' && (filter === undefined || filter(cols)))
    .map((cols) => cols[0].trim());
}

/** The company name without its legal form, SEC state tags ("/DE/") and trailing commas. */
export function companyCore(name: string): string {
  const words = name
    .replace(/\/[A-Z]{2,3}\/?$/i, '')
    .replace(/,/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && COMPANY_SUFFIXES.has(words[words.length - 1].toLowerCase())) words.pop();
  while (words.length > 1 && words[0].toLowerCase() === 'the') words.shift();
  return words.join(' ');
}

/** The last name of a person's name ("Joseph Robinette Biden Jr." → "Biden"), or null for a one-word name. */
export function surnameOf(name: string): string | null {
  const words = name.split(/\s+/).filter((w) => !NAME_SUFFIXES.has(w.toLowerCase().replace(/,$/, '')));
  if (words.length < 2) return null;
  const last = words[words.length - 1].replace(/,$/, '');
  return /^\p{Lu}\p{Ll}/u.test(last) ? last : null;
}

export function loadNameLists(): NameLists {
  const person = column('gaz-us-congress', (cols) => cols[1] === 'PER');
  const committees = column('gaz-us-congress', (cols) => cols[1] === 'ORG');
  const companies = column('gaz-sec-companies');
  // Party abbreviations of one or two letters match too many unrelated capitals.
  const parties = column('gaz-partyfacts').filter((n) => n.length >= 3);
  const universities = column('gaz-universities');
  const surname = person.map(surnameOf).filter((s): s is string => s !== null);
  const company = new Set<string>();
  for (const c of companies) {
    company.add(c);
    company.add(companyCore(c));
  }
  return { person, surname, company: [...company], org: [...committees, ...parties, ...universities] };
}
