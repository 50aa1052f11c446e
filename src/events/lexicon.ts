/**
 * Event triggers: words that name an event, with the event class they signal. The class decides the
 * ACLED type (event_type / sub_event_type, exactly as ACLED's codebook spells them) and the PLOVER
 * type and mode; the weapon words of the sentence refine the ACLED sub-event type (drones and aircraft
 * → "Air/drone strike", missiles and artillery → "Shelling/artillery/missile attack").
 *
 * ACLED: 6 event types, 25 sub-event types (acledR codebook). PLOVER: top-level types of the OEDA
 * manual (v0.7b1) plus ACCUSE and REQUEST as used by the NGEC samples; modes are our own short names.
 */

export type EventClass =
  | 'strike' // air/drone/missile strike, bombing, shelling (remote violence)
  | 'attack' // generic attack: typed by the weapon words around it
  | 'launch' // "launched N drones/missiles"
  | 'intercept' // interception: disrupted weapons use
  | 'clash' // armed clash, fighting
  | 'regain' // government regains territory
  | 'overtake' // non-state actor overtakes territory
  | 'killing' // shootings, massacres, executions (violence against civilians)
  | 'abduction'
  | 'sexual'
  | 'suicide'
  | 'ied'
  | 'grenade'
  | 'protest'
  | 'riot'
  | 'arrest'
  | 'loot'
  | 'consult' // meetings, talks, visits, calls
  | 'agree'
  | 'disapprove'
  | 'accuse'
  | 'threaten'
  | 'demand'
  | 'request'
  | 'support'
  | 'aid'
  | 'reject'
  | 'sanction'
  | 'mobilize'
  | 'investigate'
  | 'retreat'
  | 'posture' // reinforcements, fortifications, patrols, curfews: change to group/activity
  | 'base' // a base or headquarters established
  | 'release'; // prisoners released, people returned: strategic developments (other)

export interface AcledType {
  eventType: string;
  subEventType: string;
}

export const ACLED_TYPES = {
  airStrike: { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike' },
  shelling: { eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack' },
  suicide: { eventType: 'Explosions/Remote violence', subEventType: 'Suicide bomb' },
  ied: { eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED' },
  grenade: { eventType: 'Explosions/Remote violence', subEventType: 'Grenade' },
  clash: { eventType: 'Battles', subEventType: 'Armed clash' },
  regain: { eventType: 'Battles', subEventType: 'Government regains territory' },
  overtake: { eventType: 'Battles', subEventType: 'Non-state actor overtakes territory' },
  vacAttack: { eventType: 'Violence against civilians', subEventType: 'Attack' },
  abduction: { eventType: 'Violence against civilians', subEventType: 'Abduction/forced disappearance' },
  sexual: { eventType: 'Violence against civilians', subEventType: 'Sexual violence' },
  peaceful: { eventType: 'Protests', subEventType: 'Peaceful protest' },
  intervention: { eventType: 'Protests', subEventType: 'Protest with intervention' },
  excessive: { eventType: 'Protests', subEventType: 'Excessive force against protesters' },
  violentDemo: { eventType: 'Riots', subEventType: 'Violent demonstration' },
  mob: { eventType: 'Riots', subEventType: 'Mob violence' },
  agreement: { eventType: 'Strategic developments', subEventType: 'Agreement' },
  arrests: { eventType: 'Strategic developments', subEventType: 'Arrests' },
  disrupted: { eventType: 'Strategic developments', subEventType: 'Disrupted weapons use' },
  looting: { eventType: 'Strategic developments', subEventType: 'Looting/property destruction' },
  changeGroup: { eventType: 'Strategic developments', subEventType: 'Change to group/activity' },
  base: { eventType: 'Strategic developments', subEventType: 'Headquarters or base established' },
  other: { eventType: 'Strategic developments', subEventType: 'Other' },
} as const satisfies Record<string, AcledType>;

/** Every ACLED event type and its sub-event types (for validation and the CLI's --type). */
export const ACLED_SCHEMA: Record<string, string[]> = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
};

export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'COOPERATE',
  'AID',
  'CONCEDE',
  'RETREAT',
  'INVESTIGATE',
  'DEMAND',
  'DISAPPROVE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'MOBILIZE',
  'SANCTION',
  'COERCE',
  'ASSAULT',
  'FIGHT',
  'ACCUSE',
  'REQUEST',
] as const;

/** Classes whose events are material violence (need a violent context for ambiguous words). */
export const VIOLENT: ReadonlySet<EventClass> = new Set<EventClass>([
  'strike',
  'attack',
  'launch',
  'clash',
  'regain',
  'overtake',
  'killing',
  'abduction',
  'sexual',
  'suicide',
  'ied',
  'grenade',
]);

/** Classes that only count with a named actor (verbal events are everywhere otherwise). */
export const VERBAL: ReadonlySet<EventClass> = new Set<EventClass>([
  'disapprove',
  'accuse',
  'threaten',
  'demand',
  'request',
  'support',
  'reject',
  'agree',
  'aid',
  'sanction',
  'investigate',
  'mobilize',
  'retreat',
]);

export interface Trigger {
  cls: EventClass;
  /** Noun triggers take their actor from a demonym/possessive before them; verbs from the subject. */
  noun: boolean;
  /** The word needs context to count (e.g. "strike" is also a labour strike; "attack" a heart attack). */
  ambiguous?: boolean;
  /** Verb in the passive reads its actor from "by X". */
}

const T = new Map<string, Trigger>();
function add(cls: EventClass, noun: boolean, words: string, ambiguous = false): void {
  for (const w of words.split(/\s*,\s*/)) if (w) T.set(w, { cls, noun, ...(ambiguous ? { ambiguous } : {}) });
}

add('strike', true, 'strike, strikes', true);
add('strike', true, 'airstrike, airstrikes, air-strike, air-strikes, bombardment, bombardments, bombing, bombings, raid, raids');
add('strike', false, 'struck, bombed, bombarded, shelled, pounded, hit', true);
add('strike', true, 'shelling, shellfire');
add('strike', true, 'shell, shells, mortars, rockets, rocket', true);
add('strike', true, 'explosion, explosions, blast, blasts, projectiles', true);
add('attack', true, 'attack, attacks, assault, offensive', true);
add('attack', false, 'attacked, targeted, assaulted', true);
add('launch', false, 'launched, fired', true);
add('intercept', false, 'intercepted, downed, suppressed, neutralised, neutralized, repelled, destroyed', true);
add('intercept', true, 'interception, interceptions', true);
add('clash', true, 'clash, clashes, fighting, battle, battles, firefight, gunfight, skirmish, skirmishes');
add('clash', false, 'clashed, fought');
add('clash', true, 'shoot-out, shoot-outs, shootout, shootouts, gunbattle, gunbattles, gun-battle, crossfire, fire-fight, firefights');
add('clash', true, 'incursion, incursions', true);
add('attack', false, 'ambushed');
add('attack', true, 'ambush, ambushes');
add('killing', false, 'tortured');
add('regain', false, 'recaptured, retook, regained, liberated', true);
add('overtake', false, 'captured, overran', true);
add('killing', false, 'massacred, executed, lynched, gunned, murdered, stabbed, assassinated, beheaded', true);
add('killing', true, 'massacre, massacres, shooting, shootings, assassination', true);
add('abduction', false, 'abducted, kidnapped, kidnaps');
add('abduction', true, 'abduction, abductions, kidnapping, kidnappings');
add('sexual', false, 'raped');
add('suicide', true, 'suicide');
add('ied', true, 'ied, ieds, landmine, landmines, roadside');
add('grenade', true, 'grenade, grenades', true);
add('protest', true, 'protest, protests, demonstration, demonstrations, rally, rallies, march, sit-in, vigil');
add('protest', false, 'protested, demonstrated, rallied, marched, picketed, booed, protesting');
add('protest', true, 'protesters, protestors, demonstrators, motorcade, motorcades, blockade, blockades, picket, pickets, sit-ins, marches, strikers');
add('riot', true, 'riot, riots, rioting, unrest, rioters');
add('riot', false, 'rioted');
add('riot', true, 'mob, lynching, scuffle, brawl');
add('loot', false, 'looted, torched, burned, burnt, vandalised, vandalized, ransacked, seized', true);
add('arrest', false, 'arrested, detained');
add('arrest', true, 'arrest, arrests, detention');
add('consult', true, 'meeting, meetings, talks, summit, sit-down, negotiations, visit');
add('consult', false, 'met, meet, meets, hosted, visited, visits, arrived, convened, negotiated');
add('agree', false, 'agreed, signed');
add('disapprove', false, 'condemned, condemns, criticised, criticized, denounced, slammed, deplored');
add('accuse', false, 'accused, accuses, blamed, blames');
add('threaten', false, 'threatened, threatens, warned, warns');
add('demand', false, 'demanded, demands, urged, urges');
add('request', false, 'requested, asked, appealed');
add('support', false, 'supported, backed, praised, thanked, welcomed, endorsed');
add('aid', false, 'pledged, donated');
add('reject', false, 'rejected, refused, dismissed, denied');
add('sanction', true, 'sanctions, embargo');
add('sanction', false, 'sanctioned, expelled');
add('mobilize', false, 'scrambled, deployed, mobilised, mobilized');
add('investigate', false, 'investigating, investigated, probed');
add('investigate', true, 'investigation, investigations, probe, inquiry');
add('retreat', false, 'withdrew, retreated');
add('posture', true, 'reinforcements, fortifications, fortification');
add('loot', false, 'raided, uprooted, confiscated, dismantled, demolished', true);
add('loot', true, 'arson', true);

export function triggerFor(lower: string): Trigger | undefined {
  return T.get(lower);
}

/** Every word `triggerFor` knows (for a one-lookup pre-filter of tokens). */
export function triggerWords(): IterableIterator<string> {
  return T.keys();
}

/** Weapon words: the unit of a count or a word in the sentence. */
export type Weapon = 'drone' | 'missile' | 'aircraft' | 'artillery' | 'rocket' | 'firearm' | 'explosive';

const WEAPONS = new Map<string, Weapon>();
for (const [weapon, words] of [
  ['drone', 'drone, drones, uav, uavs, shahed, shaheds'],
  ['missile', 'missile, missiles, munitions, ballistic'],
  ['aircraft', 'air, airstrike, airstrikes, air-strike, warplane, warplanes, jet, jets, aircraft, airborne, aerial, helicopter'],
  ['artillery', 'artillery, shelling, shelled, shells, mortar, mortars, howitzer, tank, launcher, launchers, projectiles, grad, mlrs'],
  ['rocket', 'rocket, rockets'],
  ['firearm', 'gunmen, gunman, gunfire, shot, shooting, rifles, guns, gun, guns, firearms, firearm, arms, machine-gun, armed, gunshot, gunshots, shots, pistol, stabbed, knife, knives, machete, machetes'],
  ['explosive', 'bomb, bombs, explosives, explosive, explosion, explosions, blast'],
] as const) {
  for (const w of words.split(/,\s*/)) WEAPONS.set(w, weapon as Weapon);
}

export function weaponOf(lower: string): Weapon | undefined {
  return WEAPONS.get(lower);
}

/** Words that make an ambiguous trigger violent (military context). */
export const VIOLENT_CONTEXT = new Set([
  'rebel',
  'rebels',
  'positions',
  'fighters',
  'gunfire',
  'shots',
  'armed',
  'gunmen',
  'gunman',
  'victim',
  'victims',
  'died',
  'gunshot',
  'hostage',
  'hostages',
  'bullets',
  'bullet',
  'knife',
  'machete',
  'militiamen',
  'militia',
  'insurgents',
  'police',
  'killed',
  'killing',
  'dead',
  'injured',
  'wounded',
  'casualties',
  'military',
  'army',
  'forces',
  'troops',
  'targeting',
  'targeted',
  'drone',
  'drones',
  'missile',
  'missiles',
  'rocket',
  'rockets',
  'explosions',
  'explosion',
  'projectiles',
  'bomb',
  'airstrikes',
  'strikes',
  'shelling',
  'air',
  'defense',
  'defence',
  'munitions',
  'soldiers',
  'militants',
  'war',
  'israeli',
  'russian',
  'ukrainian',
]);

/**
 * Words right after a protest verb that make it transitive in another sense: "demonstrated that …",
 * "demonstrated a phone", "demonstrated so many attributes" (showed); a protest is intransitive
 * ("demonstrated outside", "demonstrated against", "demonstrated to demand").
 */
export const SHOW_SENSE_NEXT = new Set(['that', 'a', 'an', 'the', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'these', 'those', 'so', 'such', 'how', 'what', 'it', 'them', 'him']);
/** Protest verbs with that other sense: "protested that …" is a complaint told, "demonstrated that …" a proof. */
export const SHOW_SENSE_VERBS: Readonly<Record<string, ReadonlySet<string>>> = {
  demonstrated: SHOW_SENSE_NEXT,
  protested: new Set(['that']),
};

/** Words of labour relations: a "strike" told with one is a labour strike unless a violent word is told too. */
export const LABOUR_WORDS: ReadonlySet<string> = new Set(
  'union unions unionised unionized workers employees staff writers actors wages wage pay pension pensions walkout walkouts picket pickets picketing settled settle studios guild contract contracts negotiations bargaining'.split(' '),
);

/** Labour strikes, heart attacks and the like. */
export const NON_VIOLENT_BEFORE = new Set(['gas', 'teargas', 'hunger', 'general', 'labour', 'labor', 'rail', 'teachers', 'workers', 'heart', 'panic', 'asthma', 'cyber', 'cyberattack', 'verbal', 'lucky', 'first']);
export const NON_VIOLENT_AFTER = new Set(['action', 'ballot', 'pay', 'fund']);

/** Objects that make "fighting X", "a battle against X", "an attack on X" figurative or generic. */
export const ABSTRACT_OBJECTS = new Set([
  'poverty', 'war', 'wars', 'corruption', 'crime', 'terrorism', 'extremism', 'disease', 'diseases', 'virus', 'viruses', 'pandemic',
  'covid', 'covid-19', 'coronavirus', 'inflation', 'fire', 'fires', 'wildfire', 'wildfires', 'blaze', 'blazes', 'flames', 'cancer',
  'hunger', 'change', 'disinformation', 'misinformation', 'drugs', 'fraud', 'racism', 'injustice', 'impunity', 'illness', 'addiction',
  'unemployment', 'discrimination', 'malaria', 'obesity', 'odds', 'infection', 'infections', 'inequality', 'famine', 'hate', 'bias',
  'democracy', 'freedom', 'freedoms', 'rights', 'independence', 'justice', 'truth', 'science',
]);
/** Words before "battle", "fight", "clash" that make it figurative ("legal battle", "court fight"). */
export const FIGURATIVE_BEFORE = new Set([
  'legal', 'court', 'courtroom', 'custody', 'political', 'electoral', 'uphill', 'bidding', 'price', 'ratings', 'ideological', 'verbal',
  'rhetorical', 'title', 'chess', 'tug-of-war', 'budget', 'policy', 'boardroom', 'takeover', 'proxy', 'personality', 'culture', 'cultural',
  'diplomatic', 'trade', 'tariff', 'regulatory', 'legislative', 'lengthy', 'public',
]);

/** Words before a trigger that make it planned, hypothetical or denied rather than reported as done. */
export const PLANNED_CUES = new Set(['will', 'would', 'could', 'may', 'might', 'plan', 'plans', 'planned', 'planning', 'to', 'set', 'expected', 'intends', 'shall', 'should', 'potential', 'possible', 'future', 'upcoming', 'proposed']);
export const NEGATION_CUES = new Set(['not', "n't", 'no', 'never', 'denied', 'without']);

/** Roles of quantities that are deaths and injuries (quantities stage roles and synonyms). */
export const KILLED_ROLES = new Set(['killed', 'dead', 'died', 'deaths', 'death', 'fatalities', 'murdered', 'slain']);
export const INJURED_ROLES = new Set(['injured', 'wounded', 'hurt', 'injuries', 'wounds']);

/** Units that are weapons (their counts are the event's weapon counts). */
export function isWeaponUnit(unit: string | null): boolean {
  if (!unit) return false;
  const last = unit.toLowerCase().split(/\s+/).pop() ?? '';
  return WEAPONS.has(last) && !['air', 'shot', 'shooting', 'blast', 'explosion', 'explosions', 'tank'].includes(last);
}

/** Words after an attack that make its target armed (a battle) rather than civilians. */
export const SECURITY_TARGET = new Set(['division', 'brigade', 'battalion', 'regiment', 'platoon', 'personnel', 'cadres', 'elements', 'gendarmes', 'gendarme', 'gendarmerie', 'commander', 'commanders', 'colonel', 'sergeant', 'lieutenant', 'captain', 'fighter', 'militant', 'combatants', 'insurgents', 'jihadists', 'militiamen', 'militiaman', 'rebel', 'sniper', 'snipers', 'frontline', 'outpost', 'outposts', 'barracks', 'officer', 'policeman', 'policemen', 'forces', 'force', 'soldiers', 'soldier', 'troops', 'police', 'policemen', 'army', 'military', 'post', 'posts', 'checkpoint', 'base', 'militants', 'fighters', 'rebels', 'officers', 'guards', 'positions', 'position', 'militia', 'convoy', 'patrol']);

/** Property that looting/destruction verbs take ("burned the main house", "seized a vehicle"). */
export const PROPERTY = new Set(['boats', 'boat', 'marijuana', 'cocaine', 'drugs', 'plants', 'seedlings', 'trees', 'saplings', 'mall', 'residence', 'dairy', 'machinery', 'tools', 'lab', 'laboratory', 'scheme', 'warehouse', 'warehouses', 'farm', 'farms', 'tavern', 'dormitory', 'plantation', 'plantations', 'fields', 'hectares', 'vines', 'olive', 'harvest', 'granary', 'kiosk', 'kiosks', 'hut', 'huts', 'tent', 'tents', 'headquarters', 'premises', 'factory', 'plant', 'tower', 'pylon', 'bridge', 'clinic', 'hospital', 'house', 'houses', 'home', 'homes', 'vehicle', 'vehicles', 'car', 'cars', 'truck', 'trucks', 'shop', 'shops', 'store', 'stores', 'property', 'properties', 'office', 'offices', 'building', 'buildings', 'tires', 'tyres', 'tractor', 'tractors', 'bulldozer', 'school', 'church', 'mosque', 'market', 'crops', 'livestock', 'cattle', 'motorcycle', 'motorcycles', 'equipment', 'goods', 'station', 'bank']);
/** Armed actors: a fight among others (villagers, farmers, groups) is mob violence, not a battle. */
export const ARMED = new Set(['gendarme', 'gendarmes', 'policeman', 'policemen', 'soldier', 'militant', 'militiaman', 'guards', 'guard', 'militiamen', 'militiaman', 'combatants', 'forces', 'force', 'troops', 'soldiers', 'army', 'military', 'militants', 'militia', 'militias', 'rebels', 'fighters', 'insurgents', 'police', 'gunmen', 'jihadists', 'regime', 'taliban', 'shabaab', 'army', 'armed', 'guerrillas', 'separatists', 'paramilitary']);
export const TROOPS = new Set(['reinforcements', 'troops', 'forces', 'soldiers', 'units', 'battalion', 'brigade']);

/** People a death count of one can be about ("a man was killed", "assassinated a member"). */
export const PERSON_NOUNS = 'man|woman|boy|girl|person|child|civilian|member|officer|soldier|policeman|policewoman|fighter|militant|commander|leader|journalist|inmate|prisoner|farmer|resident|villager|student|teacher|driver|worker|official|trader|shepherd|youth|doctor|activist|elder|chief|guard|suspect|body|musician|miner|nurse|merchant|vendor|pastor|priest|imam|lawyer|judge|councillor|councilor|mayor|businessman|shopkeeper|herder|fisherman|motorcyclist|passenger|taxi|teen|teenager|minor|relative|couple|brother|sister|husband|wife|father|mother|son|daughter|employee|victim';
