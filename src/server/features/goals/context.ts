import { countWorkingDays, type WorkingCalendar } from '../../../core/calendar/calendar';
import type { ExchangeRates } from '../../../core/forecast/exchange-rates';
import type { WorkingDaysBetween } from '../../../core/forecast/forecast';
import { todayIn } from '../../clock.js';
import type { Db, ProjectTable, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { userTimeZone } from '../deals/queries.js';
import { loadExchangeRates } from '../exchange-rates/queries.js';
import { calendarOf } from '../schedule/plan.js';

/** What every goal computation of one request shares: the caller's today, the project's calendar, the rates. */
export type GoalContext = {
  workspaceId: string;
  project: ProjectTable;
  today: string;
  timeZone: string;
  calendar: WorkingCalendar;
  rates: ExchangeRates;
  /** Working days from `from` through `to` on the project's calendar (the scheduler's function). */
  workingDaysBetween: WorkingDaysBetween;
};

export async function loadGoalContext(db: Db | Trx, auth: Auth, project: ProjectTable): Promise<GoalContext> {
  const [timeZone, calendar, rates] = await Promise.all([
    userTimeZone(db, auth.userId),
    calendarOf(db, auth.workspaceId, project.calendar_id),
    loadExchangeRates(db, auth.workspaceId),
  ]);
  return {
    workspaceId: auth.workspaceId,
    project,
    today: todayIn(timeZone),
    timeZone,
    calendar,
    rates,
    workingDaysBetween: (from, to) => countWorkingDays(calendar, from, to),
  };
}
