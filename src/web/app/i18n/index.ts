import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../core/common/schemas';
import type { Translation } from './en';

export const LOCALES = ['zh-CN', 'en'] as const satisfies readonly Locale[];

/** Each language is its own chunk: a page downloads only the words it shows. */
const LOADERS: Record<Locale, () => Promise<Translation>> = {
  en: () => import('./en').then((module) => module.en),
  'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
};

/** The browser's language before anyone signs in: Chinese for any zh-*, else English. */
export function browserLocale(): Locale {
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return languages[0]?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export const i18n = i18next.createInstance();

/** Downloads a language's words once. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  i18n.addResourceBundle(locale, 'translation', await LOADERS[locale]());
}

const LAST_LOCALE_KEY = 'qd_locale';

/** Remembers the signed-in user's language, so the next visit loads its words before the profile arrives. */
export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(LAST_LOCALE_KEY, locale);
  } catch {
    // storage may be disabled; the words then load after the profile
  }
}

function rememberedLocale(): Locale | null {
  try {
    return LOCALES.find((locale) => locale === localStorage.getItem(LAST_LOCALE_KEY)) ?? null;
  } catch {
    return null;
  }
}

/**
 * The language to start in: the last signed-in user's on this browser (their profile will most likely say the
 * same, and the sign-in page speaks it too), else the browser's.
 */
export function startLocale(): Locale {
  return rememberedLocale() ?? browserLocale();
}

/**
 * Starts i18next in `startLocale()` with its words loaded: one language's words, not two, before the first page
 * (the other one downloads only if the profile asks for it).
 */
export async function initI18n(): Promise<void> {
  const locale = startLocale();
  await i18n.use(initReactI18next).init({
    resources: {},
    lng: locale,
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  await loadLocale(locale);
}
