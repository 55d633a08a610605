import { describe, expect, it } from 'vitest';
import { chinaMainlandCalendar, mondayToFridayCalendar } from '../calendar/calendar';
import { computeVariance, type DatedTask } from './variance';

// Mainland China 2026 around the Spring Festival (春节): 02-15 (Sun) .. 02-23 (Mon) off; Saturdays
// 02-14 and 02-28 are make-up working days (调休). Working-day indices counted from Mon 2026-02-09:
//   0 Mon 02-09 | 1 Tue 02-10 | 2 Wed 02-11 | 3 Thu 02-12 | 4 Fri 02-13 | 5 Sat 02-14 (make-up)
//   — 02-15 .. 02-23 holiday —
//   6 Tue 02-24 | 7 Wed 02-25 | 8 Thu 02-26 | 9 Fri 02-27 | 10 Sat 02-28 (make-up) | 11 Mon 03-02
const china = chinaMainlandCalendar([2026]);

const task = (taskId: string, startDate: string, finishDate: string, duration: number, isSummary = false): DatedTask => ({
  taskId,
  title: `Task ${taskId}`,
  isSummary,
  startDate,
  finishDate,
  duration,
});

describe('computeVariance', () => {
  const baseline = {
    projectStart: '2026-02-09',
    projectFinish: '2026-02-24',
    tasks: [
      task('A', '2026-02-12', '2026-02-13', 2),
      task('B', '2026-02-24', '2026-02-24', 1),
      task('D', '2026-02-09', '2026-02-10', 2),
      task('M', '2026-02-13', '2026-02-13', 0),
    ],
  };
  const current = {
    projectStart: '2026-02-09',
    projectFinish: '2026-03-02',
    tasks: [
      // A slips across the holiday: starts on the make-up Saturday, finishes after the break, one day longer.
      task('A', '2026-02-14', '2026-02-25', 3),
      // B comes forward over the holiday.
      task('B', '2026-02-13', '2026-02-13', 1),
      task('C', '2026-02-26', '2026-03-02', 3),
      // M (a milestone) does not move.
      task('M', '2026-02-13', '2026-02-13', 0),
    ],
  };

  it('counts slips in working days of the calendar (across the holiday and make-up days) and in calendar days', () => {
    const v = computeVariance(china, baseline, current);
    const a = v.tasks.find((t) => t.taskId === 'A');
    // start: index 3 (Thu 02-12) → index 5 (Sat 02-14, make-up) = +2 working days, +2 calendar days;
    // finish: index 4 (Fri 02-13) → index 7 (Wed 02-25) = +3 working days (02-14, 02-24, 02-25), +12 calendar days.
    expect(a).toEqual({
      taskId: 'A',
      title: 'Task A',
      state: 'planned',
      isSummary: false,
      baselineStart: '2026-02-12',
      currentStart: '2026-02-14',
      startSlip: 2,
      startSlipCalendarDays: 2,
      baselineFinish: '2026-02-13',
      currentFinish: '2026-02-25',
      finishSlip: 3,
      finishSlipCalendarDays: 12,
      baselineDuration: 2,
      currentDuration: 3,
      durationChange: 1,
    });
    // B: index 6 (Tue 02-24) → index 4 (Fri 02-13) = −2 working days (the make-up Saturday between), −11 calendar days.
    expect(v.tasks.find((t) => t.taskId === 'B')).toMatchObject({
      startSlip: -2,
      startSlipCalendarDays: -11,
      finishSlip: -2,
      finishSlipCalendarDays: -11,
      durationChange: 0,
    });
    expect(v.tasks.find((t) => t.taskId === 'M')).toMatchObject({ startSlip: 0, finishSlip: 0, durationChange: 0 });
  });

  it('lists added tasks with their current dates only and removed tasks last, with their baseline dates only', () => {
    const v = computeVariance(china, baseline, current);
    expect(v.tasks.map((t) => [t.taskId, t.state])).toEqual([
      ['A', 'planned'],
      ['B', 'planned'],
      ['C', 'added'],
      ['M', 'planned'],
      ['D', 'removed'],
    ]);
    expect(v.tasks.find((t) => t.taskId === 'C')).toMatchObject({
      baselineStart: null,
      currentStart: '2026-02-26',
      startSlip: null,
      finishSlip: null,
      baselineDuration: null,
      currentDuration: 3,
      durationChange: null,
    });
    expect(v.tasks.find((t) => t.taskId === 'D')).toMatchObject({
      baselineStart: '2026-02-09',
      currentStart: null,
      currentFinish: null,
      startSlip: null,
      baselineDuration: 2,
      currentDuration: null,
    });
  });

  it('gives the project finish slip: index 6 (Tue 02-24) → index 11 (Mon 03-02) = 5 working days, 6 calendar days', () => {
    expect(computeVariance(china, baseline, current).project).toEqual({
      baselineStart: '2026-02-09',
      currentStart: '2026-02-09',
      baselineFinish: '2026-02-24',
      currentFinish: '2026-03-02',
      startSlip: 0,
      startSlipCalendarDays: 0,
      finishSlip: 5,
      finishSlipCalendarDays: 6,
    });
  });

  it('compares dates, not saved indices: a project whose start moved keeps its slips right', () => {
    // The project now starts a week later; A's dates are the same, so A has not slipped at all.
    const later = { projectStart: '2026-02-16', projectFinish: '2026-02-25', tasks: [task('A', '2026-02-12', '2026-02-13', 2)] };
    const v = computeVariance(china, baseline, later);
    expect(v.tasks[0]).toMatchObject({ taskId: 'A', startSlip: 0, finishSlip: 0 });
    // 02-09 → 02-16 (a holiday, which counts from the next working day, 02-24): 02-09 .. 02-14 are 6 working days.
    expect(v.project).toMatchObject({ startSlip: 6, startSlipCalendarDays: 7, finishSlip: 1, finishSlipCalendarDays: 1 });
  });

  it('counts a plain Monday–Friday week: Friday → next Monday is a slip of one working day, three calendar days', () => {
    const weekdays = mondayToFridayCalendar();
    const v = computeVariance(
      weekdays,
      { projectStart: '2027-01-04', projectFinish: '2027-01-08', tasks: [task('X', '2027-01-08', '2027-01-08', 1)] },
      { projectStart: '2027-01-04', projectFinish: '2027-01-11', tasks: [task('X', '2027-01-11', '2027-01-11', 1)] },
    );
    expect(v.tasks[0]).toMatchObject({ startSlip: 1, startSlipCalendarDays: 3, finishSlip: 1, finishSlipCalendarDays: 3 });
    expect(v.project).toMatchObject({ finishSlip: 1, finishSlipCalendarDays: 3 });
  });

  it('handles an empty plan on both sides', () => {
    const empty = { projectStart: '2027-01-04', projectFinish: '2027-01-04', tasks: [] };
    expect(computeVariance(mondayToFridayCalendar(), empty, empty)).toEqual({
      project: {
        baselineStart: '2027-01-04',
        currentStart: '2027-01-04',
        baselineFinish: '2027-01-04',
        currentFinish: '2027-01-04',
        startSlip: 0,
        startSlipCalendarDays: 0,
        finishSlip: 0,
        finishSlipCalendarDays: 0,
      },
      tasks: [],
    });
  });
});
