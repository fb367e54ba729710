// Money and dates as a donor in Bangladesh reads them: taka with the ৳ sign, Bangla digits in Bangla, and every
// time in Asia/Dhaka whatever the device's own zone.

export type Language = 'en' | 'bn';

export const DHAKA = 'Asia/Dhaka';

const numberLocale: Record<Language, string> = { en: 'en-US', bn: 'bn-BD' };
const dateLocale: Record<Language, string> = { en: 'en-GB', bn: 'bn-BD' };

const amountFormats = new Map<string, Intl.NumberFormat>();

function amountFormat(language: Language, fractionDigits: number): Intl.NumberFormat {
  const key = `${language}:${fractionDigits}`;
  let format = amountFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(numberLocale[language], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    amountFormats.set(key, format);
  }
  return format;
}

/** "৳1,500.00" in English, "৳১,৫০০.০০" in Bangla; another currency keeps its code ("USD 12.00"). */
export function formatMoney(amount: number | string, currency = 'BDT', language: Language = 'en', options: { whole?: boolean } = {}): string {
  const value = typeof amount === 'string' ? Number(amount) : amount;
  if (!Number.isFinite(value)) return '';
  const digits = amountFormat(language, options.whole ? 0 : 2).format(Math.abs(value));
  const sign = value < 0 ? '-' : '';
  return currency.toUpperCase() === 'BDT' ? `${sign}৳${digits}` : `${sign}${currency.toUpperCase()} ${digits}`;
}

export function formatNumber(value: number, language: Language = 'en'): string {
  return amountFormat(language, 0).format(value);
}

export function formatPercent(value: number, language: Language = 'en'): string {
  const rounded = Math.max(0, Math.round(value));
  return `${formatNumber(rounded, language)}%`;
}

/** "25 Nov 2026, 14:05" in Dhaka time. */
export function formatDateTime(iso: string | Date | null | undefined, language: Language = 'en'): string {
  if (!iso) return '';
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(dateLocale[language], { timeZone: DHAKA, dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "25 Nov 2026" in Dhaka time. */
export function formatDate(iso: string | Date | null | undefined, language: Language = 'en'): string {
  if (!iso) return '';
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(dateLocale[language], { timeZone: DHAKA, dateStyle: 'medium' }).format(date);
}

/** Whole taka typed by a person ("1,500", "১৫০০", "1500.50") as a number, or null when it is not an amount. */
export function parseAmount(input: string): number | null {
  const western = input
    .trim()
    .replace(/[০-৯]/g, (d) => String(d.charCodeAt(0) - 0x09e6))
    .replace(/[,\s৳]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(western)) return null;
  const value = Number(western);
  return Number.isFinite(value) ? value : null;
}
