/**
 * The annotation layers. Each is a plain JSON list whose items carry `{start, end}` spans into the
 * article's text (UTF-16, half-open); each maps one-to-one onto a database table (store/layer-tables.ts).
 *
 * Cross-stage contracts live here so a later stage can rely on an earlier one's shape.
 * A stage may add optional fields; it must not change the meaning of existing ones.
 */
import type { Span } from './article.js';

/** How a value was obtained: stated in the text, implied (inferred), with the evidence and a confidence. */
export interface Provenance {
  how: 'stated' | 'implied' | 'inherited';
  evidence?: Span;
  confidence: number;
  /** Free text or a rule id explaining the derivation, for the UI's hover. */
  rule?: string;
}

// ---------------------------------------------------------------- segment
export interface Paragraph extends Span {
  index: number;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
}

export interface Token extends Span {
  /** Universal POS tag from wink (PROPN, NOUN, VERB, …). */
  pos: string;
  sentence: number;
  /** Whitespace precedes the token in the text. */
  spaceBefore: boolean;
}

// ---------------------------------------------------------------- entities
export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface Mention extends Span {
  text: string;
  /** Index into `entities`. */
  entity: number;
  kind: 'name' | 'surname' | 'alias' | 'pronoun' | 'nominal' | 'possessive';
}

export interface EntityRole {
  /** e.g. "Kremlin spokesperson", "Prime Minister". */
  title: string;
  /** Affiliation as written or as a country name, e.g. "Israel". */
  affiliation?: string;
  evidence: Span;
}

export interface Entity extends Span {
  /** Stable within the article: `e0`, `e1`, … */
  id: string;
  /** Canonical (longest, title-free) name. */
  name: string;
  type: EntityType;
  mentions: Span[];
  roles: EntityRole[];
  /** For possessive org-like entities ("Netanyahu's office"): the owner entity id. */
  owner?: string;
  /** Normalised key used for cross-article merging (lowercase, folded transliteration). */
  key: string;
  confidence: number;
}

// ---------------------------------------------------------------- time
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimeExpr extends Span {
  text: string;
  type: TimexType;
  /** TIMEX3 value: `2025-12-03`, `2025-11`, `2025-W48`, `PT5H`, `PRESENT_REF`, `XXXX-06` when unresolved. */
  value: string;
  /** Resolved interval in ISO dates (inclusive), when a DATE/TIME resolves to calendar time. */
  range?: { from: string; to: string };
  /** Anchor used: `published` (article date), `event`, `none`. */
  anchor: 'published' | 'event' | 'none';
  direction?: 'past' | 'future' | 'same';
  /** Calendar parts stated in the text vs implied from the anchor. */
  stated: string[];
  implied: string[];
  /** Inherits the uncertainty of an uncertain publication date. */
  confidence: number;
  rule?: string;
}

/** The article's resolved publication date (one record), possibly inferred from content. */
export interface PublicationDate {
  value: string | null;
  source: 'header' | 'metadata' | 'content' | 'inherited' | 'unknown';
  confidence: number;
  range?: { from: string; to: string };
  evidence: Span[];
  rule?: string;
}

// ---------------------------------------------------------------- quotes and quantities
export interface SpeakerRef extends Span {
  text: string;
  /** Entity id in this article, or null for anonymous sources ("a U.S. official"). */
  entity: string | null;
  kind: 'name' | 'pronoun' | 'nominal' | 'anonymous' | 'organisation';
  /** Whom a spokesperson or aide speaks for ("the PM's spokesman" → the PM): never the speaker itself. */
  owner?: Span & { text: string; entity: string | null };
  /**
   * For a pronoun or nominal whose referent names no entity: the earlier phrase it refers back to ("A Labour
   * Party spokesman" for the "he" of `"…," he said`, "The mall owner" for "It now says").
   */
  antecedent?: Span & { text: string };
}

export interface Quote extends Span {
  text: string;
  kind: 'direct' | 'partial' | 'indirect';
  speaker: SpeakerRef | null;
  cue: (Span & { text: string }) | null;
  addressee?: Span & { text: string };
  medium?: Span & { text: string };
  /** TIMEX value of the statement's date when given ("said on Wednesday"). */
  date?: string;
  /** The date phrase of the attribution as written ("on Wednesday"), even when no times layer resolves it. */
  when?: Span & { text: string };
  confidence: number;
}

export interface Quantity extends Span {
  text: string;
  /** Numeric value; for ranges, the low end. */
  value: number;
  high?: number;
  /** Counted thing, e.g. "drones", "people"; for money the ISO 4217 code ("USD"). */
  unit: string | null;
  /** ISO 4217 code when the quantity is money ("$27bn": value 27000000000, currency USD). */
  currency?: string;
  unitSpan?: Span;
  hedge: 'exact' | 'at_least' | 'at_most' | 'about' | 'nearly' | 'more_than' | 'less_than' | 'up_to' | null;
  hedgeText?: string;
  /** Role from the governing verb: killed, injured, launched, downed, impact, attacked, … */
  role: string | null;
  claimant: SpeakerRef | null;
  /** For composed counts ("five members … and a member … were killed" = 6): the parts. */
  parts?: number[];
  confidence: number;
}

// ---------------------------------------------------------------- places
export interface Place extends Span {
  text: string;
  name: string;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  admin1?: string;
  geonameid?: number;
  precision: 'country' | 'region' | 'city' | 'point' | 'area';
  /** Entity id of the LOC mention, when it came from one; `dateline` for the dateline. */
  entity?: string;
  confidence: number;
  /**
   * Set when the gazetteer lacks the name (a village, a stadium, a street): the point is that of the
   * place the article puts it near — a town of the same sentence, else the article's focus, else its
   * best-supported country — named here; `name` is then the text as written, precision `area`.
   */
  near?: string;
}

// ---------------------------------------------------------------- events
export interface EventArgument extends Span {
  text: string;
  entity?: string;
  /** Canonical name: the entity's name, or the country of a demonym ("Israeli" → "Israel"). */
  name?: string;
}

/** One reported figure of an event as one source states it (kept even when sources disagree). */
export interface EventFigure extends Span {
  /** `killed`, `injured`, or a weapon role such as `launched`, `downed`, `impact`. */
  kind: string;
  value: number;
  high?: number;
  hedge: Quantity['hedge'];
  unit: string | null;
  /** Who states it, as written. */
  claimant: string | null;
  /** Index into `quantities`. */
  quantity: number;
}

export interface EventRecord extends Span {
  /** Stable within the article: `v0`, `v1`, … */
  id: string;
  /** Evidence sentence(s) cover [start, end). */
  trigger: Span & { text: string };
  acled: { eventType: string; subEventType: string } | null;
  plover: { type: string; mode?: string } | null;
  actors: EventArgument[];
  targets: EventArgument[];
  place: Place | null;
  date: {
    value: string;
    precision: 'day' | 'month' | 'year' | 'range' | 'unknown';
    time?: number;
    /** Inclusive ISO day range. */
    range?: { from: string; to: string };
    /** `stated` from a time expression; `implied` from the article's publication date. */
    how?: 'stated' | 'implied';
    /** The time expression (index into `times`) it came from. */
    timex?: number;
  } | null;
  killed?: { value: number; hedge: Quantity['hedge']; quantity: number };
  injured?: { value: number; hedge: Quantity['hedge']; quantity: number };
  /** Indexes into `quantities` for weapon and other counts. */
  quantities: number[];
  claimant: SpeakerRef | null;
  summary: string;
  confidence: number;
  /** Asserted as having happened, or planned/expected, or denied. */
  status?: 'asserted' | 'planned' | 'negated';
  /** Every trigger in the article that refers to this event (the first is `trigger`). */
  mentions?: Array<Span & { text: string }>;
  /** Sentences that carry the event's evidence. */
  evidence?: Span[];
  /** Every figure stated for the event, each with its claimant; `killed`/`injured` are the conservative picks. */
  figures?: EventFigure[];
  /**
   * What happened: `conflict` is political violence, protest or a strategic development (ACLED's scope);
   * `crime`, `accident` and `disaster` are casualty events of their own kinds that never enter ACLED
   * export or conflict fatality totals (filter on `kind === 'conflict'`). Absent on old stored layers.
   */
  kind?: EventKind;
  /**
   * A mention of an earlier event told as background ("the 1994 genocide", "the October 7 attack",
   * "the war has killed 93,000 since 2011"): not news of the article's date, and its figures are not
   * this article's toll.
   */
  reference?: boolean;
  /** Ids of the rules that found and refined the event, in order (see src/events/rules.ts). */
  how?: string[];
}

export type EventKind = 'conflict' | 'crime' | 'accident' | 'disaster';

/** Every layer an article can carry, by name. Optional because a pipeline may stop early. */
export interface Layers {
  paragraphs?: Paragraph[];
  sentences?: Sentence[];
  tokens?: Token[];
  mentions?: Mention[];
  entities?: Entity[];
  published?: PublicationDate[];
  times?: TimeExpr[];
  quotes?: Quote[];
  quantities?: Quantity[];
  places?: Place[];
  events?: EventRecord[];
}

export type LayerName = keyof Layers;

export const LAYER_NAMES: readonly LayerName[] = [
  'paragraphs',
  'sentences',
  'tokens',
  'mentions',
  'entities',
  'published',
  'times',
  'quotes',
  'quantities',
  'places',
  'events',
];
