import { addCalendarDays, toEpochDay } from './civil-date';

/**
 * Mainland China public-holiday schedules (法定节假日 and 调休 make-up working days) as
 * published each year by the General Office of the State Council (国务院办公厅). A period is
 * the day-off range as the notice states it ("X月X日至X日放假调休，共N天", weekend days
 * inside it included); `workdays` are the weekend days it declares working ("上班").
 * All three years were cross-checked date by date against the data of the `chinese-days`
 * npm package (1.5.7); the tests also pin each year's working-day total (251, 248, 248). Only years whose notice has been published
 * are here; add a year when its notice comes out (usually in October/November before it).
 */
export type HolidayPeriod = {
  name: string;
  nameZh: string;
  /** First day off, inclusive. */
  from: string;
  /** Last day off, inclusive. */
  to: string;
  /** Make-up working days (调休上班) that belong to this holiday. */
  workdays: string[];
};

export type HolidaySchedule = {
  year: number;
  /** The notice this data was transcribed from. */
  source: string;
  periods: HolidayPeriod[];
  /** Every day off of `periods`, ascending. */
  holidays: string[];
  /** Every make-up working day of `periods`, ascending. */
  workdays: string[];
};

const expandRange = (from: string, to: string): string[] => {
  const days = toEpochDay(to) - toEpochDay(from);
  if (days < 0) throw new RangeError(`Holiday period ends before it starts: ${from}..${to}`);
  return Array.from({ length: days + 1 }, (_, i) => addCalendarDays(from, i));
};

const defineYear = (year: number, source: string, periods: HolidayPeriod[]): HolidaySchedule => ({
  year,
  source,
  periods,
  holidays: periods.flatMap((p) => expandRange(p.from, p.to)).sort(),
  workdays: periods.flatMap((p) => p.workdays).sort(),
});

/**
 * 2024. Source: 国务院办公厅关于2024年部分节假日安排的通知, 国办发明电〔2023〕7号,
 * issued 2023-10-25 (www.gov.cn).
 * 元旦 1/1 (1/1 is Monday; 12/30–12/31 were the 2023 weekend); 春节 2/10–2/17, 2/4 (Sun) and
 * 2/18 (Sun) working; 清明节 4/4–4/6, 4/7 (Sun) working; 劳动节 5/1–5/5, 4/28 (Sun) and
 * 5/11 (Sat) working; 端午节 6/10 (joined to the 6/8–6/9 weekend); 中秋节 9/15–9/17, 9/14 (Sat)
 * working; 国庆节 10/1–10/7, 9/29 (Sun) and 10/12 (Sat) working.
 */
export const CHINA_MAINLAND_HOLIDAYS_2024: HolidaySchedule = defineYear(
  2024,
  '国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, 2023-10-25)',
  [
    { name: "New Year's Day", nameZh: '元旦', from: '2024-01-01', to: '2024-01-01', workdays: [] },
    { name: 'Spring Festival', nameZh: '春节', from: '2024-02-10', to: '2024-02-17', workdays: ['2024-02-04', '2024-02-18'] },
    { name: 'Qingming Festival', nameZh: '清明节', from: '2024-04-04', to: '2024-04-06', workdays: ['2024-04-07'] },
    { name: 'Labour Day', nameZh: '劳动节', from: '2024-05-01', to: '2024-05-05', workdays: ['2024-04-28', '2024-05-11'] },
    { name: 'Dragon Boat Festival', nameZh: '端午节', from: '2024-06-10', to: '2024-06-10', workdays: [] },
    { name: 'Mid-Autumn Festival', nameZh: '中秋节', from: '2024-09-15', to: '2024-09-17', workdays: ['2024-09-14'] },
    { name: 'National Day', nameZh: '国庆节', from: '2024-10-01', to: '2024-10-07', workdays: ['2024-09-29', '2024-10-12'] },
  ],
);

/**
 * 2025. Source: 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号,
 * issued 2024-11-12 (www.gov.cn); the first year with 除夕 and 5/2 as statutory days.
 * 元旦 1/1; 春节 1/28–2/4, 1/26 (Sun) and 2/8 (Sat) working; 清明节 4/4–4/6; 劳动节
 * 5/1–5/5, 4/27 (Sun) working; 端午节 5/31–6/2; 国庆节、中秋节 10/1–10/8, 9/28 (Sun) and
 * 10/11 (Sat) working.
 */
export const CHINA_MAINLAND_HOLIDAYS_2025: HolidaySchedule = defineYear(
  2025,
  '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12)',
  [
    { name: "New Year's Day", nameZh: '元旦', from: '2025-01-01', to: '2025-01-01', workdays: [] },
    { name: 'Spring Festival', nameZh: '春节', from: '2025-01-28', to: '2025-02-04', workdays: ['2025-01-26', '2025-02-08'] },
    { name: 'Qingming Festival', nameZh: '清明节', from: '2025-04-04', to: '2025-04-06', workdays: [] },
    { name: 'Labour Day', nameZh: '劳动节', from: '2025-05-01', to: '2025-05-05', workdays: ['2025-04-27'] },
    { name: 'Dragon Boat Festival', nameZh: '端午节', from: '2025-05-31', to: '2025-06-02', workdays: [] },
    {
      name: 'National Day and Mid-Autumn Festival',
      nameZh: '国庆节、中秋节',
      from: '2025-10-01',
      to: '2025-10-08',
      workdays: ['2025-09-28', '2025-10-11'],
    },
  ],
);

/**
 * 2026. Source: 国务院办公厅关于2026年部分节假日安排的通知, issued 2025-11 (www.gov.cn).
 * 元旦 1/1–1/3, 1/4 (Sun) working; 春节 2/15–2/23, 2/14 (Sat) and 2/28 (Sat) working;
 * 清明节 4/4–4/6; 劳动节 5/1–5/5, 5/9 (Sat) working; 端午节 6/19–6/21; 中秋节 9/25–9/27;
 * 国庆节 10/1–10/7, 9/20 (Sun) and 10/10 (Sat) working.
 */
export const CHINA_MAINLAND_HOLIDAYS_2026: HolidaySchedule = defineYear(2026, '国务院办公厅关于2026年部分节假日安排的通知 (2025-11)', [
  { name: "New Year's Day", nameZh: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
  { name: 'Spring Festival', nameZh: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
  { name: 'Qingming Festival', nameZh: '清明节', from: '2026-04-04', to: '2026-04-06', workdays: [] },
  { name: 'Labour Day', nameZh: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
  { name: 'Dragon Boat Festival', nameZh: '端午节', from: '2026-06-19', to: '2026-06-21', workdays: [] },
  { name: 'Mid-Autumn Festival', nameZh: '中秋节', from: '2026-09-25', to: '2026-09-27', workdays: [] },
  { name: 'National Day', nameZh: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
]);

/** The published schedules by year. */
export const CHINA_MAINLAND_HOLIDAYS = {
  2024: CHINA_MAINLAND_HOLIDAYS_2024,
  2025: CHINA_MAINLAND_HOLIDAYS_2025,
  2026: CHINA_MAINLAND_HOLIDAYS_2026,
} as const satisfies Readonly<Record<number, HolidaySchedule>>;
