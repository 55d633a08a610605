import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from '../../core/common/schemas';

const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/** Date pickers build on dayjs: its global locale follows the user's (only the pages with pickers load dayjs). */
export function applyDayjsLocale(locale: Locale): void {
  if (dayjs.locale() !== DAYJS_LOCALES[locale]) dayjs.locale(DAYJS_LOCALES[locale]);
}
