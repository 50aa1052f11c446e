/**
 * Event extraction: triggers in sentences (lexicon.ts), typed twice (ACLED and PLOVER), with their
 * arguments read off the earlier layers — actors and targets from entity mentions and demonyms, the
 * place from the places layer, the date from the times layer (else the publication date, marked
 * implied), deaths and injuries from role-typed quantities, weapon counts, the claimant from the
 * quantity's claimant or the quote that covers the sentence — and then merged within the article
 * (the many mentions of one strike become one event whose evidence lists them all).
 *
 * Rules, no parser: every step is a pass over the tokens of one sentence, so the cost is linear.
 *
 * This file is the control flow: candidates per sentence (extractRawEvents), then within-article
 * merging and the refiners (extractEvents). Each concern it calls is a module of its own: the
 * per-sentence view (sentence-view.ts), the token pre-filter (token-filter.ts), sentence-wide flags
 * (sentence-flags.ts), contextual triggers (contextual-trigger.ts), acceptance (trigger-accept.ts),
 * assertion status (assertion.ts), arguments and claimant (arguments.ts), the sides for typing
 * (participants.ts), the place (place-choice.ts), the date (event-date.ts), the figures
 * (sentence-figures.ts), which event a toll belongs to (toll-hosts.ts), background clauses
 * (background-clause.ts), ACLED/PLOVER typing (event-typing.ts), mention clusters (mention-merge.ts)
 * and the figures a cluster keeps (cluster-figures.ts),
 * the learned checks (learned-checks.ts), the local-report passes (local-report.ts) and the summary
 * line (summary.ts).
 */
import type { Article, Span } from '../core/article.js';
import type { EventRecord, Layers, Place, SpeakerRef } from '../core/layers.js';
import { countryOfName } from '../entities/countries.js';
import { isMappable } from '../places/mappable.js';
import { orgTowns } from '../places/org-towns.js';
import { undatedArticleAnchor } from './anchor.js';
import { type ArgContext, addClaimantSides, claimantOfFigures, isPlaceMention, mentionArg, nounActors, pushArg, speakerFromQuote, speakerFromText, targetsAfter, verbActors } from './arguments.js';
import { anaphoraOf, inComparison, inHypothetical, isBackground, isGenericUse, statusOf } from './assertion.js';
import { inBackgroundClause } from './background-clause.js';
import { clusterFigures, type RawsBySentence, rawsBySentence } from './cluster-figures.js';
import { type TollContext, titleCounts } from './toll-model.js';
import { chooseDate, implied, namedByDate, precedingDate } from './event-date.js';
import { SPECIFICITY, acledFor, ploverFor } from './event-typing.js';
import { SHOT_PLAY_AFTER, SPORT_SENSE } from './extract-words.js';
import { isToll } from './figures.js';
import { neighbourWords } from './neighbour-words.js';
import { crimeArticle, disasterArticle, kindOf, NO_VIOLENT_AGENT, politicalAgreement, politicalOrg } from './kind.js';
import { followsReferenceWords } from './landmark.js';
import { type EventClass, TROOPS, type Trigger, VERBAL, VIOLENT, type Weapon, triggerFor } from './lexicon.js';
import { type LearnedChecksCache, passesLearnedChecks } from './learned-checks.js';
import { localReportPasses } from './local-report.js';
import { applyMainChoice } from './main-choice.js';
import { type Cluster, argsUnion, clusterMentions, confidenceOf, conservative, dateRank } from './mention-merge.js';
import { narrowToStatedDay } from './narrow.js';
import { armedUnit, crowdPerpetrator, passiveArmed, protestTurnOf, securityTargetAfter } from './participants.js';
import { choosePlace, rank } from './place-choice.js';
import type { RawEvent } from './raw-event.js';
import { quotesNear } from './quotes-near.js';
import { crossLinkParagraphs, referenceRule } from './reference.js';
import { figuresOf, weaponsOf } from './sentence-figures.js';
import { type SentenceFlags, sentenceFlags } from './sentence-flags.js';
import { views, wordIn } from './sentence-view.js';
import { dominantTown, leadEnd, sceneOrSetting, townEvidence } from './setting.js';
import { summarize } from './summary.js';
import { CANDIDATE, DEATH, INTEREST } from './token-filter.js';
import { attachLooseTolls, figuresToNearestTrigger } from './toll-hosts.js';
import { addLeadAccident } from './lead-accident.js';
import { contextualTrigger } from './contextual-trigger.js';
import { accept, hasViolentContext } from './trigger-accept.js';
import { INJURED_WITHHELD, TOLL_WITHHELD } from './casualties.js';

export interface ExtractOptions {
  /** Verbal events (DISAPPROVE, DEMAND, …) need a named actor; off to keep only material events. */
  verbal?: boolean;
  /** The learned article-domain check (learned-checks.ts) vetoes conflict events in non-conflict news; off for training the models. */
  sense?: boolean;
  /** The learned choice of the main incident's day and place (main-choice.ts); off for training it. */
  mainChoice?: boolean;
}

/** Arrests told with a protest, seizures told with a fight, up to this many sentences after it fold into it. */
const FOLD_SENTENCES = 2;

export function extractRawEvents(article: Readonly<Article>, layers: Readonly<Layers>, options: ExtractOptions = {}): RawEvent[] {
  const text = article.text;
  const ctx: ArgContext = { text, entities: layers.entities ?? [] };
  const quotes = layers.quotes ?? [];
  const near = quotesNear(quotes);
  const out: RawEvent[] = [];
  const sentenceViews = views(text, layers);
  // Whether an event of a violent class was found so far; whether each sentence holds a death word.
  let anyViolent = false;
  const deathWord: boolean[] = new Array<boolean>(sentenceViews.length).fill(false);
  for (let si = 0; si < sentenceViews.length; si++) {
    const view = sentenceViews[si];
    const toks = view.toks;
    const seenClass = new Map<EventClass, RawEvent>();
    // Events of this sentence are out[sentenceStart …]; sentence-wide flags are computed once, on the first event.
    const sentenceStart = out.length;
    let flags: SentenceFlags | null = null;
    for (let i = 0; i < toks.length; i++) {
      let lower = toks[i].lower;
      // One lookup rules out most tokens: no trigger, contextual head or special word can start here.
      const interest = INTEREST.get(lower);
      if (interest === undefined) continue;
      if (interest & DEATH) deathWord[si] = true;
      if (!(interest & CANDIDATE)) continue;
      // "air strike(s)", "drone strike(s)", "missile strike(s)": the noun is the trigger; the
      // modifier is a weapon word the typing reads.
      const prevLower = toks[i - 1]?.lower ?? '';
      let ruleId = 'trigger:lexicon';
      let trigger: Trigger | undefined;
      if (lower === 'dead' && /^(found|shot|discovered|beaten|hacked)$/.test(prevLower)) {
        trigger = { cls: 'killing', noun: false };
        ruleId = 'trigger:found-dead';
      } else if (lower === 'fire' && /^(artillery|mortar|rocket|tank|sniper|machine-gun|gun)$/.test(prevLower)) {
        trigger = { cls: prevLower === 'sniper' || prevLower === 'gun' || prevLower === 'machine-gun' ? 'clash' : 'strike', noun: true };
        ruleId = 'trigger:weapon-fire';
      } else if ((lower === 'arrived' || lower === 'deployed' || lower === 'sent') && wordIn(toks, i - 4, i, TROOPS)) {
        trigger = { cls: 'mobilize', noun: false };
        ruleId = 'trigger:troops-moved';
      } else {
        trigger = contextualTrigger(toks, i);
        if (trigger) ruleId = 'trigger:context';
        else trigger = triggerFor(lower);
      }
      if (!trigger) continue;
      // "the largest of March": a word inside a time expression is no trigger.
      if (view.times.some(({ t }) => t.start <= toks[i].start && toks[i].end <= t.end)) continue;
      const cls = trigger.cls;
      if (VERBAL.has(cls) && options.verbal === false) continue;
      if (!accept(cls, trigger, toks, i, view, anyViolent)) continue;
      // "shot wide", "a shot on goal", "beaten 7-5 6-3", "the Six Nations clash", "killed off the game":
      // in a sentence about sport these words tell play unless a violent context word is there too.
      if (
        SPORT_SENSE.has(toks[i].lower) &&
        ((flags ??= sentenceFlags(toks)).sport || (toks[i].lower === 'shot' && SHOT_PLAY_AFTER.has(toks[i + 1]?.lower ?? ''))) &&
        !hasViolentContext(toks, view.quantities, i)
      )
        continue;
      if (!trigger.noun && toks[i - 1] && (toks[i - 1].lower === '-' || text.charAt(toks[i].start - 1) === '-')) continue; // "U.S.-backed"
      let status = statusOf(toks, i, trigger);
      // "the largest since Russia launched 705 munitions on Oct. 30": a yardstick, not an event.
      if (inComparison(toks, i, true)) continue;
      // "asked whether Trump is upset … for these strikes", "if they attack": nothing is asserted.
      if (status === 'asserted' && inHypothetical(toks, i)) status = 'planned';
      if (VIOLENT.has(cls) && status !== 'asserted') continue;
      if (isGenericUse(toks, i, view)) continue;
      // "a strike on Doha killed 6 people": the toll verb of an event already told in the sentence.
      if (cls === 'killing' && (toks[i].lower === 'killed' || toks[i].lower === 'wounded' || toks[i].lower === 'injured') && violentOrRiotSince(out, sentenceStart)) continue;
      // "protested against the arrest of …", "demanded the release of activists who were detained":
      // the arrest is what a protest is about, told as background.
      // "arrested for participating in protests": the protest is the reason, told as background.
      if (cls === 'protest' && trigger.noun && toks.slice(Math.max(0, i - 4), i).some((t, k, a) => t.lower === 'for' && /^(participating|taking|organizing|organising|joining|holding|attending|staging|calling)$/.test(a[k + 1]?.lower ?? ''))) continue;
      if (cls === 'arrest' && wordIn(toks, i - 7, i, /^(against|over|release|protest|protests|protested|protesting|condemning|condemned|denouncing|denounced|demanding|demanded)$/)) continue;
      // "repulsed an attack", "thwarted the assault": the attack is part of the battle told by the verb.
      if ((cls === 'attack' || cls === 'strike') && trigger.noun && wordIn(toks, i - 4, i, /^(repulsed|repelled|thwarted|foiled)$/)) continue;
      const existing = seenClass.get(cls);
      if (existing) continue; // one event per class per sentence ("downed or suppressed")
      const many = cls === 'consult' || VERBAL.has(cls);
      let actors = trigger.noun ? nounActors(ctx, view, i) : verbActors(ctx, view, i, many);
      if (VERBAL.has(cls) && actors.length === 0) continue;
      const quoteSpeaker = speakerFromQuote(near(view.span), view.span, toks[i].start);
      const textSpeaker = speakerFromText(ctx, view);
      const anaphora = anaphoraOf(toks, i, trigger);
      const named = trigger.noun && VIOLENT.has(cls) ? namedByDate(view, i) : null;
      const anaphoric = anaphora !== null || isBackground(toks, i, trigger);
      const place = choosePlace(view, i, actors, [quoteSpeaker, textSpeaker].filter((x): x is SpeakerRef => x !== null), anaphoric || named !== null);
      // "clashed with X", "met with X" name a party; "struck …, with Qatari forces helping" does not.
      const targets = targetsAfter(ctx, view, i, !trigger.noun, place, actors, !(cls === 'strike' || cls === 'attack' || cls === 'launch'));
      // A strike's victims named with the killed count are its targets ("members of Hamas … were killed").
      // "… killing the 15-year-old, two days after a school shooting left four victims dead": a toll
      // told after another event noun in an "after"/"since" clause is that event's.
      const figures = VIOLENT.has(cls) || cls === 'intercept' || cls === 'riot' ? figuresOf(view, text).filter((f) => !(isToll(f.kind) && inBackgroundClause(toks, toks[i].start, f.start))) : [];
      if (VIOLENT.has(cls)) {
        for (const f of figures) {
          if (f.kind !== 'killed' && f.kind !== 'injured') continue;
          for (const m of view.mentions) {
            if (m.start >= f.start && m.end <= f.end + 40 && m.start < (toks[i]?.start ?? 0) && !isPlaceMention(view, m)) {
              const arg = mentionArg(ctx, m);
              if (!actors.some((a) => a.name === arg.name)) pushArg(targets, arg);
            }
          }
        }
      }
      actors = actors.filter((a) => !targets.some((t) => t.start === a.start));
      lower = toks[i].text;
      const raw: RawEvent = {
        cls,
        rule: ruleId,
        trigger: toks[i],
        tokIndex: i,
        sentence: view,
        status,
        actors,
        targets,
        place,
        date: named ?? chooseDate(view, i, near(view.span)),
        figures,
        weapons: weaponsOf(view, figures, named || anaphora ? i : undefined),
        claimant: null,
        verbText: lower,
        anaphoric,
        ...(anaphora === 'demonstrative' ? { demonstrative: true } : {}),
        ...(named ? { named: true } : {}),
        securityTarget: securityTargetAfter(toks, i, trigger.noun && (cls === 'attack' || cls === 'strike')) || passiveArmed(view, i) || figures.some((f) => (f.kind === 'killed' || f.kind === 'injured') && armedUnit(f.unit)),
        // "in both directions", "small arms": fire between armed sides (ACLED codes it a clash).
        exchange: (flags ??= sentenceFlags(toks)).exchange,
        smallArms: flags.smallArms,
        armed: flags.armed,
        troops: flags.troops,
      };
      if (crowdPerpetrator(toks, i, trigger.noun) || (cls === 'riot' && /^(mob|lynching|lynched|scuffle|brawl)$/.test(toks[i].lower))) raw.crowd = true;
      // "a fight over a land dispute": a quarrel between neighbours, not a battle.
      if (!raw.armed && flags.dispute) raw.crowd = true;
      if (cls === 'riot' && (/^(riot|riots|rioting|unrest|rioters|rioted)$/.test(toks[i].lower) || flags.demoWord)) raw.demo = true;
      if (cls === 'protest' || cls === 'riot') {
        const turn = protestTurnOf(sentenceViews, si);
        if (turn) raw.protestTurn = turn;
      }
      raw.claimant = figures.find((f) => f.kind === 'killed' || f.kind === 'injured') ? claimantOfFigures(layers, figures) : null;
      raw.claimant ??= quoteSpeaker ?? textSpeaker;
      seenClass.set(cls, raw);
      out.push(raw);
      if (VIOLENT.has(cls)) anyViolent = true;
    }
    figuresToNearestTrigger(out.slice(sentenceStart));
  }
  addLeadAccident(out, sentenceViews, ctx, near);
  attachLooseTolls(out, sentenceViews, deathWord, ctx, near, layers);
  return out;
}

/** Whether an event from `from` on is violent or a riot. */
function violentOrRiotSince(out: readonly RawEvent[], from: number): boolean {
  for (let k = from; k < out.length; k++) if (VIOLENT.has(out[k].cls) || out[k].cls === 'riot') return true;
  return false;
}

export function extractEvents(article: Readonly<Article>, layers: Readonly<Layers>, options: ExtractOptions = {}): EventRecord[] {
  const raws = extractRawEvents(article, layers, options);
  const published = (layers.published?.[0]?.value ?? article.published ?? '').slice(0, 10) || null;
  const { clusters, backgroundRaws } = clusterMentions(raws, published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? published : null);
  const fallback = implied(layers, article);
  const lead = leadEnd(layers.paragraphs, article.text);
  let crossLinks: Array<{ start: number; end: number }> | undefined;
  let bySentence: RawsBySentence | undefined;
  let tollContext: TollContext | undefined;
  let unmappableBefore: Set<number> | undefined;
  // Towns inside organisation names ("Tigard Police Department") weigh in as evidence of the setting;
  // an article with no event candidate needs no setting (the organisation-name scan is not cheap).
  const towns = clusters.length > 0 ? townEvidence(layers.places ?? [], lead, article.text, orgTowns(article.text, layers.entities ?? [], layers.mentions ?? [], layers.places ?? [])) : [];
  const setting = clusters.length > 0 ? dominantTown(towns) : null;
  let undatedAnchor: string | undefined;
  const entityType = new Map((layers.entities ?? []).map((e) => [e.id, e.type]));
  const learned: LearnedChecksCache = {};
  const crimeText = raws.length > 0 && crimeArticle(wordsOf(layers, article.text));
  const disasterText = raws.length > 0 && disasterArticle(wordsOf(layers, article.text));
  const events: EventRecord[] = [];
  const classOf = new Map<string, EventClass>();
  const placesNamed = (layers.places ?? []).filter((p) => p.entity !== 'dateline' && isMappable(p));
  /** Events told with no place of their own (placed at the setting, or nowhere). */
  const placedBySetting = new Set<string>();
  // Arrests told with a protest (same paragraph, up to two sentences on) are its intervention,
  // not an event of their own (ACLED: protest with intervention).
  const protestSpots = clusters.filter((c) => c.mentions[0].cls === 'protest' || c.mentions[0].cls === 'riot').flatMap((c) => c.mentions.map((m) => m.sentence));
  const foldedIntoProtest = (c: Cluster) =>
    c.mentions.every((m) => m.cls === 'arrest' && protestSpots.some((p) => p.paragraph === m.sentence.paragraph && m.sentence.index >= p.index && m.sentence.index - p.index <= FOLD_SENTENCES));
  // Weapons, drugs or goods seized in the course of a fight or attack told just before ("A shoot-out
  // broke out … The police seized a pistol") belong to that operation, not a looting of their own.
  const violentSpots = clusters.filter((c) => VIOLENT.has(c.mentions[0].cls) || c.mentions[0].cls === 'riot').flatMap((c) => c.mentions.map((m) => m.sentence));
  const seizure = (m: RawEvent) => (m.cls === 'loot' || m.cls === 'intercept') && /^(seized|recovered|confiscated|found)$/.test(m.trigger.lower);
  const foldedIntoFight = (c: Cluster) =>
    c.mentions.every((m) => seizure(m) && violentSpots.some((p) => p.paragraph === m.sentence.paragraph && m.sentence.index >= p.index && m.sentence.index - p.index <= FOLD_SENTENCES));
  for (const c of clusters) {
    const ms = c.mentions;
    if (foldedIntoProtest(c) || foldedIntoFight(c)) continue;
    // A lone generic "attack" with no weapon, place or figures is too vague to keep.
    const clsOf = ms.reduce((best, m) => ((SPECIFICITY[m.cls] ?? 2) > (SPECIFICITY[best] ?? 2) ? m.cls : best), ms[0].cls);
    const weapons = new Set<Weapon>();
    for (const m of ms) for (const w of m.weapons) weapons.add(w);
    const actors = argsUnion(ms.map((m) => m.actors));
    addClaimantSides(actors, ms, layers.entities ?? []);
    const targets = argsUnion(ms.map((m) => m.targets)).filter((t) => !actors.some((a) => (a.name ?? a.text) === (t.name ?? t.text)));
    const turns = ms.map((m) => m.protestTurn);
    const turn = turns.includes('violent') ? 'violent' : turns.includes('excessive') ? 'excessive' : turns.includes('intervention') ? 'intervention' : undefined;
    const acled = acledFor(clsOf, weapons, actors, ms.some((m) => m.securityTarget), ms.some((m) => m.armed), ms.some((m) => m.troops), ms.some((m) => m.exchange), ms.some((m) => m.crowd), turn, ms.some((m) => m.demo), ms.some((m) => m.smallArms));
    const plover = ploverFor(clsOf, weapons);
    if (!acled && !plover) continue;
    if (clsOf === 'attack' && !acled && ms.every((m) => !m.place && !m.figures.length)) continue;
    // A demonstrative mention's own place and date count only when no other mention gives one.
    const own = ms.some((m) => !m.demonstrative) ? ms.filter((m) => !m.demonstrative) : ms;
    // An event named by a place we cannot map ("the Lockerbie bombing") happened there: no setting.
    unmappableBefore ??= unmappablePlaceEnds(layers.places ?? [], article.text);
    const textOnly = ms.some((m) => unmappableBefore!.has(m.trigger.start));
    const ownPlace = own.map((m) => m.place).filter((p): p is Place => p !== null).sort((a, b) => rank(b) - rank(a))[0] ?? null;
    // A reference point ("north of New York City", "50 miles from Boston") gives way to the setting; in
    // a note with no setting it stays (ACLED's "20 km north of X" is within 161 km of X, nearer than the
    // province a note also names: dropping it lowered ACLED place Acc@161 81.7 → 81.6).
    const place = sceneOrSetting(ownPlace && setting && followsReferenceWords(article.text, ownPlace.start) ? null : ownPlace, textOnly ? null : setting, textOnly ? undefined : towns);
    // A toll told in a link to another story ("WILMINGTON CRIME: … he murdered a man") is that story's.
    crossLinks ??= crossLinkParagraphs(article.text, layers.paragraphs ?? []);
    const { figures, allLinked, tollDropped, injuredDropped } = clusterFigures(ms, raws, (bySentence ??= rawsBySentence(raws)), crossLinks, setting ?? ownPlace, ownPlace, (tollContext ??= { paragraphs: layers.paragraphs?.length ?? 0, titleCounts: titleCounts(article.title) }));
    let date = own.map((m) => m.date).reduce<EventRecord['date']>((best, d) => (dateRank(d) > dateRank(best) ? d : best), null);
    // No date in its own sentence: the nearest told before it in its paragraph, else the report's own.
    date ??= precedingDate(layers, ms[0].sentence.span.start, ms[0].sentence.paragraph) ?? (fallback ? { ...fallback } : null);
    date = narrowToStatedDay(date, layers.times ?? [], lead);
    const killedFigure = figures.find((f) => f.kind === 'killed');
    const claimant =
      (killedFigure ? ms.find((m) => m.figures.includes(killedFigure))?.claimant : null) ?? ms.find((m) => m.claimant)?.claimant ?? null;
    const first = ms[0];
    const mentions = ms.map((m) => ({ start: m.trigger.start, end: m.trigger.end, text: m.trigger.text }));
    const evidence: Span[] = [];
    const evidenceStarts = new Set<number>();
    for (const m of ms) if (!evidenceStarts.has(m.sentence.span.start)) {
      evidenceStarts.add(m.sentence.span.start);
      evidence.push({ ...m.sentence.span });
    }
    const quantityIdx = figures.filter((f) => !isToll(f.kind)).map((f) => f.quantity);
    const record: Omit<EventRecord, 'summary' | 'id'> = {
      start: first.sentence.span.start,
      end: first.sentence.span.end,
      trigger: { start: first.trigger.start, end: first.trigger.end, text: first.trigger.text },
      acled,
      plover,
      actors,
      targets,
      place,
      date,
      quantities: quantityIdx,
      claimant,
      confidence: confidenceOf(ms, acled !== null, place !== null, date?.how === 'stated'),
      status: first.status,
      mentions,
      evidence,
      figures,
    };
    const killed = conservative(figures, 'killed');
    const injured = conservative(figures, 'injured');
    if (killed) record.killed = killed;
    if (injured) record.injured = injured;
    const how = [...new Set(ms.flatMap((m) => (m.tollRule ? [m.rule, m.tollRule] : [m.rule])))];
    if (figures.some((f) => f.kind.startsWith('cumulative_'))) how.push('fig:cumulative');
    if (tollDropped) how.push(TOLL_WITHHELD);
    if (injuredDropped) how.push(INJURED_WITHHELD);
    const kindWords = ms.flatMap((m) => m.sentence.toks.map((t) => t.lower));
    const { kind, rule } = kindOf({
      cls: clsOf,
      words: kindWords,
      weapons,
      orgActor: actors.some((a) => a.entity !== undefined && entityType.get(a.entity) === 'ORG' && politicalOrg(a.name ?? a.text)),
      crimeArticle: crimeText,
      disasterArticle: disasterText,
      trigger: first.trigger.lower,
      strikeWords: ms.filter((m) => m.cls === 'strike').map((m) => m.trigger.lower),
      leadAccident: ms.some((m) => m.rule === 'trigger:lead-accident'),
      foundDead: ms.some((m) => m.rule === 'trigger:found-dead'),
      nearWords: () => neighbourWords(layers, article.text, ms.map((m) => m.sentence.index)),
    });
    // A death no violence is told for is no event (kind.ts): its toll must not count as a conflict's.
    if (rule === NO_VIOLENT_AGENT && options.sense !== false) continue;
    record.kind = kind;
    how.push(rule);
    // A deal between companies or clubs is no ACLED agreement.
    if (clsOf === 'agree' && !politicalAgreement(kindWords, actors.some((a) => a.name !== undefined && countryOfName(a.name) !== undefined), actors.some((a) => a.entity !== undefined && entityType.get(a.entity) === 'ORG' && politicalOrg(a.name ?? a.text)))) {
      record.acled = null;
      how.push('kind:not-political-agreement');
    }
    // ACLED and PLOVER code neither accidents nor natural disasters.
    if (kind === 'accident' || kind === 'disaster') {
      record.acled = null;
      record.plover = null;
    }
    if (!passesLearnedChecks(record, kind, options.sense === false, article, learned, how)) continue;
    const ref = referenceRule({ date, published: published ?? (undatedAnchor ??= undatedArticleAnchor(layers.times ?? []) ?? ''), named: ms.some((m) => m.named), figureKinds: [...figures.map((f) => f.kind), ...(tollDropped ? ['killed'] : []), ...(injuredDropped ? ['injured'] : [])] });
    if (ref) {
      record.reference = true;
      how.push(ref);
    } else if (allLinked) {
      record.reference = true;
      how.push('ref:cross-link');
    } else if (backgroundRaws.has(ms[0])) {
      record.reference = true;
      how.push('ref:background-clause');
    }
    record.how = how;
    classOf.set(`v${events.length}`, clsOf);
    if (!ownPlace) placedBySetting.add(`v${events.length}`);
    events.push({ id: `v${events.length}`, ...record, summary: summarize(record, clsOf, layers.entities) });
  }
  localReportPasses(events, { setting, classOf, placedBySetting, placesNamed, layers });
  if (options.mainChoice !== false && events.length > 0) {
    const changed = applyMainChoice(events, { article, layers, lead, setting, towns });
    const cls = changed ? classOf.get(changed.id) : undefined;
    if (changed && cls) changed.summary = summarize(changed, cls, layers.entities);
  }
  return events;
}

/**
 * The offsets that only spaces (at least one) separate from the end of a place we cannot map: a
 * trigger starting there is named by that place (one set per article, not a scan of the places per mention).
 */
function unmappablePlaceEnds(places: readonly Place[], text: string): Set<number> {
  const out = new Set<number>();
  for (const p of places) {
    if (isMappable(p)) continue;
    for (let k = p.end; k < text.length && /\s/.test(text[k]); k++) out.add(k + 1);
  }
  return out;
}

/** The article's words, lower-cased, one pass over the tokens layer. */
function* wordsOf(layers: Readonly<Layers>, text: string): Generator<string> {
  for (const t of layers.tokens ?? []) yield text.slice(t.start, t.end).toLowerCase();
}

export { claimantWords } from './summary.js';
export { haversineKm } from './haversine.js';
