import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Calendar } from '../../../core/calendar/schemas';
import { nameSeededChinaDays } from '../../db/migrations/2026-11-29T0100-calendar-day-names.js';
import { testDialects } from '../../test/databases.js';
import { type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';

/** The migration that added day names names the days of the mainland-China calendars seeded before it. */
describe.each(testDialects())('naming the days of calendars seeded before day names, on %s', (dialect) => {
  let t: TestApp;
  let zh: Session;
  let en: Session;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    zh = await signupOwner(t.app, { locale: 'zh-CN', workspaceName: '华东销售部' });
    en = await signupOwner(t.app, { locale: 'en', workspaceName: 'Harbour Trading' });
  });
  afterAll(() => t?.close());

  const calendars = async (session: Session) => (await session.request('GET', '/calendars')).json().items as Calendar[];

  it('names the listed days of each seeded China calendar in its language, and leaves other calendars alone', async () => {
    const [china] = await calendars(zh);
    // Before the migration: no names; and an admin had taken National Day's first day off the list.
    const edited = await zh.request('PATCH', `/calendars/${china.id}`, {
      name: china.name,
      workingWeekdays: china.workingWeekdays,
      holidays: china.holidays.filter((d) => d !== '2026-10-01'),
      workdays: china.workdays,
      version: china.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const custom = (
      await en.request('POST', '/calendars', { name: 'Office', workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2027-03-01'], workdays: [] })
    ).json() as Calendar;
    await t.database.db.updateTable('calendars').set({ day_names: '{}' }).execute();
    expect((await calendars(zh))[0].dayNames).toEqual({});

    await nameSeededChinaDays(t.database.db);

    const [zhChina, zhWeekdays] = await calendars(zh);
    expect([zhChina.dayNames['2026-10-02'], zhChina.dayNames['2026-02-14'], zhChina.dayNames['2025-01-28']]).toEqual([
      '国庆节',
      '春节',
      '春节',
    ]);
    expect(zhChina.dayNames['2026-10-01']).toBeUndefined();
    // 2024–2026: 89 holidays and 19 make-up days seeded, one holiday taken off.
    expect(Object.keys(zhChina.dayNames)).toHaveLength(88 + 19);
    expect(zhWeekdays.dayNames).toEqual({});
    const [enChina, , enCustom] = await calendars(en);
    expect(enChina.dayNames['2026-10-01']).toBe('National Day');
    expect(enCustom).toMatchObject({ id: custom.id, dayNames: {} });
  });
});
