/**
 * Countries and territories: ISO 3166-1 alpha-2 code, English names and common aliases, demonyms /
 * adjectives, and a representative point (the conventional geographic centre, close to the points
 * GeoNames and the CIA World Factbook give). Written by hand for this project (MIT, like the code);
 * names are facts, the centre points are our own rounding. Where the usual conventions disagree by a
 * little (GeoNames vs Wikipedia: China 105°E vs 103°E), the point sits between them. One row per line:
 *   CODE|Name;alias;alias|demonym;demonym|lat|lon
 * The first name is the canonical one. Demonyms map to the country (precision 'country').
 */
const ROWS = `
AD|Andorra|Andorran|42.5|1.5
AE|United Arab Emirates;UAE;U.A.E.;Emirates|Emirati;Emirian|24|54
AF|Afghanistan|Afghan;Afghani|33|66
AG|Antigua and Barbuda;Antigua|Antiguan|17.05|-61.8
AL|Albania|Albanian|41|20
AM|Armenia|Armenian|40|45
AO|Angola|Angolan|-12.5|18.5
AR|Argentina|Argentine;Argentinian;Argentinean|-34|-64
AT|Austria|Austrian|47.33|13.33
AU|Australia|Australian;Aussie|-25|134
AZ|Azerbaijan|Azerbaijani;Azeri|40.5|47.5
BA|Bosnia and Herzegovina;Bosnia;Bosnia-Herzegovina|Bosnian|44.25|17.83
BB|Barbados|Barbadian;Bajan|13.17|-59.53
BD|Bangladesh|Bangladeshi|24|90
BE|Belgium|Belgian|50.83|4
BF|Burkina Faso;Burkina|Burkinabe;Burkinabé|13|-2
BG|Bulgaria|Bulgarian|43|25
BH|Bahrain|Bahraini|26|50.55
BI|Burundi|Burundian|-3.5|30
BJ|Benin|Beninese|9.5|2.25
BN|Brunei;Brunei Darussalam|Bruneian|4.5|114.67
BO|Bolivia|Bolivian|-17|-65
BR|Brazil|Brazilian|-10|-55
BS|Bahamas;The Bahamas|Bahamian|24.25|-76
BT|Bhutan|Bhutanese|27.5|90.5
BW|Botswana|Motswana;Batswana;Botswanan|-22|24
BY|Belarus;Byelorussia|Belarusian;Belorussian|53|28
BZ|Belize|Belizean|17.25|-88.75
CA|Canada|Canadian|60.11|-113.64
CD|Democratic Republic of the Congo;DR Congo;DRC;D.R. Congo;Congo-Kinshasa;Zaire;Belgian Congo|Congolese|-2.5|23.5
CF|Central African Republic;CAR|Central African|7|21
CG|Republic of the Congo;Congo-Brazzaville;Congo|Congolese|-1|15
CH|Switzerland|Swiss|47|8
CI|Ivory Coast;Côte d'Ivoire;Cote d'Ivoire|Ivorian|8|-5
CL|Chile|Chilean|-30|-71
CM|Cameroon|Cameroonian|6|12
CN|China;People's Republic of China;PRC;Mainland China|Chinese|35|104
CO|Colombia|Colombian|4|-72
CR|Costa Rica|Costa Rican|10|-84
CU|Cuba|Cuban|21.5|-80
CV|Cape Verde;Cabo Verde|Cape Verdean|16|-24
CY|Cyprus|Cypriot|35|33
CZ|Czech Republic;Czechia;Czechoslovakia|Czech|49.75|15.5
DE|Germany;Federal Republic of Germany|German|51.5|10.5
DJ|Djibouti|Djiboutian|11.5|43
DK|Denmark|Danish;Dane|56|10
DM|Dominica|Dominican|15.42|-61.33
DO|Dominican Republic|Dominican|19|-70.67
DZ|Algeria|Algerian|28|3
EC|Ecuador|Ecuadorian;Ecuadorean|-2|-77.5
EE|Estonia|Estonian|59|26
EG|Egypt|Egyptian|27|30
EH|Western Sahara|Sahrawi;Sahrawian|24.5|-13
ER|Eritrea|Eritrean|15|39
ES|Spain|Spanish;Spaniard|40|-4
ET|Ethiopia|Ethiopian|8|38
FI|Finland|Finnish;Finn|64|26
FJ|Fiji|Fijian|-18|178
FM|Micronesia;Federated States of Micronesia|Micronesian|6.92|158.25
FR|France|French|46|2
GA|Gabon|Gabonese|-1|11.75
GB|United Kingdom;UK;U.K.;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland|British;Briton|54.76|-2.7
GD|Grenada|Grenadian|12.12|-61.67
GE|Georgia|Georgian|42|43.5
GH|Ghana|Ghanaian|8|-2
GL|Greenland|Greenlandic;Greenlander|72|-40
GM|Gambia;The Gambia|Gambian|13.47|-16.57
GN|Guinea|Guinean|11|-10
GQ|Equatorial Guinea|Equatoguinean;Equatorial Guinean|2|10
GR|Greece|Greek|39|22
GT|Guatemala|Guatemalan|15.5|-90.25
GU|Guam|Guamanian|13.47|144.78
GW|Guinea-Bissau|Bissau-Guinean|12|-15
GY|Guyana|Guyanese|5|-59
HK|Hong Kong|Hongkonger|22.25|114.17
HN|Honduras|Honduran|15|-86.5
HR|Croatia|Croatian;Croat|45.17|15.5
HT|Haiti|Haitian|19|-72.42
HU|Hungary|Hungarian|47|20
ID|Indonesia|Indonesian|-5|120
IE|Ireland;Republic of Ireland;Eire|Irish|53|-8
IL|Israel|Israeli|31.5|34.75
IN|India|Indian|22|79
IQ|Iraq|Iraqi|33|44
IR|Iran;Islamic Republic of Iran;Persia|Iranian;Persian|32|53
IS|Iceland|Icelandic;Icelander|65|-18
IT|Italy|Italian|42.83|12.83
JM|Jamaica|Jamaican|18.25|-77.5
JO|Jordan|Jordanian|31|36
JP|Japan|Japanese|35.9|139
KE|Kenya|Kenyan|1|38
KG|Kyrgyzstan;Kirghizia|Kyrgyz;Kyrgyzstani|41|75
KH|Cambodia;Kampuchea|Cambodian;Khmer|13|105
KI|Kiribati|I-Kiribati|1.42|173
KM|Comoros|Comoran;Comorian|-12.17|44.25
KN|Saint Kitts and Nevis;St Kitts and Nevis|Kittitian;Nevisian|17.33|-62.75
KP|North Korea;Democratic People's Republic of Korea;DPRK|North Korean|40|127
KR|South Korea;Republic of Korea;Korea|South Korean;Korean|37|127.5
KW|Kuwait|Kuwaiti|29.5|47.75
KZ|Kazakhstan|Kazakh;Kazakhstani|48|68
LA|Laos;Lao PDR|Laotian;Lao|18|105
LB|Lebanon|Lebanese|33.83|35.83
LC|Saint Lucia;St Lucia|Saint Lucian;St Lucian|13.88|-60.97
LI|Liechtenstein|Liechtensteiner|47.17|9.53
LK|Sri Lanka;Ceylon|Sri Lankan|7|81
LR|Liberia|Liberian|6.5|-9.5
LS|Lesotho|Basotho;Mosotho|-29.5|28.25
LT|Lithuania|Lithuanian|56|24
LU|Luxembourg|Luxembourgish;Luxembourger|49.75|6.17
LV|Latvia|Latvian|57|25
LY|Libya|Libyan|25|17
MA|Morocco|Moroccan|32|-5
MC|Monaco|Monegasque|43.73|7.42
MD|Moldova;Republic of Moldova|Moldovan|47|29
ME|Montenegro|Montenegrin|42.5|19.3
MG|Madagascar|Malagasy;Madagascan|-20|47
MH|Marshall Islands|Marshallese|9|168
MK|North Macedonia;Macedonia;FYROM|Macedonian|41.83|22
ML|Mali|Malian|17|-4
MM|Myanmar;Burma|Burmese;Myanmarese|22|97
MN|Mongolia|Mongolian|46|105
MO|Macau;Macao|Macanese|22.17|113.55
MR|Mauritania|Mauritanian|20|-12
MT|Malta|Maltese|35.92|14.43
MU|Mauritius|Mauritian|-20.3|57.58
MV|Maldives|Maldivian|3.2|73
MW|Malawi|Malawian|-13.5|34
MX|Mexico;United Mexican States|Mexican|23|-102
MY|Malaysia|Malaysian|2.5|112.5
MZ|Mozambique|Mozambican|-18.25|35
NA|Namibia|Namibian|-22|17
NE|Niger|Nigerien|16|8
NG|Nigeria|Nigerian|9|9
NI|Nicaragua|Nicaraguan|13|-85
NL|Netherlands;The Netherlands;Holland|Dutch;Netherlander|52.25|5.75
NO|Norway|Norwegian|62|10
NP|Nepal|Nepali;Nepalese|28|84
NR|Nauru|Nauruan|-0.53|166.92
NZ|New Zealand|New Zealander;Kiwi|-42|174
OM|Oman|Omani|21|57
PA|Panama|Panamanian|9|-80
PE|Peru|Peruvian|-10|-76
PG|Papua New Guinea;PNG|Papua New Guinean|-6|147
PH|Philippines;The Philippines|Filipino;Philippine|13|122
PK|Pakistan|Pakistani|30|70
PL|Poland|Polish;Pole|52|20
PR|Puerto Rico|Puerto Rican|18.25|-66.5
PS|Palestine;State of Palestine;Palestinian Territories;Occupied Palestinian Territories;Palestinian territory|Palestinian|32|35.25
PT|Portugal|Portuguese|39.5|-8
PW|Palau|Palauan|7.5|134.5
PY|Paraguay|Paraguayan|-23|-58
QA|Qatar|Qatari|25.5|51.25
RO|Romania|Romanian|46|25
RS|Serbia;Yugoslavia|Serbian;Serb|44|21
RU|Russia;Russian Federation;Soviet Union;USSR;U.S.S.R.|Russian;Soviet|60|100
RW|Rwanda|Rwandan|-2|30
SA|Saudi Arabia;Saudi;KSA|Saudi;Saudi Arabian|25|45
SB|Solomon Islands|Solomon Islander|-8|159
SC|Seychelles|Seychellois|-4.58|55.67
SD|Sudan|Sudanese|15|31
SE|Sweden|Swedish;Swede|62|15
SG|Singapore|Singaporean|1.37|103.8
SI|Slovenia|Slovenian;Slovene|46.12|14.82
SK|Slovakia|Slovak;Slovakian|48.67|19.5
SL|Sierra Leone|Sierra Leonean|8.5|-11.5
SM|San Marino|Sammarinese|43.93|12.45
SN|Senegal|Senegalese|14|-14
SO|Somalia|Somali|6|48
SR|Suriname|Surinamese|4|-56
SS|South Sudan|South Sudanese|7|30
ST|São Tomé and Príncipe;Sao Tome and Principe|Santomean|1|7
SV|El Salvador|Salvadoran;Salvadorean|13.83|-88.92
SY|Syria;Syrian Arab Republic|Syrian|35|38
SZ|Eswatini;Swaziland|Swazi|-26.5|31.5
TD|Chad|Chadian|15|19
TG|Togo|Togolese|8|1.17
TH|Thailand;Siam|Thai|15|100
TJ|Tajikistan|Tajik;Tajikistani|39|71
TL|East Timor;Timor-Leste|Timorese|-8.83|125.92
TM|Turkmenistan|Turkmen|40|60
TN|Tunisia|Tunisian|34|9
TO|Tonga|Tongan|-20|-175
TR|Turkey;Türkiye;Turkiye|Turkish;Turk|39|35
TT|Trinidad and Tobago;Trinidad|Trinidadian;Tobagonian|11|-61
TV|Tuvalu|Tuvaluan|-8|178
TW|Taiwan;Republic of China|Taiwanese|24|121
TZ|Tanzania|Tanzanian|-6|35
UA|Ukraine;the Ukraine|Ukrainian|49|32
UG|Uganda|Ugandan|2|33
US|United States;United States of America;USA;U.S.A.;US;U.S.;America;the States|American|39.76|-98.5
UY|Uruguay|Uruguayan|-33|-56
UZ|Uzbekistan|Uzbek;Uzbekistani|41|64
VA|Vatican City;Vatican;Holy See|Vatican|41.9|12.45
VC|Saint Vincent and the Grenadines;St Vincent and the Grenadines|Vincentian|13.25|-61.2
VE|Venezuela|Venezuelan|8|-66
VN|Vietnam;Viet Nam|Vietnamese|16.17|107.83
VU|Vanuatu|Ni-Vanuatu;Vanuatuan|-16|167
WS|Samoa|Samoan|-13.8|-172.18
XK|Kosovo|Kosovar;Kosovan|42.58|21
YE|Yemen|Yemeni|15.5|47.5
ZA|South Africa|South African|-29|24
ZM|Zambia|Zambian|-14.33|27.5
ZW|Zimbabwe|Zimbabwean|-19|29.75
AS|American Samoa|American Samoan|-14.33|-170
AW|Aruba|Aruban|12.5|-69.97
AI|Anguilla|Anguillan|18.22|-63.05
BM|Bermuda|Bermudian;Bermudan|32.33|-64.75
BQ|Bonaire;Caribbean Netherlands;Bonaire, Sint Eustatius and Saba|Bonairean|12.18|-68.25
CW|Curaçao;Curacao|Curaçaoan;Curacaoan|12.17|-69
SX|Sint Maarten|Sint Maartener|18.04|-63.07
KY|Cayman Islands;Caymans;the Cayman Islands|Caymanian|19.5|-80.67
VG|British Virgin Islands;BVI|British Virgin Islander|18.5|-64.5
VI|U.S. Virgin Islands;US Virgin Islands;United States Virgin Islands|Virgin Islander|18.34|-64.85
TC|Turks and Caicos Islands;Turks and Caicos|Turks and Caicos Islander|21.73|-71.58
FK|Falkland Islands;Falklands;the Falklands;Malvinas;Islas Malvinas|Falkland Islander|-51.75|-59.17
GI|Gibraltar|Gibraltarian|36.13|-5.35
GG|Guernsey|Guernseyman|49.58|-2.33
MP|Northern Mariana Islands;Northern Marianas|Northern Marianan|15.2|145.75
MS|Montserrat|Montserratian|16.75|-62.2
SH|Saint Helena;St Helena;St. Helena|Saint Helenian|-15.95|-5.7
CK|Cook Islands|Cook Islander|-21.23|-159.77
NU|Niue|Niuean|-19.05|-169.87
SJ|Svalbard;Svalbard and Jan Mayen|Svalbardian|78|16
AX|Åland;Aland;Åland Islands;Aland Islands|Ålander|60.25|20
PM|Saint Pierre and Miquelon|Saint-Pierrais|46.83|-56.33
WF|Wallis and Futuna|Wallisian|-13.3|-176.2
NF|Norfolk Island|Norfolk Islander|-29.03|167.95
BL|Saint Barthélemy;Saint Barthelemy;St Barts;St. Barts|Barthélemois|17.9|-62.83
MF|Saint Martin;Saint-Martin|Saint-Martinois|18.08|-63.05
`;

export interface CountryRecord {
  code: string;
  name: string;
  names: string[];
  demonyms: string[];
  lat: number;
  lon: number;
}

let parsed: CountryRecord[] | null = null;

export function countries(): readonly CountryRecord[] {
  if (parsed) return parsed;
  parsed = [];
  for (const line of ROWS.split('\n')) {
    if (!line.trim()) continue;
    const [code, names, demonyms, lat, lon] = line.split('|');
    const nameList = names.split(';');
    parsed.push({
      code,
      name: nameList[0],
      names: nameList,
      demonyms: demonyms ? demonyms.split(';') : [],
      lat: Number(lat),
      lon: Number(lon),
    });
  }
  return parsed;
}

let byCode: Map<string, CountryRecord> | null = null;

export function countryByCode(code: string): CountryRecord | undefined {
  if (!byCode) byCode = new Map(countries().map((c) => [c.code, c]));
  return byCode.get(code);
}
