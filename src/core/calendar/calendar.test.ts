import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  buildWorkingDayIndex,
  CHINA_MAINLAND_HOLIDAYS,
  chinaMainlandCalendar,
  chinaMainlandDayNames,
  countWorkingDays,
  isWorkingDay,
  mondayToFridayCalendar,
  type WorkingCalendar,
} from './calendar';
import { addCalendarDays, fromEpochDay, isIsoDate, toEpochDay, weekdayOf } from './civil-date';
import { calendarSchema, createCalendarSchema, workingCalendarSchema } from './schemas';

const china = chinaMainlandCalendar();
const weekdays = mondayToFridayCalendar();

describe('civil dates', () => {
  it('knows the weekday of landmark dates', () => {
    expect(weekdayOf('1970-01-01')).toBe(4); // Thursday
    expect(weekdayOf('2000-02-29')).toBe(2); // Tuesday
    expect(weekdayOf('2025-10-01')).toBe(3); // Wednesday
    expect(weekdayOf('2025-09-28')).toBe(0); // Sunday
    expect(weekdayOf('2025-10-11')).toBe(6); // Saturday
  });

  it('refuses malformed and impossible dates', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-04-31', '2025-1-01', '20250101', '', '2025-00-10']) {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => toEpochDay(bad)).toThrow(RangeError);
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
  });

  it('agrees with Date.UTC both ways (years 1..9999)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const expected = iso.startsWith('+') || iso.startsWith('-') ? null : iso;
        if (expected === null) return;
        expect(fromEpochDay(day)).toBe(expected);
        expect(toEpochDay(expected)).toBe(day);
        expect(weekdayOf(expected)).toBe(new Date(day * 86_400_000).getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });

  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});

describe('isWorkingDay', () => {
  it('follows the 2025 National Day / Mid-Autumn schedule with its 调休 days', () => {
    expect(isWorkingDay(china, '2025-09-26')).toBe(true); // Friday
    expect(isWorkingDay(china, '2025-09-27')).toBe(false); // Saturday
    expect(isWorkingDay(china, '2025-09-28')).toBe(true); // Sunday, make-up day
    for (let d = 1; d <= 8; d += 1) expect(isWorkingDay(china, `2025-10-0${d}`)).toBe(false);
    expect(isWorkingDay(china, '2025-10-09')).toBe(true); // Thursday
    expect(isWorkingDay(china, '2025-10-11')).toBe(true); // Saturday, make-up day
    expect(isWorkingDay(china, '2025-10-12')).toBe(false); // Sunday
  });

  it('follows the 2025 Spring Festival and Labour Day schedules', () => {
    expect(isWorkingDay(china, '2025-01-26')).toBe(true); // Sunday, make-up day
    expect(isWorkingDay(china, '2025-01-27')).toBe(true); // Monday
    expect(isWorkingDay(china, '2025-01-28')).toBe(false); // 除夕
    expect(isWorkingDay(china, '2025-02-04')).toBe(false);
    expect(isWorkingDay(china, '2025-02-05')).toBe(true);
    expect(isWorkingDay(china, '2025-02-08')).toBe(true); // Saturday, make-up day
    expect(isWorkingDay(china, '2025-04-27')).toBe(true); // Sunday, make-up day
    expect(isWorkingDay(china, '2025-05-05')).toBe(false);
    expect(isWorkingDay(china, '2025-06-02')).toBe(false); // Dragon Boat Monday
  });

  it('treats weekends as non-working in a plain Monday–Friday calendar', () => {
    expect(isWorkingDay(weekdays, '2025-09-28')).toBe(false);
    expect(isWorkingDay(weekdays, '2025-10-01')).toBe(true);
  });

  it('lets a holiday win over a make-up day listed on the same date', () => {
    const cal: WorkingCalendar = { workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2025-03-08'], workdays: ['2025-03-08'] };
    expect(isWorkingDay(cal, '2025-03-08')).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('counts off Monday–Friday weeks, rolling a weekend date forward first', () => {
    expect(addWorkingDays(weekdays, '2025-03-07', 1)).toBe('2025-03-10'); // Fri + 1 → Mon
    expect(addWorkingDays(weekdays, '2025-03-07', 0)).toBe('2025-03-07');
    expect(addWorkingDays(weekdays, '2025-03-08', 0)).toBe('2025-03-10'); // Sat → Mon
    expect(addWorkingDays(weekdays, '2025-03-08', 1)).toBe('2025-03-11');
    expect(addWorkingDays(weekdays, '2025-03-08', -1)).toBe('2025-03-07'); // Sat − 1 → Fri
    expect(addWorkingDays(weekdays, '2025-03-10', -1)).toBe('2025-03-07');
    expect(addWorkingDays(weekdays, '2025-03-03', 10)).toBe('2025-03-17');
  });

  it('jumps the 2025 National Day holiday and uses both make-up days', () => {
    expect(addWorkingDays(china, '2025-09-26', 1)).toBe('2025-09-28'); // Fri → Sun (make-up)
    expect(addWorkingDays(china, '2025-09-26', 2)).toBe('2025-09-29');
    expect(addWorkingDays(china, '2025-09-30', 1)).toBe('2025-10-09'); // over Oct 1–8
    expect(addWorkingDays(china, '2025-09-30', 3)).toBe('2025-10-11'); // Sat (make-up)
    expect(addWorkingDays(china, '2025-09-30', 4)).toBe('2025-10-13');
    expect(addWorkingDays(china, '2025-10-09', -1)).toBe('2025-09-30');
    expect(addWorkingDays(china, '2025-10-03', 0)).toBe('2025-10-09'); // a holiday rolls forward
  });

  it('refuses a calendar with no working weekday', () => {
    const none: WorkingCalendar = { workingWeekdays: [], holidays: [], workdays: ['2025-01-04'] };
    expect(() => addWorkingDays(none, '2025-01-01', 1)).toThrow(RangeError);
  });
});

describe('countWorkingDays (both ends inclusive)', () => {
  it('counts single days and empty ranges', () => {
    expect(countWorkingDays(weekdays, '2025-03-03', '2025-03-03')).toBe(1);
    expect(countWorkingDays(weekdays, '2025-03-08', '2025-03-08')).toBe(0);
    expect(countWorkingDays(weekdays, '2025-03-04', '2025-03-03')).toBe(0);
    expect(countWorkingDays(weekdays, '2025-03-03', '2025-03-16')).toBe(10);
  });

  it('counts September and October 2025 in mainland China', () => {
    // September: 22 weekdays (1–5, 8–12, 15–19, 22–26, 29–30) + Sunday 28th (make-up) = 23.
    expect(countWorkingDays(china, '2025-09-01', '2025-09-30')).toBe(23);
    // October: 23 weekdays − 6 holiday weekdays (1, 2, 3, 6, 7, 8) + Saturday 11th (make-up) = 18.
    expect(countWorkingDays(china, '2025-10-01', '2025-10-31')).toBe(18);
  });

  it('counts whole years of the published schedules', () => {
    // 2024: 262 weekdays (leap year starting on Monday) − 19 holiday weekdays (1/1; 2/12–16;
    // 4/4–5; 5/1–3; 6/10; 9/16–17; 10/1–4, 10/7) + 8 make-up days = 251.
    expect(countWorkingDays(china, '2024-01-01', '2024-12-31')).toBe(251);
    // 2025: 261 weekdays − 18 holiday weekdays (1/1; 1/28–31, 2/3–4; 4/4; 5/1–2, 5/5; 6/2;
    // 10/1–3, 10/6–8) + 5 make-up days = 248.
    expect(countWorkingDays(china, '2025-01-01', '2025-12-31')).toBe(248);
    // 2026: 261 weekdays − 19 holiday weekdays (1/1–2; 2/16–20, 2/23; 4/6; 5/1, 5/4–5; 6/19;
    // 9/25; 10/1–2, 10/5–7) + 6 make-up days = 248.
    expect(countWorkingDays(china, '2026-01-01', '2026-12-31')).toBe(248);
  });

  it('agrees with a day-by-day count on random calendars', () => {
    fc.assert(
      fc.property(randomCalendar(), fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 400 }), (cal, a, len) => {
        const from = addCalendarDays('2024-06-01', a);
        const to = addCalendarDays(from, len);
        let expected = 0;
        for (let i = 0; i <= len; i += 1) if (isWorkingDay(cal, addCalendarDays(from, i))) expected += 1;
        expect(countWorkingDays(cal, from, to)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('buildWorkingDayIndex', () => {
  it('maps the 2025 National Day fortnight to indices', () => {
    // From Saturday 2025-09-27 (not working) over 20 calendar days (to 2025-10-16).
    const idx = buildWorkingDayIndex(china, '2025-09-27', 20);
    const expected = [
      '2025-09-28',
      '2025-09-29',
      '2025-09-30',
      '2025-10-09',
      '2025-10-10',
      '2025-10-11',
      '2025-10-13',
      '2025-10-14',
      '2025-10-15',
      '2025-10-16',
    ];
    expect(idx.count).toBe(10);
    expect(expected.map((_, i) => idx.dateOf(i))).toEqual(expected);
    expect(expected.map((d) => idx.indexOf(d))).toEqual(expected.map((_, i) => i));
    expect(idx.indexOf('2025-09-27')).toBe(0); // non-working → next working day's index
    expect(idx.indexOf('2025-10-01')).toBe(3); // holiday → 10-09
    expect(idx.indexOf('2025-10-08')).toBe(3);
    expect(idx.indexOf('2025-10-12')).toBe(6); // Sunday → Monday 10-13
  });

  it('maps a trailing non-working date to count and refuses dates outside the horizon', () => {
    const idx = buildWorkingDayIndex(weekdays, '2025-03-03', 7); // Mon 3 .. Sun 9
    expect(idx.count).toBe(5);
    expect(idx.indexOf('2025-03-08')).toBe(5);
    expect(() => idx.indexOf('2025-03-10')).toThrow(RangeError);
    expect(() => idx.indexOf('2025-03-02')).toThrow(RangeError);
    expect(() => idx.dateOf(5)).toThrow(RangeError);
    expect(() => idx.dateOf(-1)).toThrow(RangeError);
  });

  it('is consistent with isWorkingDay, addWorkingDays and countWorkingDays', () => {
    fc.assert(
      fc.property(randomCalendar(), fc.integer({ min: 0, max: 900 }), fc.integer({ min: 1, max: 120 }), (cal, a, horizon) => {
        const start = addCalendarDays('2024-01-01', a);
        const idx = buildWorkingDayIndex(cal, start, horizon);
        let seen = 0;
        for (let i = 0; i < horizon; i += 1) {
          const date = addCalendarDays(start, i);
          expect(idx.indexOf(date)).toBe(seen);
          // Number of working days strictly before `date` since the start.
          expect(countWorkingDays(cal, start, addCalendarDays(date, -1))).toBe(seen);
          if (isWorkingDay(cal, date)) {
            expect(idx.dateOf(seen)).toBe(date);
            seen += 1;
          }
        }
        expect(idx.count).toBe(seen);
        if (cal.workingWeekdays.length > 0) {
          for (let i = 0; i < idx.count; i += 1) expect(addWorkingDays(cal, start, i)).toBe(idx.dateOf(i));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('CHINA_MAINLAND_HOLIDAYS', () => {
  const years = Object.values(CHINA_MAINLAND_HOLIDAYS);

  it('covers 2024, 2025 and 2026', () => {
    expect(years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    for (const y of years) expect(y.source).toMatch(new RegExp(`${y.year}年部分节假日安排的通知`));
  });

  it('lists the expected number of days off per year', () => {
    // 2024: 1 + 8 + 3 + 5 + 1 + 3 + 7; 2025: 1 + 8 + 3 + 5 + 3 + 8; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7.
    expect(CHINA_MAINLAND_HOLIDAYS[2024].holidays).toHaveLength(28);
    expect(CHINA_MAINLAND_HOLIDAYS[2025].holidays).toHaveLength(28);
    expect(CHINA_MAINLAND_HOLIDAYS[2026].holidays).toHaveLength(33);
    expect(CHINA_MAINLAND_HOLIDAYS[2024].workdays).toHaveLength(8);
    expect(CHINA_MAINLAND_HOLIDAYS[2025].workdays).toHaveLength(5);
    expect(CHINA_MAINLAND_HOLIDAYS[2026].workdays).toHaveLength(6);
  });

  it('has make-up days only on weekends, sorted, unique and disjoint from the days off', () => {
    for (const y of years) {
      for (const d of y.workdays) expect([0, 6]).toContain(weekdayOf(d));
      for (const list of [y.holidays, y.workdays]) {
        expect([...list].sort()).toEqual(list);
        expect(new Set(list).size).toBe(list.length);
        for (const d of list) expect(d.startsWith(`${y.year}-`)).toBe(true);
      }
      expect(y.workdays.filter((d) => y.holidays.includes(d))).toEqual([]);
    }
  });

  it('spells out the 2025 notice exactly', () => {
    const y = CHINA_MAINLAND_HOLIDAYS[2025];
    expect(y.workdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(y.periods.map((p) => [p.from, p.to])).toEqual([
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ]);
  });

  it('names the holidays and make-up workdays of the published schedules', () => {
    const zh = chinaMainlandDayNames('zh', [2025]);
    // 2025: 元旦 1 day, 春节 8 + 2, 清明 3, 劳动节 5 + 1, 端午 3, 国庆中秋 8 + 2 = 33 named days.
    expect(Object.keys(zh)).toHaveLength(33);
    expect([zh['2025-01-28'], zh['2025-02-04'], zh['2025-01-26'], zh['2025-02-08']]).toEqual(['春节', '春节', '春节', '春节']);
    expect(zh['2025-10-08']).toBe('国庆节、中秋节');
    expect(zh['2025-02-05']).toBeUndefined();
    expect(chinaMainlandDayNames('en', [2026])['2026-02-14']).toBe('Spring Festival');
    const all = chinaMainlandDayNames('en');
    expect(Object.keys(all).sort()).toEqual([...china.holidays, ...china.workdays].sort());
    expect(calendarSchema.safeParse({ id: 'c', name: 'China', ...china, dayNames: all, version: 1 }).success).toBe(true);
  });

  it('builds calendars for chosen years only', () => {
    const only2025 = chinaMainlandCalendar([2025]);
    expect(isWorkingDay(only2025, '2025-10-01')).toBe(false);
    expect(isWorkingDay(only2025, '2024-10-01')).toBe(true);
    expect(workingCalendarSchema.safeParse(china).success).toBe(true);
  });
});

describe('calendar schemas', () => {
  const valid = { id: 'cal_1', name: '中国大陆', ...china, dayNames: { '2025-10-01': '国庆节', '2025-09-28': '国庆节' }, version: 3 };

  it('accepts a workspace calendar', () => {
    expect(calendarSchema.parse(valid)).toEqual(valid);
    expect(createCalendarSchema.parse({ name: 'Mon–Fri', ...weekdays })).toEqual({ name: 'Mon–Fri', ...weekdays, dayNames: {} });
  });

  it('names only listed days (holidays and make-up workdays), with a trimmed name of 1 to 60 characters', () => {
    expect(calendarSchema.safeParse({ ...valid, dayNames: { '2025-10-09': 'Thursday' } }).error?.issues[0]?.path).toEqual(['dayNames']);
    expect(calendarSchema.safeParse({ ...valid, dayNames: { '2025-10-01': '  ' } }).success).toBe(false);
    expect(calendarSchema.safeParse({ ...valid, dayNames: { '2025-10-01': 'x'.repeat(61) } }).success).toBe(false);
    expect(calendarSchema.safeParse({ ...valid, dayNames: { '2025-02-29': 'Leap' } }).success).toBe(false);
    expect(calendarSchema.parse({ ...valid, dayNames: { '2025-10-01': ' 国庆 ' } }).dayNames).toEqual({ '2025-10-01': '国庆' });
  });

  it('refuses malformed calendars', () => {
    const bad = [
      { ...valid, workingWeekdays: [] },
      { ...valid, workingWeekdays: [1, 1] },
      { ...valid, workingWeekdays: [7] },
      { ...valid, workingWeekdays: [1.5] },
      { ...valid, holidays: ['2025-02-29'] },
      { ...valid, holidays: ['2025-10-01', '2025-10-01'] },
      { ...valid, workdays: ['2025-10-01'] }, // also a holiday
      { ...valid, name: '  ' },
      { ...valid, version: -1 },
    ];
    for (const b of bad) expect(calendarSchema.safeParse(b).success).toBe(false);
  });
});

/** Random calendars: any weekday set (possibly empty), scattered holidays and make-up days. */
function randomCalendar(): fc.Arbitrary<WorkingCalendar> {
  const date = fc.integer({ min: 0, max: 1400 }).map((i) => addCalendarDays('2024-01-01', i));
  return fc.record({
    workingWeekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }),
    holidays: fc.uniqueArray(date, { maxLength: 40 }),
    workdays: fc.uniqueArray(date, { maxLength: 20 }),
  });
}
