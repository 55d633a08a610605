import { describe, expect, it } from 'vitest';
import { chinaMainlandCalendar, mondayToFridayCalendar } from '../../../core/calendar/calendar';
import { dayKind, mondayOf, parseHours, sumHours, weekDates } from './time-week';

describe('the time sheet week', () => {
  it('starts on Monday', () => {
    // 2026-10-01 is a Thursday; 2026-10-04 a Sunday; 2026-10-05 a Monday.
    expect(mondayOf('2026-10-01')).toBe('2026-09-28');
    expect(mondayOf('2026-10-04')).toBe('2026-09-28');
    expect(mondayOf('2026-10-05')).toBe('2026-10-05');
    // Across a year end: 2027-01-01 is a Friday.
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(weekDates('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });

  it('tells holidays, make-up workdays, working days and days off apart on the China calendar', () => {
    const china = chinaMainlandCalendar();
    // National Day 2026: 10-01..10-07 off; Sunday 09-20 and Saturday 10-10 are make-up workdays.
    expect(weekDates('2026-09-28').map((d) => dayKind(china, d))).toEqual([
      'working',
      'working',
      'working',
      'holiday',
      'holiday',
      'holiday',
      'holiday',
    ]);
    expect(dayKind(china, '2026-09-20')).toBe('makeUp');
    expect(dayKind(china, '2026-10-10')).toBe('makeUp');
    expect(dayKind(china, '2026-10-11')).toBe('off');
    expect(dayKind(mondayToFridayCalendar(), '2026-10-01')).toBe('working');
    // A workday listed on a normal weekday is just a working day.
    expect(dayKind({ workingWeekdays: [1, 2, 3, 4, 5], holidays: [], workdays: ['2026-10-12'] }, '2026-10-12')).toBe('working');
  });

  it('reads hours in quarter hours from 0 to 24', () => {
    expect(['', ' 3 ', '0', '0.25', '1,5', '7.75', '24', '.5', '2.'].map(parseHours)).toEqual([0, 3, 0, 0.25, 1.5, 7.75, 24, 0.5, 2]);
    expect(['24.25', '-1', '0.3', 'abc', '1e1', '3h', '1.2.3'].map(parseHours)).toEqual([null, null, null, null, null, null, null]);
  });

  it('adds hours without floating-point dust', () => {
    expect(sumHours([0.1, 0.2])).toBe(0.3);
    expect(sumHours([7.75, 0.25, 1.5])).toBe(9.5);
    expect(sumHours([])).toBe(0);
  });
});
