/**
 * ACLED typing rules on hand-written sentences: who is shot at decides battle or violence against
 * civilians; small arms make fire between positions a clash, crew-served weapons make it shelling;
 * protests turn into riots, interventions or excessive force by what happens at them; a crowd's
 * violence is mob violence; arrests that a protest is about are no arrest event.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord } from '../core/layers.js';
import { extractEvents } from './extract.js';
import { buildDoc, type DocSpec } from './testdoc.js';

const GAO = { surface: 'Gao', name: 'Gao', lat: 16.27, lon: -0.04, country: 'ML', precision: 'city' as const };

function main(spec: Omit<DocSpec, 'published'>): EventRecord | undefined {
  const { article, layers } = buildDoc({ published: '2020-05-08', places: [GAO], ...spec });
  const events = extractEvents(article, layers).filter((e) => e.acled);
  return events.sort((a, b) => b.confidence - a.confidence)[0];
}

const sub = (e: EventRecord | undefined) => (e?.acled ? `${e.acled.eventType}/${e.acled.subEventType}` : '-');

test('opening fire: on soldiers a battle, on a bus violence against civilians', () => {
  assert.equal(sub(main({ text: 'Gunmen opened fire on soldiers at a checkpoint near Gao.' })), 'Battles/Armed clash');
  assert.equal(
    sub(main({ text: 'Gunmen opened fire on a bus near Gao, killing two passengers.', quantities: [{ surface: 'two passengers', value: 2, unit: 'passengers', role: 'killed' }] })),
    'Violence against civilians/Attack',
  );
  assert.equal(sub(main({ text: 'Police officers and gang members exchanged fire in Gao.' })), 'Battles/Armed clash');
  assert.equal(sub(main({ text: 'A shoot-out broke out in a market of Gao.' })), 'Battles/Armed clash');
});

test('the victims decide: militants killing civilians is violence against civilians, killing soldiers a battle', () => {
  assert.equal(
    sub(main({ text: 'Militants killed five civilians in a village near Gao.', quantities: [{ surface: 'five civilians', value: 5, unit: 'civilians', role: 'killed' }] })),
    'Violence against civilians/Attack',
  );
  assert.equal(
    sub(main({ text: 'Militants killed two soldiers near Gao.', quantities: [{ surface: 'two soldiers', value: 2, unit: 'soldiers', role: 'killed' }] })),
    'Battles/Armed clash',
  );
  assert.equal(
    sub(main({ text: 'One civilian was killed by army troops near Gao.', quantities: [{ surface: 'One civilian', value: 1, unit: 'civilian', role: 'killed' }] })),
    'Violence against civilians/Attack',
    'the agent after "by" is not the target',
  );
});

test('fire at positions: small arms make a clash, heavy machine guns and grenade launchers shelling', () => {
  assert.equal(sub(main({ text: 'Rebel forces fired small arms at the army positions near Gao.' })), 'Battles/Armed clash');
  assert.equal(
    sub(main({ text: 'Rebel forces fired heavy machine guns and grenade launchers at the army positions near Gao.' })),
    'Explosions/Remote violence/Shelling/artillery/missile attack',
  );
  assert.equal(sub(main({ text: 'Monitors recorded 40 explosions in both directions of the frontline near Gao.' })), 'Battles/Armed clash');
  assert.equal(sub(main({ text: 'Shells fired by rebel forces hit the airport of Gao.' })), 'Explosions/Remote violence/Shelling/artillery/missile attack');
});

test('a body found, a repulsed attack', () => {
  assert.equal(sub(main({ text: 'The body of a man was found near Gao with a gunshot wound.' })), 'Violence against civilians/Attack');
  assert.equal(sub(main({ text: 'Soldiers repulsed an attack by militants on their base near Gao.' })), 'Battles/Armed clash');
});

test('protests: peaceful, with intervention, with lethal force, turned violent; strikes and road blocks are protests', () => {
  assert.equal(sub(main({ text: 'Teachers went on strike in Gao over unpaid wages.' })), 'Protests/Peaceful protest');
  assert.equal(sub(main({ text: 'Residents blocked the road to Gao to demand water.' })), 'Protests/Peaceful protest');
  assert.equal(sub(main({ text: 'Students protested in Gao. Police dispersed them with tear gas.' })), 'Protests/Protest with intervention');
  assert.equal(sub(main({ text: 'Demonstrators marched in Gao. Police used live rounds against the crowd.' })), 'Protests/Excessive force against protesters');
  assert.equal(sub(main({ text: 'Workers demonstrated in Gao and burned tyres on the main road.' })), 'Riots/Violent demonstration');
  assert.equal(sub(main({ text: 'Protesters in Gao burned an effigy of the governor.' })), 'Protests/Peaceful protest', 'a burned effigy is no violence');
});

test('an arrest that a protest is about is no arrest event; arrests at a protest are its intervention', () => {
  const { article, layers } = buildDoc({
    text: 'Journalists protested in Gao against the arrest of their editor and demanded the release of colleagues who were detained.',
    published: '2020-05-08',
    places: [GAO],
  });
  const events = extractEvents(article, layers).filter((e) => e.acled);
  assert.deepEqual(events.map(sub), ['Protests/Peaceful protest']);
  assert.equal(sub(main({ text: 'Hundreds of farmers protested in Gao. Police arrested 12 of them.' })), 'Protests/Protest with intervention');
});

test('a crowd’s violence is mob violence', () => {
  assert.equal(sub(main({ text: 'A suspected thief was beaten up by residents in Gao.' })), 'Riots/Mob violence');
  assert.equal(sub(main({ text: 'A group of people attacked two police officers in Gao with sticks.' })), 'Riots/Mob violence');
  assert.equal(sub(main({ text: 'Gunmen attacked two police officers in Gao.' })), 'Battles/Armed clash');
});

test('a shot fighter is a battle and a death, even when the count’s role reads "shot down"', () => {
  const e = main({ text: 'One TMF fighter was shot and killed by snipers near Gao.', quantities: [{ surface: 'One TMF fighter', value: 1, unit: 'fighter', role: 'downed' }] });
  assert.equal(sub(e), 'Battles/Armed clash');
  assert.equal(e?.killed?.value, 1);
});

test('riots: rioters are a violent demonstration, hurled stones without a demonstration mob violence, a land dispute a mob fight', () => {
  assert.equal(sub(main({ text: 'Rioters burned tires in front of the town hall of Gao.' })), 'Riots/Violent demonstration');
  assert.equal(sub(main({ text: 'Youths hurled stones at a police vehicle in Gao.' })), 'Riots/Mob violence');
  assert.equal(sub(main({ text: 'Two families fought with sticks over a land dispute in Gao.' })), 'Riots/Mob violence');
  assert.equal(
    sub(main({ text: 'Locals pelted stones and clashed with police, who lobbed tear gas shells, in Gao.' })),
    'Riots/Mob violence',
    'tear gas shells are no artillery',
  );
});

test('strategic developments: movements, bases, seizures, property destruction, releases, defused bombs', () => {
  assert.equal(sub(main({ text: 'Army reinforcements reached Gao on Friday.' })), 'Strategic developments/Change to group/activity');
  assert.equal(sub(main({ text: 'The governor imposed a curfew on Gao.' })), 'Strategic developments/Change to group/activity');
  assert.equal(sub(main({ text: 'Soldiers established a new base near Gao.' })), 'Strategic developments/Headquarters or base established');
  assert.equal(sub(main({ text: 'Police seized three boats and two tons of marijuana near Gao.' })), 'Strategic developments/Looting/property destruction');
  assert.equal(sub(main({ text: 'Three trucks were set on fire by unknown men near Gao.' })), 'Strategic developments/Looting/property destruction');
  assert.equal(sub(main({ text: 'The government released 67 prisoners in Gao.' })), 'Strategic developments/Other');
  assert.equal(sub(main({ text: 'Police defused five IEDs near Gao.' })), 'Strategic developments/Disrupted weapons use');
  // A seizure in the course of a fight is part of it.
  const { article, layers } = buildDoc({ text: 'A shoot-out broke out in Gao. The police seized a pistol and drugs.', published: '2020-05-08', places: [GAO] });
  assert.deepEqual(extractEvents(article, layers).filter((e) => e.acled).map(sub), ['Battles/Armed clash']);
});

test('monitors’ shot counts, captured fighters, crew-served fire, and violence told by its verb', () => {
  assert.equal(sub(main({ text: 'Monitors observed a total of 14 shots involving small arms near Gao.' })), 'Battles/Armed clash');
  assert.equal(sub(main({ text: 'Monitors observed a total of 20 bursts of fire involving heavy machineguns near Gao.' })), 'Explosions/Remote violence/Shelling/artillery/missile attack');
  assert.equal(sub(main({ text: 'Army forces captured two rebels near Gao.' })), 'Battles/Armed clash');
  assert.equal(sub(main({ text: 'Rebel forces fired PK machine guns at villages near Gao.' })), 'Explosions/Remote violence/Shelling/artillery/missile attack');
  assert.equal(sub(main({ text: 'Unknown gunmen wounded a civilian near Gao.' })), 'Violence against civilians/Attack');
  assert.equal(sub(main({ text: 'Members of a gang tortured an elderly woman in Gao.' })), 'Violence against civilians/Attack');
});

test('deaths told without a number: "Both victims died", "the victim died", "was shot to death"', () => {
  assert.equal(main({ text: 'Armed men attacked two men in Gao. Both victims died.' })?.killed?.value, 2);
  assert.equal(main({ text: 'Two armed men attacked a taxi driver in Gao. The victim died.' })?.killed?.value, 1);
  assert.equal(main({ text: 'In Gao, a man was shot to death by two armed men.' })?.killed?.value, 1);
  assert.equal(main({ text: 'Armed men attacked a man in Gao. The victim was injured.' })?.killed, undefined);
});

test('the first target named decides: a civilian vehicle near a base, an attack attributed to fighters; tear gas thrown at protesters', () => {
  assert.equal(
    sub(main({ text: 'Soldiers opened fire on a civilian vehicle passing near the army base in Gao.' })),
    'Violence against civilians/Attack',
  );
  assert.equal(
    sub(main({ text: 'Two civilians were killed in an attack attributed to rebel fighters near Gao.', quantities: [{ surface: 'Two civilians', value: 2, unit: 'civilians', role: 'killed' }] })),
    'Violence against civilians/Attack',
  );
  assert.equal(sub(main({ text: 'In Gao, prison guards threw tear gas at inmates who were protesting over food.' })), 'Protests/Protest with intervention');
  assert.equal(
    sub(main({ text: 'Reporters protested in Gao against the arrest of their editor. He was arrested in connection with a tax case.' })),
    'Protests/Peaceful protest',
    'the arrest the protest is about is no intervention',
  );
});

test('sport: shots, beatings, clashes and battles in match reports are play, not violence', () => {
  const none = (text: string) => assert.equal(main({ text, places: [] }), undefined, text);
  none('Steve McManaman wasted the best chance when he shot wide from three yards in the first half.');
  none('The scoring was completed just after the break, a superb shot on the turn making it 4-1.');
  none('Santoro was beaten 6-3 6-0 by the sixth seed.');
  none('England face Ireland in the Six Nations clash at Lansdowne Road, a battle the squad expects to win.');
  none('The striker killed off the game with a second goal in the final minute.');
  none('The sprinter has consistently protested her innocence.');
  // A violent word in a sentence about sport still counts with violent context.
  assert.equal(sub(main({ text: 'Gunmen shot dead a fan outside the stadium after the match in Gao.' })), 'Violence against civilians/Attack');
  // "The Game" is a name, not a match.
  assert.ok(main({ text: "A member of The Game's entourage was shot outside a radio station in Gao." }));
});

test('a cause clause names another event: its parties are not the targets of this one', () => {
  const { article, layers } = buildDoc({
    published: '2025-12-03',
    text: 'The base near Gao was attacked by Iran in June in retaliation for U.S. strikes on Iranian nuclear facilities.',
    entities: [
      { name: 'Iran', type: 'LOC', surfaces: ['Iran'] },
      { name: 'United States', type: 'LOC', surfaces: ['U.S.'] },
    ],
    places: [GAO],
  });
  const events = extractEvents(article, layers);
  const attack = events.find((e) => e.trigger.text === 'attacked');
  assert.ok(attack, 'the Iranian attack');
  assert.ok(attack.actors.some((a) => a.name === 'Iran'));
  assert.ok(!attack.targets.some((t) => t.name === 'United States'), JSON.stringify(attack.targets));
  const strikes = events.find((e) => e.mentions?.some((m) => m.text === 'strikes'));
  assert.ok(strikes?.actors.some((a) => a.name === 'United States'), 'the U.S. strikes are their own event');
});

test('a mention with its own place does not join an unplaced event told paragraphs before', () => {
  const text = [
    'Israeli airstrikes hit nuclear facilities in June.',
    'The talks resumed on Monday. Officials met for hours. A statement followed. Nothing was agreed.',
    'Drones attacked Gao overnight, where officials said 50 people were injured.',
  ].join('\n\n');
  const { article, layers } = buildDoc({
    published: '2025-12-03',
    text,
    places: [GAO],
    quantities: [{ surface: '50 people', value: 50, unit: 'people', role: 'injured' }],
  });
  const events = extractEvents(article, layers).filter((e) => e.acled);
  const gao = events.find((e) => e.place?.name === 'Gao');
  assert.ok(gao, 'the attack on Gao is an event of its own');
  assert.ok(!gao.actors.some((a) => a.name === 'Israel'), JSON.stringify(gao.actors));
  const israeli = events.find((e) => e.actors.some((a) => a.name === 'Israel'));
  assert.equal(israeli?.injured, undefined, 'the Gao toll stays with the Gao attack');
});
