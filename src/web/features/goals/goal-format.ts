import type { Goal } from '../../../core/goals/schemas';
import { useFormat } from '../../app/locale';

type Unit = Pick<Goal, 'currency'>;

/** A goal's values in its unit: money in its currency, else a count (fractions only where the server computed some). */
export function useGoalFormat() {
  const format = useFormat();
  const value = (amount: number, unit: Unit): string =>
    unit.currency ? format.money(Math.round(amount), unit.currency) : format.number(amount, 1);
  return {
    value,
    /** A difference with its sign hidden: callers say "short" or "over" in words. */
    magnitude: (amount: number, unit: Unit): string => value(Math.abs(amount), unit),
    /** 0.4567 → "45.7" (whole numbers above 10 %, one decimal below). */
    percent: (ratio: number): string => format.number(ratio * 100, Math.abs(ratio) >= 0.1 ? 0 : 1),
    date: format.date,
    /** Whole numbers (pace): floored, so that 79.7 % never reads as the 80 % a rule passes at. */
    wholePercent: (ratio: number): string => format.number(Math.floor(ratio * 100 + 1e-9)),
  };
}

export type GoalFormat = ReturnType<typeof useGoalFormat>;

/** InputNumber's display with digit groups (1,500,000.00) and the parser back; digits are grouped before the point only. */
export const groupedNumber = {
  formatter: (value: number | string | undefined): string => {
    if (value === undefined || value === '') return '';
    const [whole, fraction] = String(value).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return fraction === undefined ? grouped : `${grouped}.${fraction}`;
  },
  // antd parses the digits itself; its type wants the number it will make of them (as in antd's own examples).
  parser: (text: string | undefined): number => (text ?? '').replace(/,/g, '') as unknown as number,
};
