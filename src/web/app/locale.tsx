import { StyleProvider } from '@ant-design/cssinjs';
import { ConfigProvider, theme } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { createContext, type ReactNode, useContext, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { Locale } from '../../core/common/schemas';
import { useMe } from './auth';
import { MessageProvider } from './feedback';
import { createFormatter, type Formatter } from './format';
import { browserTimeZone, i18n, LOCALES, loadLocale, rememberLocale, startLocale } from './i18n';
import { keptStyleCache } from './kept-styles';

type LocaleState = {
  locale: Locale;
  timeZone: string;
  format: Formatter;
  /** Before sign-in: the language chosen on the public pages (after sign-in the user's profile decides). */
  setGuestLocale: (locale: Locale) => void;
};

const LocaleContext = createContext<LocaleState | null>(null);

const ANTD_LOCALES = { 'zh-CN': zhCN, en: enUS } as const;
/** Component styles outlive the screens that use them (see kept-styles.ts). */
const STYLE_CACHE = keptStyleCache();

const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";

const currentLanguage = (): Locale => LOCALES.find((locale) => locale === i18n.language) ?? startLocale();

/** The user asked the system for less motion (WCAG 2.3.3): antd's animations (dialogs zooming in, …) are off. */
const REDUCED_MOTION = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

/**
 * Switches i18next, antd's locale and the formatters together, from the signed-in user's profile (GET /me) or, before
 * sign-in, the language last used on this browser, else the browser's own. A language's words are downloaded first, then everything switches in one render.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const me = useMe().data;
  const [guestLocale, setGuestLocale] = useState<Locale>(startLocale);
  const wanted = me?.user.locale ?? guestLocale;
  const [locale, setLocale] = useState<Locale>(currentLanguage);
  const timeZone = me?.user.timeZone ?? browserTimeZone();

  // Words already loaded: switch before the next paint. Otherwise download them first, then switch.
  useLayoutEffect(() => {
    if (wanted === locale) return;
    if (i18n.hasResourceBundle(wanted, 'translation')) {
      void i18n.changeLanguage(wanted);
      setLocale(wanted);
      return;
    }
    let live = true;
    void loadLocale(wanted)
      .then(() => i18n.changeLanguage(wanted))
      .then(() => {
        if (live) setLocale(wanted);
      });
    return () => {
      live = false;
    };
  }, [wanted, locale]);

  const profileLocale = me?.user.locale;
  useEffect(() => {
    if (profileLocale) rememberLocale(profileLocale);
  }, [profileLocale]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo(() => ({ locale, timeZone, format: createFormatter(locale, timeZone), setGuestLocale }), [locale, timeZone]);
  return (
    <LocaleContext.Provider value={value}>
      <StyleProvider cache={STYLE_CACHE}>
        <ConfigProvider
          locale={ANTD_LOCALES[locale]}
          theme={{
            algorithm: theme.defaultAlgorithm,
            token: { colorPrimary: '#1668dc', fontFamily: FONT_FAMILY, borderRadius: 6, motion: !REDUCED_MOTION },
          }}
        >
          <MessageProvider>{children}</MessageProvider>
        </ConfigProvider>
      </StyleProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleState {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}

export const useFormat = (): Formatter => useLocale().format;
