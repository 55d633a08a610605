import { describe, expect, it } from 'vitest';
import { chinaMainlandCalendar, mondayToFridayCalendar } from '../../../core/calendar/calendar';
import { toEpochDay } from '../../../core/calendar/civil-date';
import type { ScheduledTaskView, TaskListItem } from '../../../core/tasks/schemas';
import { arrowPath, barOf, centreY, ROW_HEIGHT } from './gantt-geometry';
import { descendantCount, dropMove, moveFor, visibleRows } from './gantt-rows';
import { buildScale, workingDayOnOrAfter, workingDays, workingDaysBetween, xOf } from './gantt-scale';

/** A WBS: 1 Plan { 1.1 A, 1.2 B { 1.2.1 C } }, 2 Sell { 2.1 D }, 3 E. */
const task = (id: string, parentId: string | null, depth: number, isSummary = false): TaskListItem =>
  ({ id, parentId, depth, isSummary, version: 3, title: id, duration: isSummary ? 0 : 2 }) as TaskListItem;
const WBS = [
  task('plan', null, 0, true),
  task('a', 'plan', 1),
  task('b', 'plan', 1, true),
  task('c', 'b', 2),
  task('sell', null, 0, true),
  task('d', 'sell', 1),
  task('e', null, 0),
];
const ids = (tasks: TaskListItem[]) => tasks.map((t) => t.id);
const byId = (id: string) => WBS.find((t) => t.id === id) as TaskListItem;

describe('the rows of the WBS', () => {
  it('leaves out what a folded summary holds, at any depth', () => {
    expect(ids(visibleRows(WBS, new Set()))).toEqual(['plan', 'a', 'b', 'c', 'sell', 'd', 'e']);
    expect(ids(visibleRows(WBS, new Set(['plan'])))).toEqual(['plan', 'sell', 'd', 'e']);
    expect(ids(visibleRows(WBS, new Set(['b', 'sell'])))).toEqual(['plan', 'a', 'b', 'sell', 'e']);
    // Folding a leaf changes nothing.
    expect(ids(visibleRows(WBS, new Set(['a'])))).toEqual(['plan', 'a', 'b', 'c', 'sell', 'd', 'e']);
  });

  it('indents under the sibling above (last), outdents after the parent, swaps with a neighbour', () => {
    expect(moveFor(WBS, byId('b'), 'indent')).toEqual({ parentId: 'a', index: 0, version: 3 });
    expect(moveFor(WBS, byId('e'), 'indent')).toEqual({ parentId: 'sell', index: 1, version: 3 });
    expect(moveFor(WBS, byId('a'), 'indent')).toBeNull();
    expect(moveFor(WBS, byId('c'), 'outdent')).toEqual({ parentId: 'plan', index: 2, version: 3 });
    expect(moveFor(WBS, byId('d'), 'outdent')).toEqual({ parentId: null, index: 2, version: 3 });
    expect(moveFor(WBS, byId('e'), 'outdent')).toBeNull();
    expect(moveFor(WBS, byId('b'), 'up')).toEqual({ parentId: 'plan', index: 0, version: 3 });
    expect(moveFor(WBS, byId('a'), 'up')).toBeNull();
    expect(moveFor(WBS, byId('plan'), 'down')).toEqual({ parentId: null, index: 1, version: 3 });
    expect(moveFor(WBS, byId('e'), 'down')).toBeNull();
  });

  it('drops a row before or after another among the target’s siblings, never into its own subtree', () => {
    expect(dropMove(WBS, byId('e'), byId('a'), false)).toEqual({ parentId: 'plan', index: 0, version: 3 });
    expect(dropMove(WBS, byId('e'), byId('a'), true)).toEqual({ parentId: 'plan', index: 1, version: 3 });
    // Top level without "plan": [sell, e]; after sell → 1.
    expect(dropMove(WBS, byId('plan'), byId('sell'), true)).toEqual({ parentId: null, index: 1, version: 3 });
    expect(dropMove(WBS, byId('plan'), byId('c'), false)).toBeNull();
  });

  it('counts what deleting a summary takes along', () => {
    expect(descendantCount(WBS, 'plan')).toBe(3);
    expect(descendantCount(WBS, 'sell')).toBe(1);
    expect(descendantCount(WBS, 'e')).toBe(0);
  });
});

describe('the time axis', () => {
  // 2026-03-04 is a Wednesday.
  it('starts on a Monday (days, weeks) or the first of a month, in whole columns', () => {
    const day = buildScale('day', toEpochDay('2026-03-04'), toEpochDay('2026-03-20'));
    expect(day.first).toBe(toEpochDay('2026-02-23')); // the Monday on or before 3 days earlier (Sunday 1 March)
    expect(day.columns.every((c) => c.days === 1)).toBe(true);
    expect(day.width).toBe(day.days * 28);
    const week = buildScale('week', toEpochDay('2026-03-04'), toEpochDay('2026-03-20'));
    expect(week.first).toBe(toEpochDay('2026-02-23'));
    expect(week.columns.every((c) => c.days === 7)).toBe(true);
    const month = buildScale('month', toEpochDay('2026-03-04'), toEpochDay('2026-03-20'));
    expect(month.first).toBe(toEpochDay('2026-02-01'));
    expect(month.columns.slice(0, 3).map((c) => c.days)).toEqual([28, 31, 30]);
    expect(xOf(month, toEpochDay('2026-03-01'))).toBe(28 * 3);
  });

  it('knows the working days of the calendar: weekends, holidays, make-up days', () => {
    // Around China's National Day 2025: 1–8 October off, Sunday 28 September and Saturday 11 October worked.
    const scale = buildScale('day', toEpochDay('2025-09-26'), toEpochDay('2025-10-14'));
    const china = workingDays(scale, chinaMainlandCalendar());
    const plain = workingDays(scale, mondayToFridayCalendar());
    const isWorking = (flags: Uint8Array, date: string) => flags[toEpochDay(date) - scale.first] === 1;
    expect(isWorking(china, '2025-09-28')).toBe(true);
    expect(isWorking(plain, '2025-09-28')).toBe(false);
    expect(isWorking(china, '2025-10-01')).toBe(false);
    expect(isWorking(plain, '2025-10-01')).toBe(true);
    expect(isWorking(china, '2025-10-11')).toBe(true);
    // A bar dropped on the holiday starts on Thursday 9 October; Friday 26 September to Friday 10 October holds 6 working days.
    expect(workingDayOnOrAfter(scale, china, toEpochDay('2025-10-03'))).toBe(toEpochDay('2025-10-09'));
    expect(workingDaysBetween(scale, china, toEpochDay('2025-09-26'), toEpochDay('2025-10-10'))).toBe(6);
    expect(workingDaysBetween(scale, plain, toEpochDay('2025-09-26'), toEpochDay('2025-10-10'))).toBe(11);
  });
});

describe('bars and arrows', () => {
  const scale = buildScale('day', toEpochDay('2026-03-04'), toEpochDay('2026-03-31'));
  const at = (date: string) => xOf(scale, toEpochDay(date));
  const scheduled = (startDate: string, finishDate: string, es: number, ef: number) =>
    ({ startDate, finishDate, es, ef }) as ScheduledTaskView;

  it('spans a task from its start to the end of its finish day; a milestone is a point', () => {
    expect(barOf(scale, { isSummary: false, duration: 3 }, scheduled('2026-03-04', '2026-03-06', 0, 3))).toEqual({
      x0: at('2026-03-04'),
      x1: at('2026-03-07'),
      kind: 'task',
    });
    expect(barOf(scale, { isSummary: false, duration: 0 }, scheduled('2026-03-09', '2026-03-09', 3, 3))).toEqual({
      x0: at('2026-03-09'),
      x1: at('2026-03-09'),
      kind: 'milestone',
    });
    expect(barOf(scale, { isSummary: true, duration: 0 }, scheduled('2026-03-04', '2026-03-13', 0, 8)).x1).toBe(at('2026-03-14'));
  });

  it('draws FS from the finish into the start, SS from start to start, FF and SF into the finish', () => {
    const a = { x0: 100, x1: 200, kind: 'task' as const };
    const b = { x0: 260, x1: 300, kind: 'task' as const };
    const y0 = centreY(0);
    const y2 = centreY(2);
    expect(y2 - y0).toBe(2 * ROW_HEIGHT);
    expect(arrowPath('FS', a, 0, b, 2)).toBe(`M200,${y0}H252V${y2}H260`);
    expect(arrowPath('SS', a, 0, b, 2)).toBe(`M100,${y0}H92V${y2}H260`);
    expect(arrowPath('FF', a, 0, b, 2)).toBe(`M200,${y0}H308V${y2}H300`);
    // SF and an FS whose successor starts before the predecessor ends go round between the rows.
    expect(arrowPath('SF', a, 0, b, 2)).toBe(`M100,${y0}H92V${ROW_HEIGHT}H308V${y2}H300`);
    expect(arrowPath('FS', b, 0, a, 2)).toBe(`M300,${y0}H308V${ROW_HEIGHT}H92V${y2}H100`);
  });
});
