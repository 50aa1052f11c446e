/**
 * Money: currency signs and words as ISO 4217 codes, and the multiplier suffixes of news style
 * ("$27bn", "€200m", "£3.5mn"). "m", "b" and "k" multiply only after a currency sign ("200m" alone may
 * be metres); "bn", "mn", "tn" and their spellings always do.
 */

export const CURRENCY_SIGNS: Record<string, string> = {
  $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₽': 'RUB', '₴': 'UAH', '₩': 'KRW', '₪': 'ILS',
  A$: 'AUD', AU$: 'AUD', C$: 'CAD', CA$: 'CAD', HK$: 'HKD', NZ$: 'NZD', S$: 'SGD', R$: 'BRL',
};

export const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', sterling: 'GBP', yen: 'JPY',
  yuan: 'CNY', renminbi: 'CNY', rupee: 'INR', rupees: 'INR', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB',
  hryvnia: 'UAH', hryvnias: 'UAH', shekel: 'ILS', shekels: 'ILS', won: 'KRW', naira: 'NGN', rand: 'ZAR',
  lira: 'TRY', riyal: 'SAR', riyals: 'SAR', dirham: 'AED', dirhams: 'AED', francs: 'CHF', pesos: 'MXN',
};

const ALWAYS: Record<string, number> = { bn: 1e9, bln: 1e9, mn: 1e6, mln: 1e6, tn: 1e12, trn: 1e12 };
const WITH_CURRENCY: Record<string, number> = { ...ALWAYS, k: 1e3, m: 1e6, b: 1e9 };

/** The multiplier a suffix glued to a number stands for, or undefined. */
export function suffixMultiplier(suffix: string, withCurrency: boolean): number | undefined {
  const s = suffix.toLowerCase();
  return withCurrency ? WITH_CURRENCY[s] : ALWAYS[s];
}

/** ISO code of a currency sign or word, or undefined. */
export function currencyCode(text: string): string | undefined {
  return CURRENCY_SIGNS[text] ?? CURRENCY_WORDS[text.toLowerCase()];
}
