/**
 * Countries, their demonyms and common aliases: a data table of our own, used as a gazetteer
 * feature by the NER model and to turn "Israeli Prime Minister" into an affiliation "Israel".
 * Format per line: `Name|demonym,demonym|alias,alias`.
 */
const TABLE = `Afghanistan|Afghan|
Albania|Albanian|
Algeria|Algerian|
Andorra|Andorran|
Angola|Angolan|
Argentina|Argentine,Argentinian|
Armenia|Armenian|
Australia|Australian|
Austria|Austrian|
Azerbaijan|Azerbaijani,Azeri|
Bahamas|Bahamian|The Bahamas
Bahrain|Bahraini|
Bangladesh|Bangladeshi|
Barbados|Barbadian|
Belarus|Belarusian,Belarussian|
Belgium|Belgian|
Belize|Belizean|
Benin|Beninese|
Bhutan|Bhutanese|
Bolivia|Bolivian|
Bosnia and Herzegovina|Bosnian|Bosnia
Botswana|Botswanan,Motswana|
Brazil|Brazilian|
Brunei|Bruneian|
Bulgaria|Bulgarian|
Burkina Faso|Burkinabe|
Burundi|Burundian|
Cambodia|Cambodian|
Cameroon|Cameroonian|
Canada|Canadian|
Cape Verde|Cape Verdean|Cabo Verde
Central African Republic|Central African|CAR
Chad|Chadian|
Chile|Chilean|
China|Chinese|People's Republic of China,PRC
Colombia|Colombian|
Comoros|Comoran|
Democratic Republic of the Congo|Congolese|DR Congo,DRC,Congo-Kinshasa,Zaire
Republic of the Congo|Congolese|Congo,Congo-Brazzaville
Costa Rica|Costa Rican|
Croatia|Croatian,Croat|
Cuba|Cuban|
Cyprus|Cypriot|
Czech Republic|Czech|Czechia
Denmark|Danish,Dane|
Djibouti|Djiboutian|
Dominican Republic|Dominican|
Ecuador|Ecuadorian|
Egypt|Egyptian|
El Salvador|Salvadoran|
Equatorial Guinea|Equatoguinean|
Eritrea|Eritrean|
Estonia|Estonian|
Eswatini|Swazi|Swaziland
Ethiopia|Ethiopian|
Fiji|Fijian|
Finland|Finnish,Finn|
France|French|
Gabon|Gabonese|
Gambia|Gambian|The Gambia
Georgia|Georgian|
Germany|German|
Ghana|Ghanaian|
Greece|Greek|
Guatemala|Guatemalan|
Guinea|Guinean|
Guinea-Bissau|Bissau-Guinean|
Guyana|Guyanese|
Haiti|Haitian|
Honduras|Honduran|
Hungary|Hungarian|
Iceland|Icelandic,Icelander|
India|Indian|
Indonesia|Indonesian|
Iran|Iranian|Persia,Islamic Republic of Iran
Iraq|Iraqi|
Ireland|Irish|Republic of Ireland,Eire
Israel|Israeli|
Italy|Italian|
Ivory Coast|Ivorian|Cote d'Ivoire,Côte d'Ivoire
Jamaica|Jamaican|
Japan|Japanese|
Jordan|Jordanian|
Kazakhstan|Kazakh,Kazakhstani|
Kenya|Kenyan|
Kosovo|Kosovar,Kosovan|
Kuwait|Kuwaiti|
Kyrgyzstan|Kyrgyz|
Laos|Laotian,Lao|
Latvia|Latvian|
Lebanon|Lebanese|
Lesotho|Basotho|
Liberia|Liberian|
Libya|Libyan|
Liechtenstein|Liechtensteiner|
Lithuania|Lithuanian|
Luxembourg|Luxembourgish,Luxembourger|
Madagascar|Malagasy|
Malawi|Malawian|
Malaysia|Malaysian|
Maldives|Maldivian|
Mali|Malian|
Malta|Maltese|
Mauritania|Mauritanian|
Mauritius|Mauritian|
Mexico|Mexican|
Moldova|Moldovan|
Monaco|Monegasque|
Mongolia|Mongolian|
Montenegro|Montenegrin|
Morocco|Moroccan|
Mozambique|Mozambican|
Myanmar|Burmese|Burma
Namibia|Namibian|
Nepal|Nepali,Nepalese|
Netherlands|Dutch|Holland,The Netherlands
New Zealand|New Zealander|
Nicaragua|Nicaraguan|
Niger|Nigerien|
Nigeria|Nigerian|
North Korea|North Korean|DPRK
North Macedonia|Macedonian|Macedonia
Norway|Norwegian|
Oman|Omani|
Pakistan|Pakistani|
Palestine|Palestinian|Palestinian territories,State of Palestine
Panama|Panamanian|
Papua New Guinea|Papua New Guinean|
Paraguay|Paraguayan|
Peru|Peruvian|
Philippines|Filipino,Philippine|The Philippines
Poland|Polish,Pole|
Portugal|Portuguese|
Qatar|Qatari|
Romania|Romanian|
Russia|Russian|Russian Federation
Rwanda|Rwandan|
Saudi Arabia|Saudi,Saudi Arabian|
Senegal|Senegalese|
Serbia|Serbian,Serb|
Sierra Leone|Sierra Leonean|
Singapore|Singaporean|
Slovakia|Slovak,Slovakian|
Slovenia|Slovenian,Slovene|
Somalia|Somali|
South Africa|South African|
South Korea|South Korean|Korea,Republic of Korea
South Sudan|South Sudanese|
Spain|Spanish,Spaniard|
Sri Lanka|Sri Lankan|
Sudan|Sudanese|
Suriname|Surinamese|
Sweden|Swedish,Swede|
Switzerland|Swiss|
Syria|Syrian|
Taiwan|Taiwanese|
Tajikistan|Tajik|
Tanzania|Tanzanian|
Thailand|Thai|
Togo|Togolese|
Trinidad and Tobago|Trinidadian|
Tunisia|Tunisian|
Turkey|Turkish,Turk|Turkiye,Türkiye
Turkmenistan|Turkmen|
Uganda|Ugandan|
Ukraine|Ukrainian|
United Arab Emirates|Emirati|UAE,U.A.E.,Emirates
United Kingdom|British,Briton,English,Scottish,Welsh|UK,U.K.,Britain,Great Britain
United States|American|US,U.S.,USA,U.S.A.,America,United States of America
Uruguay|Uruguayan|
Uzbekistan|Uzbek|
Venezuela|Venezuelan|
Vietnam|Vietnamese|Viet Nam
Yemen|Yemeni|
Zambia|Zambian|
Zimbabwe|Zimbabwean|
Vatican|Vatican|Holy See,Vatican City
European Union|European|EU,E.U.
Gaza|Gazan|Gaza Strip
West Bank||
Crimea|Crimean|
Chechnya|Chechen|
Kurdistan|Kurdish,Kurd|`;

export interface CountryEntry {
  name: string;
  demonyms: string[];
  aliases: string[];
}

export const COUNTRIES: readonly CountryEntry[] = TABLE.split('\n').map((line) => {
  const [name, demonyms, aliases] = line.split('|');
  const list = (s: string | undefined): string[] => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);
  return { name: name.trim(), demonyms: list(demonyms), aliases: list(aliases) };
});

/** Continents, regions and other common geographic names that are not countries. */
export const REGIONS: readonly string[] = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Middle East', 'Central Asia',
  'Southeast Asia', 'East Asia', 'South Asia', 'Eastern Europe', 'Western Europe', 'Balkans', 'Caucasus',
  'Scandinavia', 'Gulf', 'Persian Gulf', 'Red Sea', 'Black Sea', 'Mediterranean', 'Baltic', 'Arctic', 'Antarctica',
  'Pacific', 'Atlantic', 'Indian Ocean', 'Caribbean', 'Sahel', 'Donbas', 'Donbass', 'Kashmir', 'Sinai', 'Golan Heights',
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada',
  'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma',
  'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah',
  'Vermont', 'Virginia', 'West Virginia', 'Wisconsin', 'Wyoming', 'Ontario', 'Quebec', 'British Columbia',
  'Alberta', 'Bavaria', 'Siberia', 'Tibet', 'Xinjiang', 'Hong Kong', 'Macau', 'Puerto Rico', 'Greenland',
];

/** Well-known organisations, as a weak gazetteer feature (the model still decides). */
export const ORGANISATIONS: readonly string[] = [
  'United Nations', 'UN', 'U.N.', 'NATO', 'European Union', 'European Commission', 'Security Council',
  'World Bank', 'International Monetary Fund', 'IMF', 'World Health Organization', 'WHO', 'Red Cross',
  'Hamas', 'Hezbollah', 'Taliban', 'Islamic State', 'al-Qaeda', 'Al Qaeda', 'Kremlin', 'Pentagon', 'White House',
  'Congress', 'Senate', 'Parliament', 'Reuters', 'Associated Press', 'AP', 'AFP', 'BBC', 'CNN', 'OPEC', 'FIFA',
  'UEFA', 'IAEA', 'Interpol', 'European Parliament', 'African Union', 'Arab League', 'ASEAN', 'G7', 'G20',
  'State Department', 'Foreign Ministry', 'Defense Ministry', 'Defence Ministry', 'Supreme Court', 'FBI', 'CIA',
];

const byDemonym = new Map<string, string>();
const byName = new Map<string, string>();
/** Acronyms ("CAR", "DRC", "US") match only as written: "a car", "told us" name no country. */
const byAcronym = new Map<string, string>();
const ACRONYM = /^[A-Z](?:\.?[A-Z])+\.?$/;
for (const c of COUNTRIES) {
  for (const d of c.demonyms) if (!byDemonym.has(d.toLowerCase())) byDemonym.set(d.toLowerCase(), c.name);
  byName.set(c.name.toLowerCase(), c.name);
  for (const a of c.aliases) {
    if (ACRONYM.test(a)) {
      if (!byAcronym.has(a)) byAcronym.set(a, c.name);
    } else if (!byName.has(a.toLowerCase())) byName.set(a.toLowerCase(), c.name);
  }
}

/** "Israeli" → "Israel"; undefined when the word is not a demonym. */
export function countryOfDemonym(word: string): string | undefined {
  return byDemonym.get(word.toLowerCase());
}

/** "U.S." → "United States", "Britain" → "United Kingdom"; undefined when unknown. */
export function countryOfName(name: string): string | undefined {
  return byAcronym.get(name) ?? byName.get(name.toLowerCase());
}

/**
 * Capitals and other cities that stand for a government or a market ("Moscow said", "Washington warned"): a name
 * here is a place even when it takes a speech verb, and never joins a person of the same name.
 */
export const SPEAKING_CITIES: readonly string[] = [
  'Abu Dhabi', 'Abuja', 'Addis Ababa', 'Algiers', 'Amman', 'Ankara', 'Athens', 'Baghdad', 'Baku', 'Bangkok', 'Beijing',
  'Beirut', 'Belgrade', 'Berlin', 'Bern', 'Bogota', 'Brasilia', 'Brussels', 'Bucharest', 'Budapest', 'Buenos Aires',
  'Cairo', 'Canberra', 'Caracas', 'Damascus', 'Delhi', 'New Delhi', 'Dhaka', 'Doha', 'Dublin', 'Geneva', 'Hanoi',
  'Havana', 'Helsinki', 'Islamabad', 'Jakarta', 'Jerusalem', 'Kabul', 'Khartoum', 'Kiev', 'Kyiv', 'Kinshasa',
  'Kuala Lumpur', 'Lisbon', 'London', 'Madrid', 'Manila', 'Mexico City', 'Minsk', 'Moscow', 'Nairobi', 'Oslo',
  'Ottawa', 'Paris', 'Pretoria', 'Pyongyang', 'Riyadh', 'Rome', 'Sanaa', 'Santiago', 'Seoul', 'Singapore',
  'Stockholm', 'Taipei', 'Tbilisi', 'Tehran', 'Tokyo', 'Tripoli', 'Tunis', 'Vienna', 'Vilnius', 'Warsaw',
  'Washington', 'Wellington', 'Yerevan', 'Frankfurt', 'Wall Street', 'Hong Kong', 'Shanghai', 'Istanbul', 'Dubai',
];

const speakingCities = new Set(SPEAKING_CITIES.map((c) => c.toLowerCase()));
const regionNames = new Set(REGIONS.map((r) => r.toLowerCase()));

/** A country (or alias), region or speaking city from our tables: "Jordan", "Gulf", "Moscow". */
export function isKnownPlaceName(name: string): boolean {
  const low = name.toLowerCase();
  return countryOfName(name) !== undefined || regionNames.has(low) || speakingCities.has(low);
}
