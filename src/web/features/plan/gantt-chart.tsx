import { memo, type PointerEvent as ReactPointerEvent, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BaselineTask } from '../../../core/baselines/schemas';
import { toEpochDay } from '../../../core/calendar/civil-date';
import type { Dependency } from '../../../core/dependencies/schemas';
import type { ScheduledTaskView, TaskListItem } from '../../../core/tasks/schemas';
import { useFormat } from '../../app/locale';
import { arrowPath, BAR_HEIGHT, BAR_TOP, type BarBox, barOf, centreY, ROW_HEIGHT } from './gantt-geometry';
import { type TimeScale, workingDayOnOrAfter, workingDaysBetween, xOf } from './gantt-scale';

export type ChartActions = {
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  /** A bar dropped with its start on this epoch day (a working day). */
  onMoveBar: (task: TaskListItem, startDay: number) => Promise<unknown>;
  onResize: (task: TaskListItem, duration: number) => Promise<unknown>;
  onLink: (from: TaskListItem, to: TaskListItem) => Promise<unknown>;
  onArrow: (dependency: Dependency) => void;
};

type Props = ChartActions & {
  rows: TaskListItem[];
  rowOf: ReadonlyMap<string, number>;
  firstRow: number;
  lastRow: number;
  /** Epoch days drawn (the visible columns). */
  fromDay: number;
  toDay: number;
  scale: TimeScale;
  working: Uint8Array;
  today: number;
  scheduleById: ReadonlyMap<string, ScheduledTaskView>;
  baselineById: ReadonlyMap<string, BaselineTask> | null;
  dependencies: readonly Dependency[];
  selectedId: string | null;
  canEdit: boolean;
};

type Drag = { mode: 'move' | 'resize' | 'link'; task: TaskListItem; row: number; box: BarBox; x: number; y: number; dx: number };

const CLICK_SLOP = 4;

/** The bars, arrows and backdrop of the rows and days in view, and the drags that change them. */
export function GanttChart(props: Props) {
  const { rows, rowOf, firstRow, lastRow, fromDay, toDay, scale, working, today, scheduleById, baselineById, canEdit } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  /** The drop waits for the server; its ghost stays until the new schedule arrives. */
  const [settling, setSettling] = useState<Drag | null>(null);
  const px = scale.pxPerDay;
  const top = firstRow * ROW_HEIGHT;
  const height = Math.max(0, lastRow - firstRow + 1) * ROW_HEIGHT;
  // The drawing covers only the rows and days in view (and their overscan): a small layer to paint while scrolling.
  const left = Math.max(0, xOf(scale, fromDay));
  const width = Math.max(0, Math.min(scale.width, xOf(scale, toDay + 1)) - left);

  const pointOf = (event: ReactPointerEvent) => {
    const rect = svgRef.current?.parentElement?.getBoundingClientRect();
    return { x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) };
  };

  const begin = (event: ReactPointerEvent, mode: Drag['mode'], task: TaskListItem, row: number, box: BarBox) => {
    if (event.button !== 0) return;
    event.stopPropagation();
    props.onSelect(task.id);
    if (!canEdit || (task.isSummary && mode === 'move')) return;
    // A link captures the pointer at once; a bar only once it moves, so that a double click still opens the task.
    if (mode === 'link') svgRef.current?.setPointerCapture(event.pointerId);
    const { x, y } = pointOf(event);
    setDrag({ mode, task, row, box, x, y, dx: 0 });
  };

  // Bars are memoized: they get one stable handler that calls the latest `begin`.
  const beginRef = useRef(begin);
  beginRef.current = begin;
  const onBegin = useCallback(
    (event: ReactPointerEvent, mode: Drag['mode'], task: TaskListItem, row: number, box: BarBox) =>
      beginRef.current(event, mode, task, row, box),
    [],
  );

  const onPointerMove = (event: ReactPointerEvent) => {
    if (!drag) return;
    const { x, y } = pointOf(event);
    const dx = x - (drag.x - drag.dx);
    const svg = svgRef.current;
    if (svg && Math.abs(dx) >= CLICK_SLOP && !svg.hasPointerCapture(event.pointerId)) svg.setPointerCapture(event.pointerId);
    setDrag({ ...drag, x, y, dx });
  };

  const settle = (done: Drag, action: Promise<unknown>) => {
    setSettling(done);
    void action.finally(() => setSettling((current) => (current === done ? null : current)));
  };

  const onPointerUp = (event: ReactPointerEvent) => {
    if (!drag) return;
    setDrag(null);
    const { task, box, mode } = drag;
    const { x, y } = pointOf(event);
    if (mode === 'link') {
      const target = rows[Math.floor(y / ROW_HEIGHT)];
      if (target && target.id !== task.id) settle(drag, props.onLink(task, target));
      return;
    }
    if (Math.abs(drag.dx) < CLICK_SLOP) return;
    const shift = Math.round(drag.dx / px);
    if (mode === 'move') {
      const day = workingDayOnOrAfter(scale, working, scale.first + Math.round(box.x0 / px) + shift);
      const start = scheduleById.get(task.id)?.startDate;
      if (start && day !== toEpochDay(start)) settle({ ...drag, x, y }, props.onMoveBar(task, day));
      return;
    }
    const start = scale.first + Math.round(box.x0 / px);
    const finish = scale.first + Math.round(box.x1 / px) - 1 + shift;
    const duration = Math.max(1, workingDaysBetween(scale, working, start, finish));
    if (duration !== task.duration) settle({ ...drag, x, y }, props.onResize(task, duration));
  };

  // Non-working days in view, consecutive ones as one band.
  const bands: { x: number; w: number }[] = [];
  for (let day = Math.max(fromDay, scale.first); day <= toDay && day < scale.first + scale.days; day += 1) {
    if (working[day - scale.first] === 1) continue;
    const last = bands[bands.length - 1];
    const x = xOf(scale, day);
    if (last && last.x + last.w === x) last.w += px;
    else bands.push({ x, w: px });
  }

  const boxOf = (task: TaskListItem): BarBox | null => {
    const scheduled = scheduleById.get(task.id);
    return scheduled ? barOf(scale, task, scheduled) : null;
  };

  const arrows = props.dependencies.flatMap((dependency) => {
    const from = rowOf.get(dependency.predecessorId);
    const to = rowOf.get(dependency.successorId);
    if (from === undefined || to === undefined) return [];
    if (Math.max(from, to) < firstRow || Math.min(from, to) > lastRow) return [];
    const a = boxOf(rows[from]);
    const b = boxOf(rows[to]);
    if (!a || !b) return [];
    const critical = scheduleById.get(dependency.predecessorId)?.critical && scheduleById.get(dependency.successorId)?.critical;
    return [{ dependency, d: arrowPath(dependency.type, a, from, b, to), critical, names: { from: rows[from].title, to: rows[to].title } }];
  });

  const ghost = drag ?? settling;
  const selectedRow = props.selectedId === null ? undefined : rowOf.get(props.selectedId);
  const visible = rows.slice(firstRow, lastRow + 1);

  return (
    <svg
      ref={svgRef}
      className={`gantt-svg${drag ? ' is-dragging' : ''}`}
      width={width}
      height={height}
      style={{ top, left }}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(null)}
      data-testid="gantt-chart"
    >
      <title>{t('plan.gantt.dragHint')}</title>
      <defs>
        <marker id="gantt-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L8,4 L0,8 z" className="gantt-arrowhead" />
        </marker>
        <marker id="gantt-arrow-critical" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L8,4 L0,8 z" className="gantt-arrowhead is-critical" />
        </marker>
      </defs>
      <g transform={`translate(${-left},${-top})`}>
        {bands.map((band) => (
          <rect key={band.x} x={band.x} y={top} width={band.w} height={height} className="gantt-nonworking" />
        ))}
        {selectedRow !== undefined && selectedRow >= firstRow && selectedRow <= lastRow && (
          <rect x={left} y={selectedRow * ROW_HEIGHT} width={width} height={ROW_HEIGHT} className="gantt-row-selected" />
        )}
        {today >= fromDay && today <= toDay && (
          <line x1={xOf(scale, today) + px / 2} x2={xOf(scale, today) + px / 2} y1={top} y2={top + height} className="gantt-today" />
        )}
        {baselineById &&
          visible.map((task, k) => {
            const saved = baselineById.get(task.id);
            if (!saved) return null;
            const x0 = xOf(scale, toEpochDay(saved.startDate));
            const x1 = saved.es === saved.ef && !saved.isSummary ? x0 : xOf(scale, toEpochDay(saved.finishDate) + 1);
            const y = (firstRow + k) * ROW_HEIGHT + BAR_TOP + BAR_HEIGHT + 3;
            return (
              <rect
                key={task.id}
                x={x0}
                y={y}
                width={Math.max(x1 - x0, 3)}
                height={4}
                rx={1}
                className="gantt-baseline"
                data-testid="gantt-baseline"
              >
                <title>{`${t('plan.gantt.baseline')}: ${format.date(saved.startDate)} – ${format.date(saved.finishDate)}`}</title>
              </rect>
            );
          })}
        {arrows.map(({ dependency, d, critical, names }) => (
          <Arrow
            key={dependency.id}
            dependency={dependency}
            d={d}
            critical={critical === true}
            from={names.from}
            to={names.to}
            canEdit={canEdit}
            onArrow={props.onArrow}
          />
        ))}
        {visible.map((task, k) => {
          const row = firstRow + k;
          const scheduled = scheduleById.get(task.id);
          if (!scheduled) return null;
          const box = barOf(scale, task, scheduled);
          return (
            <Bar
              key={task.id}
              task={task}
              scheduled={scheduled}
              x0={box.x0}
              x1={box.x1}
              kind={box.kind}
              row={row}
              canEdit={canEdit}
              dates={`${format.date(scheduled.startDate)} – ${format.date(scheduled.finishDate)}`}
              onBegin={onBegin}
              onOpen={props.onOpen}
            />
          );
        })}
        {ghost && <Ghost drag={ghost} px={px} />}
      </g>
    </svg>
  );
}

type BarProps = BarBox & {
  task: TaskListItem;
  scheduled: ScheduledTaskView;
  row: number;
  canEdit: boolean;
  dates: string;
  onBegin: (event: ReactPointerEvent, mode: Drag['mode'], task: TaskListItem, row: number, box: BarBox) => void;
  onOpen: (id: string) => void;
};

const Bar = memo(function Bar({ task, scheduled, x0, x1, kind, row, canEdit, dates, onBegin, onOpen }: BarProps) {
  const box: BarBox = { x0, x1, kind };
  const y = row * ROW_HEIGHT + BAR_TOP;
  const cy = centreY(row);
  const percent = task.isSummary ? (task.rollup?.percentComplete ?? 0) : task.percentComplete;
  const critical = scheduled.critical ? ' is-critical' : '';
  const common = {
    'data-testid': 'gantt-bar',
    'data-task-id': task.id,
    'data-start': scheduled.startDate,
    'data-finish': scheduled.finishDate,
    'aria-label': task.title,
    onDoubleClick: () => onOpen(task.id),
  };
  const tip = <title>{`${task.wbs} ${task.title}: ${dates}`}</title>;
  const label = (
    <text x={box.x1 + (box.kind === 'milestone' ? 12 : 18)} y={cy + 4} className="gantt-bar-label">
      {task.title}
    </text>
  );
  const linkHandle = canEdit && box.kind !== 'summary' && (
    <circle
      cx={box.x1 + (box.kind === 'milestone' ? 9 : 7)}
      cy={cy}
      r={4.5}
      className="gantt-link-handle"
      data-testid="gantt-link-handle"
      onPointerDown={(event) => onBegin(event, 'link', task, row, box)}
    />
  );

  if (box.kind === 'summary') {
    return (
      <g className="gantt-bar is-summary" {...common} onPointerDown={(event) => onBegin(event, 'move', task, row, box)}>
        {tip}
        <path
          d={`M${box.x0},${y + 2}H${box.x1}V${y + 12}L${box.x1 - 5},${y + 7}H${box.x0 + 5}L${box.x0},${y + 12}Z`}
          className={`gantt-summary${critical}`}
        />
        {label}
      </g>
    );
  }
  if (box.kind === 'milestone') {
    const r = BAR_HEIGHT / 2 + 1;
    return (
      <g className={`gantt-bar is-milestone${canEdit ? ' is-editable' : ''}`} {...common}>
        {tip}
        <path
          d={`M${box.x0},${cy - r}L${box.x0 + r},${cy}L${box.x0},${cy + r}L${box.x0 - r},${cy}Z`}
          className={`gantt-milestone${critical}`}
          onPointerDown={(event) => onBegin(event, 'move', task, row, box)}
        />
        {linkHandle}
        {label}
      </g>
    );
  }
  const width = Math.max(box.x1 - box.x0, 2);
  return (
    <g className={`gantt-bar${canEdit ? ' is-editable' : ''}`} {...common}>
      {tip}
      <rect
        x={box.x0}
        y={y}
        width={width}
        height={BAR_HEIGHT}
        rx={3}
        className={`gantt-task${critical}`}
        onPointerDown={(event) => onBegin(event, 'move', task, row, box)}
      />
      {percent > 0 && (
        <rect
          x={box.x0}
          y={y}
          width={(width * Math.min(percent, 100)) / 100}
          height={BAR_HEIGHT}
          rx={3}
          className={`gantt-progress${critical}`}
          pointerEvents="none"
        />
      )}
      {canEdit && (
        <rect
          x={box.x1 - 5}
          y={y}
          width={8}
          height={BAR_HEIGHT}
          className="gantt-resize"
          data-testid="gantt-resize-handle"
          onPointerDown={(event) => onBegin(event, 'resize', task, row, box)}
        />
      )}
      {linkHandle}
      {label}
    </g>
  );
});

type ArrowProps = {
  dependency: Dependency;
  d: string;
  critical: boolean;
  from: string;
  to: string;
  canEdit: boolean;
  onArrow: (dependency: Dependency) => void;
};

/** A dependency arrow; those who edit click it (or press Enter on it) to change its type or lag. */
const Arrow = memo(function Arrow({ dependency, d, critical, from, to, canEdit, onArrow }: ArrowProps) {
  const { t } = useTranslation();
  const label = t('plan.gantt.dependency.arrowLabel', { from, to, type: dependency.type, lag: dependency.lag });
  return (
    <g className={`gantt-link${critical ? ' is-critical' : ''}`}>
      <path d={d} className="gantt-link-line" markerEnd={`url(#${critical ? 'gantt-arrow-critical' : 'gantt-arrow'})`}>
        <title>{label}</title>
      </path>
      {canEdit && (
        // biome-ignore lint/a11y/useSemanticElements: an SVG arrow cannot be an HTML <button>; it acts as one
        <path
          d={d}
          className="gantt-link-hit"
          role="button"
          tabIndex={0}
          aria-label={label}
          onClick={() => onArrow(dependency)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') onArrow(dependency);
          }}
          data-testid="gantt-link"
          data-dependency-id={dependency.id}
        />
      )}
    </g>
  );
});

/** Where the bar would go (move, resize) or the line being drawn to a successor (link). */
function Ghost({ drag, px }: { drag: Drag; px: number }) {
  const { box, row, mode } = drag;
  const y = row * ROW_HEIGHT + BAR_TOP;
  if (mode === 'link') {
    const x0 = box.x1 + 7;
    return <line x1={x0} y1={centreY(row)} x2={drag.x} y2={drag.y} className="gantt-link-draft" data-testid="gantt-link-draft" />;
  }
  const shift = Math.round(drag.dx / px) * px;
  if (mode === 'resize') {
    return <rect x={box.x0} y={y} width={Math.max(px, box.x1 - box.x0 + shift)} height={BAR_HEIGHT} rx={3} className="gantt-ghost" />;
  }
  if (box.kind === 'milestone') {
    const r = BAR_HEIGHT / 2 + 1;
    const cx = box.x0 + shift;
    const cy = centreY(row);
    return <path d={`M${cx},${cy - r}L${cx + r},${cy}L${cx},${cy + r}L${cx - r},${cy}Z`} className="gantt-ghost" />;
  }
  return <rect x={box.x0 + shift} y={y} width={Math.max(box.x1 - box.x0, 2)} height={BAR_HEIGHT} rx={3} className="gantt-ghost" />;
}
