/**
 * First-level regions (states, provinces, nations of the UK, …) and wider areas (continents, seas,
 * the Middle East, the Gaza Strip, the West Bank, …) that a city gazetteer lacks. Written by hand for
 * this project (MIT): names are facts, points are rounded geographic centres.
 *   CC|ADMIN1|Name;alias;…|lat|lon|precision
 * ADMIN1 is the GeoNames admin1 code where we link cities to the region (US postal codes, Canada's
 * and Australia's numeric codes, UK nations), empty where no link is needed. CC is empty for areas
 * that span several countries.
 */
const ROWS = `
US|AL|Alabama;Ala.|32.75|-86.75|region
US|AK|Alaska|64|-150|region
US|AZ|Arizona;Ariz.|34.5|-111.5|region
US|AR|Arkansas;Ark.|34.75|-92.5|region
US|CA|California;Calif.;Cal.|37.25|-119.75|region
US|CO|Colorado;Colo.|39|-105.5|region
US|CT|Connecticut;Conn.|41.67|-72.67|region
US|DE|Delaware;Del.|39|-75.5|region
US|FL|Florida;Fla.|28.75|-82.5|region
US|GA|Georgia;Ga.|32.75|-83.5|region
US|HI|Hawaii;Hawai'i|20.75|-156.5|region
US|ID|Idaho|44.5|-114.25|region
US|IL|Illinois;Ill.|40|-89.25|region
US|IN|Indiana;Ind.|40|-86.25|region
US|IA|Iowa|42|-93.5|region
US|KS|Kansas;Kan.;Kans.|38.5|-98.5|region
US|KY|Kentucky;Ky.|37.5|-85.25|region
US|LA|Louisiana;La.|31|-92|region
US|ME|Maine|45.5|-69.25|region
US|MD|Maryland;Md.|39|-76.75|region
US|MA|Massachusetts;Mass.|42.37|-71.85|region
US|MI|Michigan;Mich.|44.25|-85.5|region
US|MN|Minnesota;Minn.|46.25|-94.25|region
US|MS|Mississippi;Miss.|32.75|-89.75|region
US|MO|Missouri;Mo.|38.25|-92.5|region
US|MT|Montana;Mont.|47|-109.5|region
US|NE|Nebraska;Neb.;Nebr.|41.5|-99.75|region
US|NV|Nevada;Nev.|39.25|-116.75|region
US|NH|New Hampshire;N.H.|43.67|-71.5|region
US|NJ|New Jersey;N.J.|40.17|-74.5|region
US|NM|New Mexico;N.M.|34.5|-106|region
US|NY|New York State;New York;New York state;N.Y.;upstate New York|43|-75.5|region
US|NC|North Carolina;N.C.|35.5|-80|region
US|ND|North Dakota;N.D.|47.5|-100.5|region
US|OH|Ohio|40.25|-82.75|region
US|OK|Oklahoma;Okla.|35.5|-97.5|region
US|OR|Oregon;Ore.;Oreg.|44|-120.5|region
US|PA|Pennsylvania;Pa.;Penn.|40.9|-77.6|region
US|RI|Rhode Island;R.I.|41.67|-71.5|region
US|SC|South Carolina;S.C.|34|-81|region
US|SD|South Dakota;S.D.|44.5|-100.25|region
US|TN|Tennessee;Tenn.|35.75|-86.25|region
US|TX|Texas;Tex.|31.25|-99.25|region
US|UT|Utah|39.25|-111.75|region
US|VT|Vermont;Vt.|44|-72.75|region
US|VA|Virginia;Va.|37.5|-78.5|region
US|WA|Washington State;Washington state;Wash.|47.5|-120.5|region
US|WV|West Virginia;W.Va.;W. Va.|38.5|-80.5|region
US|WI|Wisconsin;Wis.;Wisc.|44.5|-90|region
US|WY|Wyoming;Wyo.|43|-107.5|region
CA|01|Alberta;Alta.|52.28|-117.47|region
CA|02|British Columbia;B.C.|54|-125|region
CA|03|Manitoba;Man.|55|-97|region
CA|04|New Brunswick|46.5|-66|region
CA|05|Newfoundland and Labrador;Newfoundland;Labrador|52|-56|region
CA|07|Nova Scotia|45|-63|region
CA|08|Ontario;Ont.|49.25|-84.5|region
CA|09|Prince Edward Island;P.E.I.|46.25|-63|region
CA|10|Quebec;Québec;Que.|52|-72|region
CA|11|Saskatchewan;Sask.|54|-106|region
CA|12|Yukon|63.5|-136.5|region
CA|13|Northwest Territories|64.8|-119.2|region
CA|14|Nunavut|66|-96|region
AU|01|Australian Capital Territory;ACT|-35.5|149|region
AU|02|New South Wales;NSW|-33|146|region
AU|03|Northern Territory|-20|134|region
AU|04|Queensland|-20|145|region
AU|05|South Australia|-30|135|region
AU|06|Tasmania|-42|147|region
AU|07|Victoria|-37|144|region
AU|08|Western Australia|-25|122|region
GB|ENG|England;English|52.16|-0.7|region
GB|SCT|Scotland;Scottish|56.5|-4|region
GB|WLS|Wales;Welsh|52.5|-3.5|region
GB||Hampshire|51.05|-1.3|region
GB||Yorkshire|54|-1.5|region
GB||Kent|51.2|0.75|region
GB||Surrey|51.25|-0.4|region
GB||Essex|51.8|0.6|region
GB||Sussex;East Sussex;West Sussex|50.95|-0.3|region
GB||Cornwall|50.4|-4.9|region
GB||Devon|50.75|-3.75|region
GB||Lancashire|53.8|-2.6|region
GB||Cumbria|54.5|-3.1|region
GB||Norfolk|52.65|1|region
GB||Suffolk|52.2|1.05|region
GB||Cambridgeshire|52.35|0.05|region
GB||Oxfordshire|51.8|-1.3|region
GB||Fife|56.25|-3.2|region
GB||West Midlands|52.47|-1.9|region
GB||Greater Manchester|53.5|-2.3|region
GB||Merseyside|53.45|-2.9|region
GB||Greater London|51.5|-0.1|region
ZA||Gauteng|-26|28.1|region
ZA||Western Cape|-33|20.5|region
ZA||Eastern Cape|-32|26|region
ZA||KwaZulu-Natal;KwaZulu Natal|-28.7|30.6|region
ZA||Limpopo|-24|29.5|region
ZA||Free State|-28.5|26.5|region
ZA||Mpumalanga|-25.6|30.2|region
ZA||Northern Cape|-29.5|21|region
GB|NIR|Northern Ireland;Ulster|54.6|-6.7|region
IN||Uttar Pradesh|27|80|region
IN||Maharashtra|19.5|76|region
IN||Kerala|10.5|76.5|region
IN||Tamil Nadu|11|78.5|region
IN||West Bengal|23|88|region
IN||Bihar|25.5|85.5|region
IN||Gujarat|23|72|region
IN||Rajasthan|26.5|74|region
IN||Karnataka|14|76|region
IN||Andhra Pradesh|16|80|region
IN||Telangana|18|79|region
IN||Odisha;Orissa|20.5|84.5|region
IN||Madhya Pradesh|23.5|78|region
IN||Assam|26|92.5|region
IN||Jammu and Kashmir;Kashmir;Jammu & Kashmir|34|76|region
IN||Manipur|24.7|93.9|region
IN||Punjab|30.9|75.5|region
PK||Sindh|26|69|region
PK||Balochistan;Baluchistan|28.5|65.5|region
PK||Khyber Pakhtunkhwa;North-West Frontier Province;NWFP|34.5|72|region
PK||Waziristan;North Waziristan;South Waziristan|32.5|69.8|region
CN||Guangdong|23.5|113.5|region
CN||Sichuan|30|102.5|region
CN||Xinjiang|42|86|region
CN||Tibet|31.5|88|region
CN||Hubei|31|112|region
CN||Yunnan|25|101.5|region
CN||Fujian|26|118|region
CN||Zhejiang|29|120|region
CN||Jiangsu|33|119.5|region
CN||Shandong|36|118.5|region
CN||Henan|34|113.5|region
CN||Hebei|38.5|115.5|region
CN||Hunan|27.5|112|region
CN||Anhui|31.5|117.5|region
CN||Guangxi|24|108.5|region
CN||Inner Mongolia|44|113|region
CN||Heilongjiang|48|128|region
CN||Qinghai|35.5|96|region
CN||Gansu|37|102|region
CN||Guizhou|26.8|106.8|region
CN||Jiangxi|27.5|115.7|region
CN||Shaanxi|35.5|109|region
CN||Shanxi|37.5|112.5|region
CN||Hainan|19.2|109.7|region
DE||Bavaria;Bayern|49|11.5|region
DE||Saxony;Sachsen|51|13.3|region
DE||Baden-Württemberg;Baden-Wurttemberg|48.5|9|region
DE||North Rhine-Westphalia;Nordrhein-Westfalen|51.5|7.5|region
DE||Lower Saxony|52.5|9.5|region
DE||Hesse;Hessen|50.5|9|region
DE||Thuringia|50.9|11|region
DE||Schleswig-Holstein|54.2|9.8|region
ES||Catalonia;Catalunya|41.8|1.6|region
ES||Andalusia;Andalucia|37.5|-4.7|region
ES||Basque Country|43|-2.6|region
ES||Galicia|42.8|-8|region
IT||Lombardy;Lombardia|45.7|9.9|region
IT||Sicily;Sicilia|37.6|14.2|region
IT||Sardinia;Sardegna|40|9|region
IT||Tuscany;Toscana|43.4|11.1|region
IT||Veneto|45.6|12|region
IT||Campania|40.9|14.8|region
IT||Calabria|39|16.4|region
IT||Piedmont|45.1|7.9|region
FR||Brittany;Bretagne|48.2|-2.9|region
FR||Normandy;Normandie|49|0|region
FR||Corsica;Corse|42.15|9.1|region
MX||Baja California|30|-115.5|region
MX||Sonora|29.5|-110.5|region
MX||Jalisco|20.5|-103.5|region
MX||Michoacán;Michoacan|19.2|-101.8|region
MX||Guerrero|17.6|-99.9|region
MX||Sinaloa|25|-107.5|region
MX||Tamaulipas|24|-98.5|region
MX||Chiapas|16.5|-92.5|region
MX||Yucatán;Yucatan|20.7|-89|region
RU||Chechnya;Chechen Republic|43.4|45.7|region
RU||Dagestan|43|47|region
RU||Siberia|60|105|area
UA||Crimea;Crimean Peninsula|45|34.2|region
UA||Donbas;Donbass|48|38.5|region
IQ||Kurdistan;Iraqi Kurdistan;Kurdistan Region|36.5|44|region
IQ||Anbar;Al Anbar|33|42|region
SD||Darfur|13|24|region
EG||Sinai;Sinai Peninsula|29.5|33.8|region
PS||Gaza Strip;the Gaza Strip|31.42|34.36|region
PS||West Bank;the West Bank|32|35.25|region
SY||Golan Heights;Golan|33|35.75|region
ES||Canary Islands|28.3|-15.6|region
PT||Azores|38.5|-28|region
DK||Faroe Islands|62|-7|region
PH||Mindanao|8|125|region
PH||Luzon|16|121|region
ID||Java|-7.5|110|region
ID||Sumatra|0|102|region
ID||Bali|-8.4|115.2|region
ID||Borneo|1|114|area
||Europe|48.69|9.14|area
||European Union;EU;E.U.|48.69|9.14|area
||Africa|7.19|21.09|area
||Asia|29.84|89.3|area
||North America|46.07|-100.55|area
||South America|-14.6|-57.66|area
||Latin America|-14.6|-57.66|area
||Central America|15|-86|area
||Oceania|-18.31|138.52|area
||Antarctica|-78.16|16.41|area
||Arab world;Arab;Arabian Peninsula|25|45|area
||Middle East;the Middle East;Mideast;Near East|29|41|area
||Caribbean;the Caribbean|15|-75|area
||Balkans;the Balkans|44|20|area
||Scandinavia|62|14|area
||Caucasus;the Caucasus|42.5|44|area
||Sahel;the Sahel|15|5|area
||Horn of Africa|8|45|area
||Central Asia|45|68|area
||Southeast Asia;South-East Asia|10|110|area
||East Asia|35|115|area
||South Asia|23|80|area
||West Africa|12|-2|area
||East Africa|0|36|area
||North Africa|28|10|area
||Sub-Saharan Africa|0|20|area
||Persian Gulf;the Gulf;Arabian Gulf|27|51|area
||Mediterranean;Mediterranean Sea;the Mediterranean|35|18|area
||Black Sea|43|35|area
||Red Sea|20|38.5|area
||Baltic Sea;the Baltic|58|20|area
||Baltics;Baltic states|56.5|24|area
||Arctic;the Arctic|80|0|area
||Pacific;Pacific Ocean|0|-160|area
||Atlantic;Atlantic Ocean|10|-30|area
||Indian Ocean|-20|80|area
||Gulf of Mexico|25|-90|area
||Western Europe|48|5|area
||Eastern Europe|50|28|area
||Midwest;the Midwest|41.5|-90|area
||New England|44|-71.5|area
`;

export interface RegionRecord {
  /** ISO2 of the country, or '' for a multi-country area. */
  country: string;
  admin1: string;
  name: string;
  names: string[];
  lat: number;
  lon: number;
  precision: 'region' | 'area';
}

let parsed: RegionRecord[] | null = null;

export function regions(): readonly RegionRecord[] {
  if (parsed) return parsed;
  parsed = [];
  for (const line of ROWS.split('\n')) {
    if (!line.trim()) continue;
    const [country, admin1, names, lat, lon, precision] = line.split('|');
    const list = names.split(';');
    parsed.push({
      country,
      admin1,
      name: list[0],
      names: list,
      lat: Number(lat),
      lon: Number(lon),
      precision: precision === 'area' ? 'area' : 'region',
    });
  }
  return parsed;
}
