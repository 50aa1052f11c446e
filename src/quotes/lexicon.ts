/**
 * Word tables for attribution: speech cues, their lemmas, words an attribution clause may carry
 * between speaker and cue, heads that mark an anonymous source or an organisation.
 * Plain data, lowercase; the rules in quotes.ts read them.
 */

function forms(lemma: string, ...inflections: string[]): Array<[string, string]> {
  return [lemma, ...inflections].map((f) => [f, lemma]);
}

/** Speech cue verb forms → lemma. These report an utterance (the PolNeAR "speech" class). */
export const SPEECH_CUES: ReadonlyMap<string, string> = new Map([
  ...forms('say', 'says', 'said', 'saying'),
  ...forms('tell', 'tells', 'told', 'telling'),
  ...forms('add', 'adds', 'added', 'adding'),
  ...forms('write', 'writes', 'wrote', 'writing'),
  ...forms('state', 'states', 'stated'),
  ...forms('announce', 'announces', 'announced'),
  ...forms('ask', 'asks', 'asked'),
  ...forms('claim', 'claims', 'claimed'),
  ...forms('insist', 'insists', 'insisted'),
  ...forms('note', 'notes', 'noted', 'noting'),
  ...forms('warn', 'warns', 'warned', 'warning'),
  ...forms('confirm', 'confirms', 'confirmed'),
  ...forms('deny', 'denies', 'denied'),
  ...forms('post', 'posts', 'posted'),
  ...forms('tweet', 'tweets', 'tweeted'),
  ...forms('explain', 'explains', 'explained'),
  ...forms('argue', 'argues', 'argued', 'arguing'),
  ...forms('reply', 'replies', 'replied'),
  ...forms('respond', 'responds', 'responded'),
  ...forms('acknowledge', 'acknowledges', 'acknowledged'),
  ...forms('admit', 'admits', 'admitted'),
  ...forms('speculate', 'speculates', 'speculated'),
  ...forms('declare', 'declares', 'declared'),
  ...forms('report', 'reports', 'reported'),
  ...forms('recall', 'recalls', 'recalled'),
  ...forms('urge', 'urges', 'urged'),
  ...forms('contend', 'contends', 'contended'),
  ...forms('predict', 'predicts', 'predicted'),
  ...forms('promise', 'promises', 'promised'),
  ...forms('vow', 'vows', 'vowed'),
  ...forms('pledge', 'pledges', 'pledged'),
  ...forms('assert', 'asserts', 'asserted'),
  ...forms('emphasize', 'emphasizes', 'emphasized', 'emphasise', 'emphasised'),
  ...forms('stress', 'stresses', 'stressed'),
  ...forms('complain', 'complains', 'complained'),
  ...forms('allege', 'alleges', 'alleged'),
  ...forms('concede', 'concedes', 'conceded'),
  ...forms('remark', 'remarks', 'remarked'),
  ...forms('testify', 'testifies', 'testified'),
  ...forms('joke', 'jokes', 'joked'),
  ...forms('quip', 'quips', 'quipped'),
  ...forms('boast', 'boasts', 'boasted'),
  ...forms('counter', 'counters', 'countered'),
  ...forms('charge', 'charges', 'charged'),
  ...forms('disclose', 'discloses', 'disclosed'),
  ...forms('reveal', 'reveals', 'revealed'),
  ...forms('indicate', 'indicates', 'indicated'),
  ...forms('suggest', 'suggests', 'suggested'),
  ...forms('continue', 'continues', 'continued'),
  ...forms('shout', 'shouts', 'shouted'),
  ...forms('tout', 'touts', 'touted'),
  ...forms('predict', 'predicts', 'predicted'),
  ...forms('mention', 'mentions', 'mentioned'),
  ...forms('announce', 'announces', 'announced'),
  ...forms('agree', 'agrees', 'agreed'),
  ...forms('accuse', 'accuses', 'accused'),
  ...forms('criticize', 'criticizes', 'criticized', 'criticise', 'criticised'),
  ...forms('blame', 'blames', 'blamed'),
  ...forms('demand', 'demands', 'demanded'),
  ...forms('call', 'calls', 'called'),
  ...forms('describe', 'describes', 'described'),
  ...forms('insist', 'insists', 'insisted'),
  ...forms('maintain', 'maintains', 'maintained'),
  ...forms('repeat', 'repeats', 'repeated'),
  ...forms('proclaim', 'proclaims', 'proclaimed'),
  ...forms('whisper', 'whispers', 'whispered'),
  ...forms('yell', 'yells', 'yelled'),
  ...forms('exclaim', 'exclaims', 'exclaimed'),
  ...forms('retort', 'retorts', 'retorted'),
  ...forms('answer', 'answers', 'answered'),
  ...forms('inform', 'informs', 'informed'),
  ...forms('assure', 'assures', 'assured'),
  ...forms('advise', 'advises', 'advised'),
  ...forms('threaten', 'threatens', 'threatened'),
  ...forms('condemn', 'condemns', 'condemned'),
  ...forms('conclude', 'concludes', 'concluded'),
  ...forms('observe', 'observes', 'observed'),
  ...forms('opine', 'opines', 'opined'),
  ...forms('recount', 'recounts', 'recounted'),
  ...forms('muse', 'muses', 'mused'),
  ...forms('interject', 'interjects', 'interjected'),
  ...forms('reason', 'reasons', 'reasoned'),
  ...forms('caution', 'cautions', 'cautioned'),
  ...forms('lament', 'laments', 'lamented'),
  ...forms('scoff', 'scoffs', 'scoffed'),
  ...forms('speak', 'speaks', 'spoke'),
  ...forms('point', 'points', 'pointed'),
]);

/**
 * Participles of speech verbs the table above lacks, read only in a lead-in right before a quotation ("she pulled
 * away from Sanders explaining, “…”"); their subject is the clause's. The recall pass offers them as cues only after a
 * comma, a dash or "and"/"but" ("…, complaining that …"; docs/benchmarks.md, "qcue14").
 */
export const PARTICIPLE_CUES: ReadonlyMap<string, string> = new Map([
  ['explaining', 'explain'], ['urging', 'urge'], ['claiming', 'claim'], ['insisting', 'insist'], ['complaining', 'complain'],
  ['pointing', 'point'], ['calling', 'call'], ['stressing', 'stress'], ['suggesting', 'suggest'], ['accusing', 'accuse'],
  ['blaming', 'blame'], ['demanding', 'demand'], ['describing', 'describe'], ['promising', 'promise'], ['vowing', 'vow'],
  ['denying', 'deny'], ['acknowledging', 'acknowledge'], ['admitting', 'admit'], ['declaring', 'declare'], ['asserting', 'assert'],
  ['predicting', 'predict'], ['announcing', 'announce'], ['conceding', 'concede'], ['alleging', 'allege'], ['condemning', 'condemn'],
  ['recalling', 'recall'], ['criticizing', 'criticize'], ['criticising', 'criticize'], ['emphasizing', 'emphasize'], ['emphasising', 'emphasize'],
]);

/**
 * Cognitive and stance cues ("believes", "thinks"): not speech, but attributions of a claim to a source.
 * Extracted with kind 'indirect'; the eval counts them against all gold attributions only.
 */
export const BELIEF_CUES: ReadonlyMap<string, string> = new Map([
  ...forms('believe', 'believes', 'believed'),
  ...forms('think', 'thinks', 'thought'),
  ...forms('feel', 'feels', 'felt'),
  ...forms('hope', 'hopes', 'hoped'),
  ...forms('fear', 'fears', 'feared'),
  ...forms('expect', 'expects', 'expected'),
  ...forms('know', 'knows', 'knew'),
  ...forms('want', 'wants', 'wanted'),
  ...forms('worry', 'worries', 'worried'),
  ...forms('doubt', 'doubts', 'doubted'),
  ...forms('understand', 'understands', 'understood'),
  ...forms('acknowledge', 'acknowledges', 'acknowledged'),
  ...forms('wonder', 'wonders', 'wondered'),
  ...forms('estimate', 'estimates', 'estimated'),
  ...forms('show', 'shows', 'showed'),
  ...forms('find', 'finds', 'found'),
]);

/** Cues that take an addressee right after them ("told reporters"). */
export const ADDRESSEE_CUES: ReadonlySet<string> = new Set(['tell', 'ask', 'inform', 'assure', 'advise', 'warn', 'urge']);

/** Cues that need a content clause ("that …", a quote) before we trust them; their bare use is often not speech. */
export const WEAK_CUES: ReadonlySet<string> = new Set([
  'continue', 'call', 'describe', 'charge', 'counter', 'report', 'post', 'agree', 'accuse', 'criticize', 'blame',
  'demand', 'condemn', 'answer', 'mention', 'indicate', 'show', 'find', 'know', 'want', 'feel', 'expect', 'threaten',
  'repeat', 'maintain', 'respond', 'reply', 'state', 'note', 'claim', 'ask', 'add', 'write', 'tout', 'speak', 'point',
  'reason', 'observe', 'muse',
]);

/** Words that may sit between a speaker and its cue ("Peskov on Wednesday also told …"). */
export const ATTRIBUTION_ADVERBS: ReadonlySet<string> = new Set([
  'also', 'later', 'earlier', 'previously', 'then', 'again', 'recently', 'reportedly', 'repeatedly', 'publicly',
  'privately', 'separately', 'first', 'once', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might',
  'must', 'should', 'did', 'does', 'do', 'not', "n't", 'never', 'further', 'specifically', 'simply', 'flatly',
  'explicitly', 'openly', 'bluntly', 'frequently', 'often', 'always', 'already', 'quickly', 'initially', 'subsequently',
  'yesterday', 'today', 'tonight', 'now', 'too', 'just', 'even', 'still', 'only',
  'ultimately', 'however', 'meanwhile', 'moreover', 'instead', 'clearly', 'angrily', 'sharply', 'strongly', 'directly',
]);

export const WEEKDAYS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

export const MONTHS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sept.', 'sep.', 'oct.', 'nov.', 'dec.',
]);

export const PRONOUNS: ReadonlyMap<string, 'person' | 'thing' | 'group' | 'self'> = new Map([
  ['he', 'person'],
  ['she', 'person'],
  ['it', 'thing'],
  ['they', 'group'],
  ['we', 'self'],
  ['i', 'self'],
  ['you', 'self'],
  ['who', 'person'],
]);

/** Heads of a nominal that names an unnamed person or group: "a U.S. official", "local officials". */
export const ANONYMOUS_HEADS: ReadonlySet<string> = new Set([
  'official', 'officials', 'spokesperson', 'spokespersons', 'spokesman', 'spokesmen', 'spokeswoman', 'source',
  'sources', 'aide', 'aides', 'diplomat', 'diplomats', 'person', 'people', 'officer', 'officers', 'analyst',
  'analysts', 'observer', 'observers', 'witness', 'witnesses', 'resident', 'residents', 'adviser', 'advisers',
  'advisor', 'advisors', 'representative', 'representatives', 'insider', 'insiders', 'expert', 'experts',
  'lawmaker', 'lawmakers', 'staffer', 'staffers', 'employee', 'employees', 'worker', 'workers', 'member', 'members',
  'supporter', 'supporters', 'critic', 'critics', 'voter', 'voters', 'official.', 'authorities', 'leaders',
]);

/** Heads that make a nominal an organisation: "the ministry", "Ukraine's air force". */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'ministry', 'office', 'command', 'force', 'forces', 'army', 'military', 'navy', 'embassy', 'government', 'kremlin',
  'house', 'department', 'council', 'agency', 'police', 'service', 'committee', 'party', 'campaign', 'administration',
  'commission', 'court', 'bureau', 'authority', 'presidency', 'cabinet', 'parliament', 'company', 'group', 'movement',
  'organization', 'organisation', 'union', 'association', 'institute', 'center', 'centre', 'network', 'newspaper',
  'agency', 'corporation', 'firm', 'bank', 'fund', 'board', 'senate', 'congress', 'secretariat', 'directorate',
  'staff', 'guard', 'corps', 'idf', 'pentagon', 'country', 'state', 'team', 'club', 'university', 'foundation',
  'coalition', 'alliance', 'nato', 'un', 'white', 'mission', 'delegation', 'statement', 'report', 'poll', 'survey',
  'study',
]);

/** Phrases that say how a statement was made: "in a statement", "on social media", "in a post to Telegram". */
export const MEDIUM_RE =
  /\b(?:in|via|through) (?:an? |the |their |his |her |its )?(?:joint |written |separate |later |brief |televised |video |recorded |new |official )?(?:statement|post|interview|press release|news release|briefing|tweet|video|letter|message|speech|address|email|e-mail|op-ed|column|memo|filing|broadcast|podcast|press conference|news conference|testimony)(?:s)?(?: (?:on|to) (?:X|Twitter|Telegram|Facebook|Instagram|Truth Social|TikTok|YouTube|social media|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][\w.]+))?|\bon (?:social media|X|Twitter|Telegram|Facebook|Instagram|Truth Social|TikTok|YouTube|television|TV|the radio|radio)\b|\bat an? (?:news|press) (?:conference|briefing)\b/;

/** Nouns that head a time phrase ("last week", "Tuesday night", "earlier this month"). */
export const TIME_HEADS: ReadonlySet<string> = new Set([
  'week', 'weeks', 'weekend', 'month', 'months', 'year', 'years', 'day', 'days', 'decade', 'century', 'hour', 'hours',
  'morning', 'afternoon', 'evening', 'night', 'yesterday', 'today', 'tonight', 'tomorrow', 'spring', 'summer', 'fall',
  'autumn', 'winter', 'quarter', ...WEEKDAYS, ...MONTHS,
]);

/** Words that may modify a time head; a speaker made only of these and a time head is no speaker. */
export const TIME_MODIFIERS: ReadonlySet<string> = new Set([
  'last', 'next', 'this', 'that', 'past', 'previous', 'coming', 'early', 'earlier', 'late', 'later', 'ago', 'the', 'a',
  'same', 'following', 'of', 'on', 'in',
]);

/** Heads of a document someone issues ("released a statement saying …"): the issuer, not the document, speaks. */
export const DOCUMENT_HEADS: ReadonlySet<string> = new Set([
  'statement', 'statements', 'letter', 'letters', 'release', 'post', 'posts', 'tweet', 'tweets', 'message', 'messages',
  'memo', 'email', 'e-mail', 'emails', 'note', 'video', 'ad', 'ads', 'advertisement', 'sign', 'signs', 'banner',
  'banners', 'poster', 'posters', 'placard', 'placards', 'op-ed', 'column', 'editorial', 'filing', 'report', 'petition',
]);
