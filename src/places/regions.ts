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
||Europe;European;Europeans|48.69|9.14|area
||European Union;EU;E.U.|48.69|9.14|area
||Africa;African;Africans|7.19|21.09|area
||Asia;Asian|29.84|89.3|area
||North America|46.07|-100.55|area
||South America|-14.6|-57.66|area
||Latin America;Latin American;Latin Americans|-14.6|-57.66|area
||Central America;Central American;Central Americans|15|-86|area
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
||Southeast Asia;South-East Asia;South East Asia;Southeast Asian;South-East Asian;South East Asian|10|110|area
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
IE||County Cork;Cork County;Co. Cork|51.97|-8.74|region
IE||Kerry;County Kerry;Co. Kerry|52.17|-9.75|region
IE||Clare;County Clare;Co. Clare|52.87|-9|region
IE||County Limerick;Co. Limerick|52.5|-8.75|region
IE||County Galway;Co. Galway|53.33|-8.75|region
IE||Mayo;County Mayo;Co. Mayo|53.9|-9.3|region
IE||Donegal;County Donegal;Co. Donegal|54.92|-8|region
IE||Sligo;County Sligo;Co. Sligo|54.17|-8.6|region
IE||Kildare;County Kildare;Co. Kildare|53.17|-6.83|region
IE||Meath;County Meath;Co. Meath|53.6|-6.65|region
IE||Wicklow;County Wicklow;Co. Wicklow|53|-6.4|region
IE||Wexford;County Wexford;Co. Wexford|52.5|-6.58|region
IE||County Waterford;Co. Waterford|52.17|-7.58|region
IE||Tipperary;County Tipperary;Co. Tipperary|52.67|-7.83|region
IE||County Kilkenny;Co. Kilkenny|52.58|-7.25|region
IE||Laois;County Laois;Co. Laois|52.99|-7.39|region
IE||Offaly;County Offaly;Co. Offaly|53.25|-7.6|region
IE||Westmeath;County Westmeath;Co. Westmeath|53.5|-7.5|region
IE||Longford;County Longford;Co. Longford|53.73|-7.75|region
IE||Roscommon;County Roscommon;Co. Roscommon|53.75|-8.25|region
IE||Leitrim;County Leitrim;Co. Leitrim|54.08|-8|region
IE||Cavan;County Cavan;Co. Cavan|54|-7.25|region
IE||Monaghan;County Monaghan;Co. Monaghan|54.17|-6.92|region
IE||Louth;County Louth;Co. Louth|53.92|-6.5|region
IE||Carlow;County Carlow;Co. Carlow|52.72|-6.83|region
IE||County Dublin;Co. Dublin|53.35|-6.26|region
GB||Dorset|50.75|-2.33|region
GB||Somerset|51.1|-2.9|region
GB||Gloucestershire|51.83|-2.17|region
GB||Wiltshire|51.33|-1.92|region
GB||Berkshire|51.42|-1.08|region
GB||Buckinghamshire|51.75|-0.83|region
GB||Hertfordshire|51.83|-0.25|region
GB||Bedfordshire|52.08|-0.42|region
GB||Northamptonshire|52.25|-0.83|region
GB||Derbyshire|53.08|-1.58|region
GB||Nottinghamshire|53.17|-1|region
GB||Leicestershire|52.67|-1.08|region
GB||Lincolnshire|53.08|-0.25|region
GB||Staffordshire|52.83|-2|region
GB||Warwickshire|52.33|-1.58|region
GB||Worcestershire|52.17|-2.17|region
GB||Herefordshire|52.08|-2.75|region
GB||Shropshire|52.67|-2.75|region
GB||Cheshire|53.17|-2.5|region
GB||Northumberland|55.25|-2|region
GB||County Durham|54.67|-1.75|region
GB||Tyne and Wear|54.95|-1.6|region
GB||North Yorkshire|54.17|-1.42|region
GB||West Yorkshire|53.75|-1.67|region
GB||South Yorkshire|53.5|-1.33|region
GB||East Yorkshire;East Riding of Yorkshire|53.92|-0.5|region
GB||Isle of Wight|50.67|-1.3|region
GB||Isle of Man|54.23|-4.55|region
GB||Highlands;Scottish Highlands|57.5|-5|region
GB||Aberdeenshire|57.17|-2.67|region
GB||Lothian|55.9|-3.2|region
GB||Anglesey|53.28|-4.33|region
GB||Cotswolds|51.83|-1.83|area
GB||Lake District|54.5|-3.1|area
ID||Aceh|4.5|96.5|region
ID||North Sumatra|2.5|99|region
ID||West Sumatra|-0.75|100.5|region
ID||Riau|0.5|101.75|region
ID||West Java|-7|107.5|region
ID||Central Java|-7.25|110|region
ID||East Java|-7.75|112.5|region
ID||Banten|-6.5|106.1|region
ID||Papua;West Papua|-4|138.5|region
ID||Sulawesi;Celebes|-2|121|region
ID||South Sulawesi|-3.75|120|region
ID||Central Sulawesi|-1.5|121.5|region
ID||North Sulawesi|1|124.5|region
ID||Kalimantan|0|114|region
ID||East Kalimantan|0.5|116.5|region
ID||West Kalimantan|0|110.5|region
ID||Central Kalimantan|-1.5|113.5|region
ID||Lombok|-8.6|116.3|region
ID||West Nusa Tenggara|-8.6|117.4|region
ID||East Nusa Tenggara|-9.5|121|region
ID||Maluku;Moluccas|-3.25|130|region
ID||Sumba|-9.7|120|region
ID||Flores|-8.6|121.1|region
ID||Timor|-9.5|124.5|region
PH||Pangasinan|15.92|120.33|region
PH||Nueva Ecija|15.58|121|region
PH||Bulacan|14.92|121|region
PH||Pampanga|15.08|120.67|region
PH||Tarlac|15.5|120.5|region
PH||Cavite|14.25|120.87|region
PH||Laguna|14.17|121.33|region
PH||Batangas|13.83|121|region
PH||Rizal|14.58|121.25|region
PH||Quezon Province|14|122|region
PH||Bicol;Bicol Region|13.42|123.42|region
PH||Albay|13.17|123.5|region
PH||Leyte|10.83|124.83|region
PH||Samar|11.83|125|region
PH||Eastern Visayas|11.5|125|region
PH||Central Visayas|10|123.75|region
PH||Western Visayas|11|122.5|region
PH||Visayas|11|123.5|region
PH||Palawan|9.5|118.5|region
PH||Sulu|6|121|region
PH||Basilan|6.5|122|region
PH||Maguindanao|7|124.5|region
PH||Lanao del Sur|7.83|124.33|region
PH||Cotabato;North Cotabato|7.17|124.83|region
PH||Ilocos;Ilocos Region|17|120.5|region
PH||Cagayan Valley|17|121.75|region
PH||Central Luzon|15.5|120.75|region
PH||Metro Manila|14.58|121|region
KE||Nyanza;Nyanza Province|-0.5|34.5|region
KE||Rift Valley;Rift Valley Province|0.5|36|region
KE||Coast Province|-3|39.5|region
KE||Western Province|0.5|34.6|region
KE||North Eastern Province|1.5|40|region
KE||Turkana|3.5|35.5|region
KE||Kisii|-0.68|34.77|region
KE||Kakamega County|0.28|34.75|region
ZW||Mashonaland East|-18.25|31.75|region
ZW||Mashonaland West|-17.5|29.75|region
ZW||Mashonaland Central|-16.75|31.25|region
ZW||Mashonaland|-17.5|31|region
ZW||Matabeleland North|-18.5|27.5|region
ZW||Matabeleland South|-21|29.5|region
ZW||Matabeleland|-20|28|region
ZW||Manicaland|-19|32.5|region
ZW||Midlands Province;Midlands|-19|29.75|region
PK||Punjab Province|30.5|72.5|region
PK||Swat;Swat Valley|35.2|72.45|region
PK||Gilgit-Baltistan;Gilgit Baltistan|35.75|75|region
PK||FATA;Federally Administered Tribal Areas;tribal areas|33|70.5|region
PK||Azad Kashmir;Pakistan-administered Kashmir|34|73.75|region
IN||Haryana|29.25|76.25|region
IN||Himachal Pradesh|31.92|77.25|region
IN||Uttarakhand;Uttaranchal|30.17|79.17|region
IN||Jharkhand|23.5|85.5|region
IN||Chhattisgarh|21.5|82|region
IN||Goa|15.33|74.08|region
IN||Sikkim|27.58|88.5|region
IN||Meghalaya|25.5|91.33|region
IN||Nagaland|26|94.5|region
IN||Mizoram|23.25|92.83|region
IN||Tripura|23.75|91.75|region
IN||Arunachal Pradesh|28|94.5|region
IN||Ladakh|34.5|77|region
FR||Île-de-France;Ile-de-France|48.5|2.5|region
FR||Provence;Provence-Alpes-Côte d'Azur;PACA|43.93|6.07|region
FR||Côte d'Azur;French Riviera;Riviera|43.6|7.1|area
FR||Alsace|48.5|7.5|region
FR||Burgundy;Bourgogne|47|4.5|region
FR||Aquitaine;Nouvelle-Aquitaine|44.5|0|region
FR||Occitanie;Occitania|43.7|2.2|region
FR||Auvergne-Rhône-Alpes;Auvergne|45.5|4.5|region
FR||Hauts-de-France|50|2.75|region
FR||Grand Est|48.7|5.5|region
FR||Pays de la Loire|47.5|-0.75|region
FR||Loire Valley|47.4|0.7|area
FR||Dordogne|45.1|0.75|region
FR||Somme|49.92|2.33|region
FR||Champagne|49|4|region
FR||Lorraine|48.8|6.2|region
FR||Picardy;Picardie|49.7|2.8|region
FR||French Guiana;Guyane|4|-53|region
FR||Guadeloupe|16.25|-61.58|region
FR||Martinique|14.67|-61|region
FR||Réunion;Reunion|-21.1|55.5|region
FR||Mayotte|-12.83|45.13|region
FR||New Caledonia|-21.5|165.5|region
FR||French Polynesia;Tahiti|-17.65|-149.45|region
BR||Minas Gerais|-18.5|-44.5|region
BR||Bahia|-12.5|-41.5|region
BR||Amazonas|-4|-63|region
BR||Pará|-4|-53|region
BR||Paraná|-24.5|-51.5|region
BR||Rio Grande do Sul|-30|-53.5|region
BR||Santa Catarina|-27.25|-50.33|region
BR||Pernambuco|-8.33|-37.83|region
BR||Ceará|-5.25|-39.5|region
BR||Mato Grosso|-13|-56|region
BR||Amazon;Amazon rainforest;Amazonia|-3.5|-62|area
NG||Borno;Borno State|11.5|13|region
NG||Kaduna State|10.33|7.75|region
NG||Plateau State|9.17|9.75|region
NG||Rivers State|4.75|6.83|region
NG||Delta State|5.5|6|region
NG||Benue;Benue State|7.33|8.75|region
NG||Zamfara|12.17|6.25|region
NG||Katsina State|12.25|7.5|region
NG||Yobe|12|11.5|region
NG||Adamawa|9.33|12.5|region
NG||Niger Delta|5|6|area
AF||Helmand;Helmand Province|31|64|region
AF||Kunar|34.83|71.08|region
AF||Nangarhar|34.25|70.5|region
AF||Paktika|32.5|68.75|region
AF||Khost Province|33.33|69.92|region
AF||Badakhshan|36.75|72|region
AF||Uruzgan;Oruzgan|32.9|66.6|region
AF||Zabul|32.1|67.2|region
AF||Panjshir|35.33|69.67|region
SY||Raqqa Province|35.75|38.75|region
SY||Deir ez-Zor Province|35|40.5|region
SY||Idlib Province|35.75|36.5|region
SY||Daraa Province|32.75|36.25|region
IQ||Nineveh;Ninawa|36.33|42.5|region
IQ||Diyala|33.75|45|region
IQ||Salahuddin;Salah al-Din;Saladin|34.5|43.5|region
YE||Hadramawt;Hadramout;Hadhramaut|16|49|region
YE||Marib;Ma'rib|15.5|45.5|region
YE||Hodeidah;Hudaydah|14.8|43|region
YE||Saada;Sa'dah|16.9|43.8|region
ET||Tigray|14|39|region
ET||Amhara|11.5|38|region
ET||Oromia|7.5|39.5|region
ET||Afar|12|41|region
ET||Ogaden|7|44|region
SD||Kordofan;South Kordofan;North Kordofan|12|30|region
SD||Blue Nile|11.5|34|region
CD||North Kivu|-0.5|29|region
CD||South Kivu|-3|28.25|region
CD||Kivu|-1.5|28.75|region
CD||Ituri|1.5|29.5|region
CD||Katanga|-8.5|26.5|region
CD||Kasai;Kasai-Occidental;Western Kasai;Kasai-Oriental|-5|22|region
CD||Equateur;Équateur|0|21|region
CG||Cuvette-Ouest|0.25|14.5|region
MZ||Cabo Delgado|-12.33|39.33|region
SO||Puntland|8.5|49|region
SO||Somaliland|9.5|45.5|region
ML||Timbuktu Region|19.5|-2|region
NE||Agadez Region|18|10|region
LY||Cyrenaica|31|22|region
LY||Tripolitania|31.5|13.5|region
LY||Fezzan|26|14|region
MA||Western Sahara|24.5|-13|region
||Sahara;Sahara Desert|23|13|area
RU||Tatarstan|55.5|50.5|region
RU||Bashkortostan;Bashkiria|54.5|56.5|region
RU||Kamchatka|56|159|region
RU||Yakutia;Sakha|66|129|region
RU||Primorye;Primorsky Krai|45|134.5|region
RU||Chukotka|66|171|region
RU||Ingushetia|43.2|45|region
RU||Kabardino-Balkaria|43.5|43.4|region
RU||North Ossetia|43|44.25|region
RU||Krasnodar Krai;Kuban|45.25|39.25|region
RU||Urals;Ural Mountains|60|60|area
JP||Hokkaido|43.5|142.75|region
JP||Okinawa|26.5|128|region
JP||Kyushu|32.75|130.75|region
JP||Honshu|36|138|region
JP||Shikoku|33.75|133.5|region
ES||Aragon;Aragón|41.5|-0.75|region
ES||Castile and León;Castilla y León|41.75|-4.75|region
ES||Castile-La Mancha;Castilla-La Mancha|39.5|-3|region
ES||Navarre;Navarra|42.75|-1.67|region
ES||Asturias|43.33|-6|region
ES||Balearic Islands;Balearics|39.5|3|region
ES||Extremadura|39.17|-6.17|region
PT||Madeira|32.75|-17|region
PT||Algarve|37.17|-8.17|region
IT||Lazio|41.9|12.75|region
IT||Emilia-Romagna|44.5|11|region
IT||Liguria|44.25|8.75|region
IT||Apulia;Puglia|41|16.5|region
IT||Abruzzo|42.25|13.75|region
IT||Umbria|43|12.5|region
IT||Marche|43.33|13.17|region
IT||Friuli|46.1|13.1|region
IT||South Tyrol;Alto Adige|46.67|11.33|region
DE||Brandenburg|52.33|13.5|region
DE||Saxony-Anhalt|52|11.75|region
DE||Mecklenburg-Vorpommern;Mecklenburg|53.75|12.5|region
DE||Rhineland-Palatinate|49.83|7.33|region
DE||Saarland|49.4|6.9|region
DE||Ruhr;Ruhr Valley|51.45|7.25|area
DE||Black Forest|48|8.2|area
GR||Crete|35.25|24.75|region
GR||Peloponnese|37.5|22.25|region
GR||Macedonia region|40.67|22.83|region
GR||Attica|38|23.75|region
GR||Lesbos;Lesvos|39.2|26.3|region
TR||Anatolia|39|35|area
TR||Kurdistan region of Turkey;southeastern Turkey|37.5|40.5|area
CN||Manchuria|45|126|area
MM||Rakhine;Rakhine State;Arakan|19.5|94|region
MM||Shan State|21.5|98|region
MM||Kachin;Kachin State|26|97.5|region
TH||Isan|15.5|103.5|region
VN||Mekong Delta|10|105.75|area
KH||Pailin Province|12.85|102.6|region
VN||Binh Phuoc|11.75|106.75|region
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
