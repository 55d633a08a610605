import { toEpochDay } from '../../../core/calendar/civil-date';
import type { DependencyType } from '../../../core/dependencies/schemas';
import type { ScheduledTaskView, TaskListItem } from '../../../core/tasks/schemas';
import { type TimeScale, xOf } from './gantt-scale';

export const ROW_HEIGHT = 32;
export const BAR_TOP = 8;
export const BAR_HEIGHT = 14;
/** Room an arrow keeps from a bar's end before it turns. */
const GAP = 8;

/** Where a task is drawn, in px of the chart: from its scheduled start to the end of its finish day. */
export type BarBox = { x0: number; x1: number; kind: 'task' | 'summary' | 'milestone' };

export function barOf(scale: TimeScale, task: Pick<TaskListItem, 'isSummary' | 'duration'>, scheduled: ScheduledTaskView): BarBox {
  const start = toEpochDay(scheduled.startDate);
  const x0 = xOf(scale, start);
  if (task.isSummary) {
    // A summary over milestones only spans no working day: draw it from its start to its finish date.
    const finish = toEpochDay(scheduled.finishDate) + (scheduled.ef > scheduled.es ? 1 : 0);
    return { x0, x1: Math.max(x0, xOf(scale, finish)), kind: 'summary' };
  }
  if (scheduled.ef === scheduled.es) return { x0, x1: x0, kind: 'milestone' };
  return { x0, x1: xOf(scale, toEpochDay(scheduled.finishDate) + 1), kind: 'task' };
}

/** A bar's row centre line. */
export const centreY = (row: number): number => row * ROW_HEIGHT + BAR_TOP + BAR_HEIGHT / 2;

/**
 * The path of a dependency arrow: out of the predecessor's finish (FS, FF) or start (SS, SF), into the
 * successor's start (FS, SS; arriving from the left) or finish (FF, SF; arriving from the right), with
 * right-angled turns in the gap between rows when the ends overlap.
 */
export function arrowPath(type: DependencyType, from: BarBox, fromRow: number, to: BarBox, toRow: number): string {
  const fromFinish = type === 'FS' || type === 'FF';
  const toStart = type === 'FS' || type === 'SS';
  const sx = fromFinish ? from.x1 : from.x0;
  const tx = toStart ? to.x0 : to.x1;
  const sy = centreY(fromRow);
  const ty = centreY(toRow);
  const out = fromFinish ? 1 : -1;
  const into = toStart ? 1 : -1;
  const p = sx + out * GAP;
  const q = tx - into * GAP;
  if (out === 1 && into === 1 && q >= p) return `M${sx},${sy}H${q}V${ty}H${tx}`;
  if (out === -1 && into === 1) {
    const m = Math.min(p, q);
    return `M${sx},${sy}H${m}V${ty}H${tx}`;
  }
  if (out === 1 && into === -1) {
    const m = Math.max(p, q);
    return `M${sx},${sy}H${m}V${ty}H${tx}`;
  }
  // The ends overlap the wrong way: go round through the gap between the two rows.
  const between = fromRow === toRow ? sy + ROW_HEIGHT / 2 : fromRow * ROW_HEIGHT + (toRow > fromRow ? ROW_HEIGHT : 0);
  return `M${sx},${sy}H${p}V${between}H${q}V${ty}H${tx}`;
}
