/** Word lists that decide an event's kind (kind.ts): data, not control flow. */

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** Natural hazards: a death told with one (and no attack) is a disaster's toll. */
export const DISASTER_WORDS = words(`
  earthquake earthquakes quake quakes tremor tremors aftershock aftershocks tsunami tsunamis flood floods flooding floodwaters
  hurricane hurricanes cyclone cyclones typhoon typhoons tornado tornadoes twister storm storms blizzard snowstorm landslide
  landslides mudslide mudslides avalanche avalanches eruption volcano volcanic wildfire wildfires bushfire bushfires forest-fire
  drought heatwave heat-wave lightning monsoon rains disaster disasters`);

/** Accidents: crashes, falls, drownings, fires without arson. */
export const ACCIDENT_WORDS = words(`
  crash crashes crashed collision collisions collided head-on derailed derailment capsized capsize sank sinking drowned
  drowning overturned overturning electrocuted scaffolding fell falling plunged skidded wreck wrecked pile-up accident
  accidental accidentally blaze firefighters fire-fighters pedestrian cyclist motorist lorry truck tractor-trailer minivan
  car vehicle bus train ferry boat plane aircraft helicopter`);
/** Accident words that are enough on their own (the vehicle words need a crash or a hit). */
export const ACCIDENT_STRONG = words(`
  crash crashes crashed collision collisions collided head-on derailed derailment capsized sank drowned drowning overturned
  electrocuted scaffolding plunged skidded wreck pile-up accident blaze firefighters`);
/** Vehicles: "hit by a lorry", "a car struck a house". */
export const VEHICLES = words(`car cars vehicle vehicles lorry truck trucks bus van minivan train tram tractor-trailer suv pickup motorcycle motorbike`);

/** Signs of an attack: with one, a death is violence, not a disaster or an accident. */
export const ATTACK_WORDS = words(`
  shot shooting shootings gunman gunmen gunfire gunshot gunshots stabbed stabbing stabbings knife bomb bombs bombing bomber
  explosive explosives ied airstrike airstrikes air-strike missile missiles rocket rockets shelling shelled artillery drone
  drones attack attacked attackers assailants murdered murder homicide arson torched firebomb militants insurgents rebels
  beaten hacked gun guns rifle rifles pistol handgun shotgun`);

/** Armed organisations and state forces: violence by or against them is armed conflict. */
export const ARMED_GROUP_WORDS = words(`
  militants militant rebels rebel insurgents insurgent jihadists jihadist militia militias militiamen troops soldiers soldier
  army military forces fighters guerrillas guerrilla terrorists terrorist extremists extremist paramilitary paramilitaries
  taliban al-shabaab shabaab isis isil daesh boko haram hamas hezbollah houthi houthis jnim iswap al-qaeda farc eln pkk
  séléka anti-balaka ambazonian separatists separatist junta gendarmes gendarmerie peacekeepers warplanes jets`);

/** Political targets and settings: violence against or among them is political. */
export const POLITICAL_WORDS = words(`
  protesters protester demonstrators demonstrator protestors activist activists journalist journalists politician politicians
  candidate candidates lawmaker lawmakers mp mps senator legislator councillor councilor minister governor election elections
  electoral vote polling campaign sectarian ethnic communal tribal clan coup insurgency ceasefire occupation occupied
  terrorism terror jihad uprising rally riot rioters mob political opposition regime`);

/** Signs of ordinary crime reporting: an incident told with them and no political actor is a crime. */
export const CRIME_WORDS = words(`
  police policeman detectives detective homicide murder murdered suspect suspects arrested charged custody robbery robber robbers
  robbed burglary burglar shooting stabbing stabbed gunman gunshot gunshots victim victims 911 sheriff sheriff's prosecutors
  drive-by domestic nightclub bar party carjacking road-rage manslaughter assault assaulted shoplifter store clerk hospital
  murder-suicide coroner medical examiner`);

/** Triggers whose class is political or military by itself (no crime reading). */
export const CONFLICT_ONLY_CLASSES: ReadonlySet<string> = new Set([
  'strike', 'launch', 'intercept', 'regain', 'overtake', 'suicide', 'ied', 'grenade', 'protest', 'riot', 'posture', 'base', 'release',
  'agree', 'mobilize', 'consult', 'disapprove', 'accuse', 'threaten', 'demand', 'request', 'support', 'aid', 'reject', 'sanction',
  'investigate', 'retreat',
]);

/** Organisations whose naming makes no actor political: the police, a hospital, a fire service. */
export const CIVIL_ORG = /\b(police|sheriff|department|fire|hospital|medical|coroner|patrol|highway|ambulance|rescue|county|city|news|university|school)\b/i;

/** Governments and their institutions: parties to a political agreement. */
export const GOVERNMENT_WORDS = words(`
  government governments president prime minister ministers ministry parliament congress senate cabinet officials
  administration kingdom republic state states nations treaty ceasefire truce peace accord deal-making talks negotiators
  delegation delegations leaders`);
