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
  };
}

export type GoalFormat = ReturnType<typeof useGoalFormat>;
