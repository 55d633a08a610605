import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useContext, useLayoutEffect, useMemo, useState } from 'react';
import type { Locale } from '../../core/common/schemas';
import { useMe } from './auth';
import { setFeedback } from './feedback';
import { createFormatter, type Formatter } from './format';
import { browserLocale, browserTimeZone, i18n } from './i18n';

type LocaleState = {
  locale: Locale;
  timeZone: string;
  format: Formatter;
  /** Before sign-in: the language chosen on the public pages (after sign-in the user's profile decides). */
  setGuestLocale: (locale: Locale) => void;
};

const LocaleContext = createContext<LocaleState | null>(null);

const ANTD_LOCALES = { 'zh-CN': zhCN, en: enUS } as const;
const DAYJS_LOCALES = { 'zh-CN': 'zh-cn', en: 'en' } as const;

const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";

/** Switches i18next, antd's locale and dayjs together, from the signed-in user's profile or the browser. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const me = useMe().data;
  const [guestLocale, setGuestLocale] = useState<Locale>(browserLocale);
  const locale = me?.user.locale ?? guestLocale;
  const timeZone = me?.user.timeZone ?? browserTimeZone();

  // Applied synchronously before the first paint of the new language.
  if (dayjs.locale() !== DAYJS_LOCALES[locale]) dayjs.locale(DAYJS_LOCALES[locale]);
  useLayoutEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo(() => ({ locale, timeZone, format: createFormatter(locale, timeZone), setGuestLocale }), [locale, timeZone]);
  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider
        locale={ANTD_LOCALES[locale]}
        theme={{ algorithm: theme.defaultAlgorithm, token: { colorPrimary: '#1668dc', fontFamily: FONT_FAMILY, borderRadius: 6 } }}
      >
        <AntApp>
          <FeedbackBridge />
          {children}
        </AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

function FeedbackBridge() {
  setFeedback(AntApp.useApp());
  return null;
}

export function useLocale(): LocaleState {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}

export const useFormat = (): Formatter => useLocale().format;
