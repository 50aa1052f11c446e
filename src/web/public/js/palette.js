// One distinct colour per event type, the same on the events chart, the map and their legends: ACLED's
// six event types and PLOVER's types each have their own; an unknown type takes a spare by its name.
// Mid-tone colours that read on the light and the dark background alike.

const FIXED = {
  Battles: '#c0392b',
  'Explosions/Remote violence': '#e67e22',
  'Violence against civilians': '#8e44ad',
  Protests: '#2e86c1',
  Riots: '#d4ac0d',
  'Strategic developments': '#16a085',
  ASSAULT: '#7b241c',
  COERCE: '#b9770e',
  PROTEST: '#5dade2',
  THREATEN: '#e84393',
  DEMAND: '#af7ac5',
  DISAPPROVE: '#7d6608',
  REJECT: '#6c3483',
  ACCUSE: '#00acc1',
  INVESTIGATE: '#117a65',
  CONSULT: '#1f618d',
  COOPERATE: '#28b463',
  AGREE: '#58d68d',
  SUPPORT: '#45b39d',
  AID: '#73c6b6',
  MOBILIZE: '#dc7633',
  SANCTION: '#884ea0',
  RETREAT: '#a6acaf',
  ACCEDE: '#52be80',
  REQUEST: '#85929e',
  event: '#7f8c8d',
  untyped: '#7f8c8d',
};

const SPARE = ['#d35400', '#2874a6', '#7b241c', '#1e8449', '#9a7d0a', '#633974', '#0e6655', '#b03a2e'];

/** The colour of an event type (ACLED event type or PLOVER type). */
export function colourOf(type) {
  if (FIXED[type]) return FIXED[type];
  let h = 0;
  for (const c of String(type)) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return SPARE[h % SPARE.length];
}
