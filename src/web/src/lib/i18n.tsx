import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { bn, en, type MessageKey } from '../i18n/messages';
import { formatDate, formatDateTime, formatMoney, formatNumber, type Language } from './format';

const STORAGE_KEY = 'careforall.language';
const dictionaries: Record<Language, Record<MessageKey, string>> = { en, bn };

export type Vars = Record<string, string | number>;

export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[language][key] ?? en[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export function storedLanguage(storage: Pick<Storage, 'getItem'> = window.localStorage): Language {
  const value = storage.getItem(STORAGE_KEY);
  return value === 'bn' || value === 'en' ? value : 'en';
}

interface I18nValue {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, vars?: Vars): string;
  money(amount: number | string, currency?: string, options?: { whole?: boolean }): string;
  number(value: number): string;
  dateTime(iso: string | null | undefined): string;
  date(iso: string | null | undefined): string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => storedLanguage());

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({
      language,
      setLanguage,
      t: (key, vars) => translate(language, key, vars),
      money: (amount, currency, options) => formatMoney(amount, currency, language, options),
      number: (n) => formatNumber(n, language),
      dateTime: (iso) => formatDateTime(iso, language),
      date: (iso) => formatDate(iso, language),
    }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider.');
  return value;
}
