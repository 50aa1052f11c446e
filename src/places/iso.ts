/**
 * ISO 3166-1 alpha-3 and numeric codes and ACLED's region of every country in countries.ts, keyed by
 * alpha-2. Written by hand for this project (MIT): the codes are ISO's, the regions those ACLED's export
 * uses (checked against the 2020 sample under ../shared/data/acled-sample: Afghanistan in "Caucasus and
 * Central Asia", Angola in "Middle Africa", Malawi, Mozambique and Madagascar in "Eastern Africa",
 * Zimbabwe in "Southern Africa", Cyprus in "Europe"). Kosovo has no ISO code: XKX and 0, as ACLED writes.
 *   ISO2 ISO3 numeric region-key
 */
const REGIONS: Record<string, string> = {
  NAF: 'Northern Africa', WAF: 'Western Africa', MAF: 'Middle Africa', EAF: 'Eastern Africa', SAF: 'Southern Africa',
  ME: 'Middle East', CCA: 'Caucasus and Central Asia', SAS: 'Southern Asia', SEA: 'South-Eastern Asia', EAS: 'East Asia',
  EU: 'Europe', NAM: 'North America', CAM: 'Central America', CAR: 'Caribbean', SAM: 'South America', OC: 'Oceania',
};

const ROWS = `
AD AND 20 EU|AE ARE 784 ME|AF AFG 4 CCA|AG ATG 28 CAR|AL ALB 8 EU|AM ARM 51 CCA|AO AGO 24 MAF|AR ARG 32 SAM
AT AUT 40 EU|AU AUS 36 OC|AZ AZE 31 CCA|BA BIH 70 EU|BB BRB 52 CAR|BD BGD 50 SAS|BE BEL 56 EU|BF BFA 854 WAF
BG BGR 100 EU|BH BHR 48 ME|BI BDI 108 EAF|BJ BEN 204 WAF|BN BRN 96 SEA|BO BOL 68 SAM|BR BRA 76 SAM|BS BHS 44 CAR
BT BTN 64 SAS|BW BWA 72 SAF|BY BLR 112 EU|BZ BLZ 84 CAM|CA CAN 124 NAM|CD COD 180 MAF|CF CAF 140 MAF|CG COG 178 MAF
CH CHE 756 EU|CI CIV 384 WAF|CL CHL 152 SAM|CM CMR 120 MAF|CN CHN 156 EAS|CO COL 170 SAM|CR CRI 188 CAM|CU CUB 192 CAR
CV CPV 132 WAF|CY CYP 196 EU|CZ CZE 203 EU|DE DEU 276 EU|DJ DJI 262 EAF|DK DNK 208 EU|DM DMA 212 CAR|DO DOM 214 CAR
DZ DZA 12 NAF|EC ECU 218 SAM|EE EST 233 EU|EG EGY 818 NAF|EH ESH 732 NAF|ER ERI 232 EAF|ES ESP 724 EU|ET ETH 231 EAF
FI FIN 246 EU|FJ FJI 242 OC|FM FSM 583 OC|FR FRA 250 EU|GA GAB 266 MAF|GB GBR 826 EU|GD GRD 308 CAR|GE GEO 268 CCA
GH GHA 288 WAF|GL GRL 304 NAM|GM GMB 270 WAF|GN GIN 324 WAF|GQ GNQ 226 MAF|GR GRC 300 EU|GT GTM 320 CAM|GU GUM 316 OC
GW GNB 624 WAF|GY GUY 328 SAM|HK HKG 344 EAS|HN HND 340 CAM|HR HRV 191 EU|HT HTI 332 CAR|HU HUN 348 EU|ID IDN 360 SEA
IE IRL 372 EU|IL ISR 376 ME|IN IND 356 SAS|IQ IRQ 368 ME|IR IRN 364 ME|IS ISL 352 EU|IT ITA 380 EU|JM JAM 388 CAR
JO JOR 400 ME|JP JPN 392 EAS|KE KEN 404 EAF|KG KGZ 417 CCA|KH KHM 116 SEA|KI KIR 296 OC|KM COM 174 EAF|KN KNA 659 CAR
KP PRK 408 EAS|KR KOR 410 EAS|KW KWT 414 ME|KZ KAZ 398 CCA|LA LAO 418 SEA|LB LBN 422 ME|LC LCA 662 CAR|LI LIE 438 EU
LK LKA 144 SAS|LR LBR 430 WAF|LS LSO 426 SAF|LT LTU 440 EU|LU LUX 442 EU|LV LVA 428 EU|LY LBY 434 NAF|MA MAR 504 NAF
MC MCO 492 EU|MD MDA 498 EU|ME MNE 499 EU|MG MDG 450 EAF|MH MHL 584 OC|MK MKD 807 EU|ML MLI 466 WAF|MM MMR 104 SEA
MN MNG 496 EAS|MO MAC 446 EAS|MR MRT 478 WAF|MT MLT 470 EU|MU MUS 480 EAF|MV MDV 462 SAS|MW MWI 454 EAF|MX MEX 484 CAM
MY MYS 458 SEA|MZ MOZ 508 EAF|NA NAM 516 SAF|NE NER 562 WAF|NG NGA 566 WAF|NI NIC 558 CAM|NL NLD 528 EU|NO NOR 578 EU
NP NPL 524 SAS|NR NRU 520 OC|NZ NZL 554 OC|OM OMN 512 ME|PA PAN 591 CAM|PE PER 604 SAM|PG PNG 598 OC|PH PHL 608 SEA
PK PAK 586 SAS|PL POL 616 EU|PR PRI 630 CAR|PS PSE 275 ME|PT PRT 620 EU|PW PLW 585 OC|PY PRY 600 SAM|QA QAT 634 ME
RO ROU 642 EU|RS SRB 688 EU|RU RUS 643 EU|RW RWA 646 EAF|SA SAU 682 ME|SB SLB 90 OC|SC SYC 690 EAF|SD SDN 729 NAF
SE SWE 752 EU|SG SGP 702 SEA|SI SVN 705 EU|SK SVK 703 EU|SL SLE 694 WAF|SM SMR 674 EU|SN SEN 686 WAF|SO SOM 706 EAF
SR SUR 740 SAM|SS SSD 728 EAF|ST STP 678 MAF|SV SLV 222 CAM|SY SYR 760 ME|SZ SWZ 748 SAF|TD TCD 148 MAF|TG TGO 768 WAF
TH THA 764 SEA|TJ TJK 762 CCA|TL TLS 626 SEA|TM TKM 795 CCA|TN TUN 788 NAF|TO TON 776 OC|TR TUR 792 ME|TT TTO 780 CAR
TV TUV 798 OC|TW TWN 158 EAS|TZ TZA 834 EAF|UA UKR 804 EU|UG UGA 800 EAF|US USA 840 NAM|UY URY 858 SAM|UZ UZB 860 CCA
VA VAT 336 EU|VC VCT 670 CAR|VE VEN 862 SAM|VN VNM 704 SEA|VU VUT 548 OC|WS WSM 882 OC|XK XKX 0 EU|YE YEM 887 ME
ZA ZAF 710 SAF|ZM ZMB 894 SAF|ZW ZWE 716 SAF|AS ASM 16 OC|AW ABW 533 CAR|AI AIA 660 CAR|BM BMU 60 NAM|BQ BES 535 CAR
CW CUW 531 CAR|SX SXM 534 CAR|KY CYM 136 CAR|VG VGB 92 CAR|VI VIR 850 CAR|TC TCA 796 CAR|FK FLK 238 SAM|GI GIB 292 EU
GG GGY 831 EU|MP MNP 580 OC|MS MSR 500 CAR|SH SHN 654 WAF|CK COK 184 OC|NU NIU 570 OC|SJ SJM 744 EU|AX ALA 248 EU
PM SPM 666 NAM|WF WLF 876 OC|NF NFK 574 OC|BL BLM 652 CAR|MF MAF 663 CAR
`;

export interface IsoCodes {
  iso2: string;
  iso3: string;
  numeric: number;
  /** ACLED's region. */
  region: string;
}

let table: Map<string, IsoCodes> | null = null;
let byIso3: Map<string, IsoCodes> | null = null;

function load(): Map<string, IsoCodes> {
  if (table) return table;
  table = new Map();
  for (const cell of ROWS.split(/[|\n]/)) {
    const [iso2, iso3, numeric, region] = cell.trim().split(' ');
    if (!iso2) continue;
    table.set(iso2, { iso2, iso3, numeric: Number(numeric), region: REGIONS[region] });
  }
  return table;
}

/** Codes and ACLED region of a country by ISO 3166-1 alpha-2. */
export function isoCodes(iso2: string): IsoCodes | undefined {
  return load().get(iso2.toUpperCase());
}

/** The alpha-2 code of an alpha-3 code. */
export function iso2OfIso3(iso3: string): string | undefined {
  if (!byIso3) byIso3 = new Map([...load().values()].map((c) => [c.iso3, c]));
  return byIso3.get(iso3.toUpperCase())?.iso2;
}

export function allIsoCodes(): readonly IsoCodes[] {
  return [...load().values()];
}
