import {
  chinaMainlandCalendar,
  chinaMainlandDayNames,
  mondayToFridayCalendar,
  type WorkingCalendar,
} from '../../../core/calendar/calendar';
import type { Locale } from '../../../core/common/schemas.js';
import { nowIso } from '../../clock.js';
import type { Trx } from '../../db/database.js';
import { newId } from '../../ids.js';

const NAMES = {
  china: { 'zh-CN': '中国大陆（含法定节假日与调休）', en: 'Mainland China (public holidays and make-up workdays)' },
  weekdays: { 'zh-CN': '周一至周五', en: 'Monday to Friday' },
} as const;

/** Every new workspace gets the mainland-China calendar and a plain Monday–Friday one. */
export async function seedCalendars(trx: Trx, workspaceId: string, locale: Locale): Promise<{ china: string; weekdays: string }> {
  const created_at = nowIso();
  const insert = async (kind: keyof typeof NAMES, cal: WorkingCalendar, dayNames: Record<string, string>) => {
    const id = newId();
    await trx
      .insertInto('calendars')
      .values({
        workspace_id: workspaceId,
        id,
        name: NAMES[kind][locale],
        kind,
        working_weekdays: JSON.stringify(cal.workingWeekdays),
        holidays: JSON.stringify(cal.holidays),
        workdays: JSON.stringify(cal.workdays),
        day_names: JSON.stringify(dayNames),
        created_at,
        version: 1,
      })
      .execute();
    return id;
  };
  const china = await insert('china', chinaMainlandCalendar(), chinaMainlandDayNames(locale === 'zh-CN' ? 'zh' : 'en'));
  return { china, weekdays: await insert('weekdays', mondayToFridayCalendar(), {}) };
}
