import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../core/common/schemas';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const satisfies readonly Locale[];

export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const;

/** The browser's language before anyone signs in: Chinese for any zh-*, else English. */
export function browserLocale(): Locale {
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return languages[0]?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: browserLocale(),
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
