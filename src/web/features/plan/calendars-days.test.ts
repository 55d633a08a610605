import { describe, expect, it } from 'vitest';
import { chinaMainlandCalendar, chinaMainlandDayNames, countWorkingDays } from '../../../core/calendar/calendar';
import {
  addHolidays,
  addMakeUpDay,
  type CalendarDraft,
  calendarYears,
  dayRanges,
  monthWeeks,
  removeDays,
  renameDays,
  sameDraft,
} from './calendars-days';

const china: CalendarDraft = { name: '中国大陆', ...chinaMainlandCalendar(), dayNames: chinaMainlandDayNames('zh') };
const plain: CalendarDraft = { name: 'Office', workingWeekdays: [1, 2, 3, 4, 5], holidays: [], workdays: [], dayNames: {} };

describe('calendar days for the editor', () => {
  it('groups the 2026 China holidays into the seven periods of the State Council notice', () => {
    const ranges = dayRanges(china.holidays, china.dayNames, 2026);
    expect(ranges.map((r) => [r.from, r.to, r.name])).toEqual([
      ['2026-01-01', '2026-01-03', '元旦'],
      ['2026-02-15', '2026-02-23', '春节'],
      ['2026-04-04', '2026-04-06', '清明节'],
      ['2026-05-01', '2026-05-05', '劳动节'],
      ['2026-06-19', '2026-06-21', '端午节'],
      ['2026-09-25', '2026-09-27', '中秋节'],
      ['2026-10-01', '2026-10-07', '国庆节'],
    ]);
    expect(dayRanges(china.workdays, china.dayNames, 2026).map((r) => [r.from, r.name])).toEqual([
      ['2026-01-04', '元旦'],
      ['2026-02-14', '春节'],
      ['2026-02-28', '春节'],
      ['2026-05-09', '劳动节'],
      ['2026-09-20', '国庆节'],
      ['2026-10-10', '国庆节'],
    ]);
  });

  it('splits a run where the name changes or a day is missing', () => {
    const draft = addHolidays(addHolidays(plain, '2027-03-01', '2027-03-02', 'Offsite'), '2027-03-03', '2027-03-03', 'Audit');
    const gap = addHolidays(draft, '2027-03-05', '2027-03-05', 'Audit');
    expect(dayRanges(gap.holidays, gap.dayNames, 2027).map((r) => [r.from, r.to, r.name])).toEqual([
      ['2027-03-01', '2027-03-02', 'Offsite'],
      ['2027-03-03', '2027-03-03', 'Audit'],
      ['2027-03-05', '2027-03-05', 'Audit'],
    ]);
  });

  it('adds a holiday over a make-up workday, and the reverse, keeping the lists apart', () => {
    const holiday = addHolidays(china, '2026-02-27', '2026-02-28', ' 公司年会 ');
    expect(holiday.workdays).not.toContain('2026-02-28');
    expect(holiday.holidays).toEqual(expect.arrayContaining(['2026-02-27', '2026-02-28']));
    expect([holiday.dayNames['2026-02-27'], holiday.dayNames['2026-02-28']]).toEqual(['公司年会', '公司年会']);
    // 2026 had 248 working days; 02-27 (a Friday) off and the make-up Saturday 02-28 gone: 246.
    expect(countWorkingDays(holiday, '2026-01-01', '2026-12-31')).toBe(246);
    const back = addMakeUpDay(holiday, '2026-02-28', '');
    expect(back.holidays).not.toContain('2026-02-28');
    expect(back.workdays).toContain('2026-02-28');
    expect(back.dayNames['2026-02-28']).toBeUndefined();
    expect(countWorkingDays(back, '2026-01-01', '2026-12-31')).toBe(247);
  });

  it('removes and renames days', () => {
    const added = addHolidays(plain, '2027-05-03', '2027-05-04', 'Bridge');
    const renamed = renameDays(added, ['2027-05-03', '2027-05-04'], 'Bridge days');
    expect(renamed.dayNames).toEqual({ '2027-05-03': 'Bridge days', '2027-05-04': 'Bridge days' });
    const removed = removeDays(renamed, ['2027-05-03']);
    expect(removed).toEqual({ ...plain, holidays: ['2027-05-04'], dayNames: { '2027-05-04': 'Bridge days' } });
    expect(sameDraft(removeDays(removed, ['2027-05-04']), plain)).toBe(true);
    expect(sameDraft({ ...plain, workingWeekdays: [5, 4, 3, 2, 1] }, plain)).toBe(true);
    expect(sameDraft(renamed, added)).toBe(false);
  });

  it('lays out months from Monday to Sunday', () => {
    // February 2026 starts on a Sunday: six blanks, then 28 days over 5 weeks.
    const feb = monthWeeks(2026, 2);
    expect(feb).toHaveLength(5);
    expect(feb[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(feb[4]).toEqual(['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', null]);
    // June 2026 starts on a Monday.
    expect(monthWeeks(2026, 6)[0][0]).toBe('2026-06-01');
    expect(monthWeeks(2024, 2).flat().filter(Boolean)).toHaveLength(29);
  });

  it('offers the years the calendar lists, this year and the next', () => {
    expect(calendarYears(china, 2026)).toEqual([2024, 2025, 2026, 2027]);
    expect(calendarYears(plain, 2026)).toEqual([2026, 2027]);
  });
});
