/**
 * What one search query may ask for. Each bound caps a cost the FTS index cannot bound itself:
 * a short prefix expands to thousands of index terms, every term and NEAR phrase is one more
 * doclist to merge, and nesting is recursion in the parser.
 */
export const QUERY_LIMITS = {
  /** Characters in the raw query. */
  maxChars: 1000,
  /** Words across the whole query (phrase words count one each). */
  maxWords: 32,
  /** Prefix terms (`kill*`); identical ones count once. */
  maxPrefixes: 4,
  /** Letters or digits a prefix needs before its `*` (`a*` would expand to a fifth of the vocabulary). */
  minPrefixChars: 3,
  /** Phrases inside one NEAR group. */
  maxNearPhrases: 6,
  /** The largest NEAR distance, in tokens. */
  maxNearDistance: 50,
  /** NEAR distance when none is given (FTS5's own default). */
  defaultNearDistance: 10,
  /** Nested parentheses. */
  maxDepth: 8,
} as const;

export type QueryLimits = { readonly [K in keyof typeof QUERY_LIMITS]: number };
