import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { BaselineTask } from '../../../core/baselines/schemas';
import type { Dependency } from '../../../core/dependencies/schemas';
import type { ScheduledTaskView, TaskListItem } from '../../../core/tasks/schemas';
import { useLocale } from '../../app/locale';
import { type ChartActions, GanttChart } from './gantt-chart';
import { ROW_HEIGHT } from './gantt-geometry';
import { columnsFor, GridHeader, GridRow } from './gantt-grid';
import { dayAt, groupKeyOf, type TimeScale, xOf } from './gantt-scale';

const HEAD_HEIGHT = 48;

type Props = ChartActions & {
  rows: TaskListItem[];
  scale: TimeScale;
  working: Uint8Array;
  today: number;
  /** Scroll so that this epoch day is near the left edge, whenever `nonce` changes. */
  focus: { day: number; nonce: number };
  scheduleById: ReadonlyMap<string, ScheduledTaskView>;
  baselineById: ReadonlyMap<string, BaselineTask> | null;
  dependencies: readonly Dependency[];
  memberNames: ReadonlyMap<string, string>;
  collapsed: ReadonlySet<string>;
  selectedId: string | null;
  canEdit: boolean;
  gridWidth: number;
  onGridWidth: (width: number) => void;
  onToggle: (id: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onReorder: (id: string, targetId: string, after: boolean) => void;
};

/**
 * The WBS grid beside the time chart in one scroll box: the grid stays at the left, the time axis at
 * the top. Only the rows and the time columns in view are drawn (TanStack Virtual both ways), so
 * thousands of tasks scroll as smoothly as forty.
 */
export function GanttBoard(props: Props) {
  const { rows, scale, gridWidth } = props;
  const { locale } = useLocale();
  const scrollRef = useRef<HTMLDivElement>(null);
  const painted = useRef(false);
  const [drop, setDrop] = useState<{ id: string; after: boolean } | null>(null);
  const dragId = useRef<string | null>(null);
  const columns = useMemo(() => columnsFor(gridWidth), [gridWidth]);
  const rowOf = useMemo(() => new Map(rows.map((task, k) => [task.id, k])), [rows]);

  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // The rows start under the sticky time axis, which also covers the top of the view.
    paddingStart: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
    overscan: 12,
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: scale.columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => scale.columns[index].days * scale.pxPerDay,
    overscan: 3,
  });

  // A new scale keeps the day at the left edge where it was.
  const shownScale = useRef(scale);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    const before = shownScale.current;
    shownScale.current = scale;
    columnVirtualizer.measure();
    if (!element || before === scale) return;
    element.scrollLeft = xOf(scale, dayAt(before, element.scrollLeft));
  }, [scale, columnVirtualizer]);

  const { day: focusDay, nonce: focusNonce } = props.focus;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when asked (nonce), not when the scale changes
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element) element.scrollLeft = Math.max(0, xOf(scale, focusDay) - 3 * scale.pxPerDay * (scale.kind === 'day' ? 1 : 7));
  }, [focusNonce]);

  // The selected row (picked with the keyboard, or just added) comes into view.
  const selectedRow = props.selectedId === null ? undefined : rowOf.get(props.selectedId);
  useEffect(() => {
    if (selectedRow !== undefined) rowVirtualizer.scrollToIndex(selectedRow, { align: 'auto' });
  }, [selectedRow, rowVirtualizer]);

  // The keyboard stays with the selected row. A move re-draws it, and when it lands outside the rows drawn
  // (far up or down the plan) its element is made anew and the focus falls to the page: give it back, as long as
  // the focus was in the board and has not been taken elsewhere (a click or a focus outside ends that).
  const hasFocus = useRef(false);
  useEffect(() => {
    const outside = (event: Event) => {
      if (!(event.target instanceof Node && scrollRef.current?.contains(event.target))) hasFocus.current = false;
    };
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('focusin', outside, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('focusin', outside, true);
    };
  }, []);
  // No dependencies: after every render, since the row may be drawn in any of them.
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (!hasFocus.current || props.selectedId === null || (active && active !== document.body && active.isConnected)) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[role="row"][data-task-id="${CSS.escape(props.selectedId)}"]`);
    row?.focus({ preventScroll: true });
  });

  // The first paint with data: the bench measures the Gantt's own render from 'gantt:data' to here.
  useEffect(() => {
    if (painted.current || rows.length === 0) return;
    painted.current = true;
    // The frame after the first commit, once it has been painted.
    requestAnimationFrame(() => setTimeout(() => performance.mark('gantt:painted'), 0));
  }, [rows.length]);

  const virtualRows = rowVirtualizer.getVirtualItems();
  const virtualColumns = columnVirtualizer.getVirtualItems();
  const firstRow = virtualRows[0]?.index ?? 0;
  const lastRow = virtualRows[virtualRows.length - 1]?.index ?? -1;
  const firstColumn = scale.columns[virtualColumns[0]?.index ?? 0];
  const lastColumn = scale.columns[virtualColumns[virtualColumns.length - 1]?.index ?? 0];
  const fromDay = firstColumn?.start ?? scale.first;
  const toDay = lastColumn ? lastColumn.start + lastColumn.days - 1 : scale.first;
  const height = rows.length * ROW_HEIGHT;

  const formats = useMemo(() => {
    const of = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    return {
      group: scale.kind === 'month' ? of({ year: 'numeric' }) : of({ year: 'numeric', month: 'short' }),
      column:
        scale.kind === 'month'
          ? of({ month: 'short' })
          : scale.kind === 'week'
            ? of({ month: 'numeric', day: 'numeric' })
            : { format: (date: Date) => String(date.getUTCDate()) },
    };
  }, [locale, scale.kind]);
  const dateOf = (epochDay: number) => new Date(epochDay * 86_400_000);

  // Upper tier: one label per month (day, week) or year (month) among the columns in view.
  const groups: { key: string; x: number; w: number; label: string }[] = [];
  for (const item of virtualColumns) {
    const column = scale.columns[item.index];
    const key = groupKeyOf(scale.kind, column.start);
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.w += item.size;
    else groups.push({ key, x: item.start, w: item.size, label: formats.group.format(dateOf(column.start)) });
  }

  // Stable handlers, so that only the rows coming into view render while scrolling (GridRow is memoized).
  const dropRef = useRef(drop);
  dropRef.current = drop;
  const { onReorder } = props;
  const endDrag = useCallback(() => {
    dragId.current = null;
    setDrop(null);
  }, []);
  const onDragStart = useCallback((id: string) => {
    dragId.current = id;
  }, []);
  const onDragOver = useCallback((id: string, after: boolean) => {
    const current = dropRef.current;
    if (dragId.current && (current?.id !== id || current.after !== after)) setDrop({ id, after });
  }, []);
  const onDrop = useCallback(
    (id: string, after: boolean) => {
      const moving = dragId.current;
      endDrag();
      if (moving && moving !== id) onReorder(moving, id, after);
    },
    [endDrag, onReorder],
  );

  return (
    // biome-ignore lint/a11y/useSemanticElements: a virtualized grid of rows positioned one by one, which a table cannot be
    <div
      className="gantt-scroll"
      ref={scrollRef}
      tabIndex={0}
      onKeyDown={props.onKeyDown}
      onFocus={() => {
        hasFocus.current = true;
      }}
      role="grid"
      aria-rowcount={rows.length}
      data-testid="gantt-board"
    >
      <div className="gantt-canvas" style={{ width: gridWidth + scale.width }}>
        <div className="gantt-head" style={{ height: HEAD_HEIGHT }}>
          <div className="gantt-grid-side" style={{ width: gridWidth }}>
            <GridHeader columns={columns} />
            <Splitter width={gridWidth} onWidth={props.onGridWidth} />
          </div>
          <svg className="gantt-axis" width={scale.width} height={HEAD_HEIGHT} aria-hidden="true">
            {groups.map((group) => (
              <g key={group.key}>
                <line x1={group.x} x2={group.x} y1={0} y2={HEAD_HEIGHT / 2} className="gantt-axis-line" />
                <text
                  x={Math.max(group.x, Math.min(scrollRef.current?.scrollLeft ?? 0, group.x + group.w - 72)) + 6}
                  y={17}
                  className="gantt-axis-group"
                >
                  {group.label}
                </text>
              </g>
            ))}
            {virtualColumns.map((item) => {
              const column = scale.columns[item.index];
              const weekend = scale.kind === 'day' && props.working[column.start - scale.first] === 0;
              return (
                <g key={item.key}>
                  <line x1={item.start} x2={item.start} y1={HEAD_HEIGHT / 2} y2={HEAD_HEIGHT} className="gantt-axis-line" />
                  <text x={item.start + item.size / 2} y={HEAD_HEIGHT - 8} className={`gantt-axis-column${weekend ? ' is-off' : ''}`}>
                    {formats.column.format(dateOf(column.start))}
                  </text>
                </g>
              );
            })}
            <line x1={0} x2={scale.width} y1={HEAD_HEIGHT / 2} y2={HEAD_HEIGHT / 2} className="gantt-axis-line" />
          </svg>
        </div>
        <div className="gantt-body" style={{ height }}>
          <div className="gantt-grid-side gantt-grid" style={{ width: gridWidth, height }}>
            {virtualRows.map((item) => {
              const task = rows[item.index];
              return (
                <GridRow
                  key={task.id}
                  row={item.index}
                  task={task}
                  scheduled={props.scheduleById.get(task.id)}
                  columns={columns}
                  memberNames={props.memberNames}
                  collapsed={props.collapsed.has(task.id)}
                  selected={task.id === props.selectedId}
                  canEdit={props.canEdit}
                  dropAt={drop?.id === task.id ? (drop.after ? 'after' : 'before') : null}
                  onToggle={props.onToggle}
                  onSelect={props.onSelect}
                  onOpen={props.onOpen}
                  onDragEnd={endDrag}
                  onDragStart={onDragStart}
                  onDragOver={onDragOver}
                  onDrop={onDrop}
                />
              );
            })}
          </div>
          <div className="gantt-chart" style={{ width: scale.width, height }}>
            <GanttChart
              rows={rows}
              rowOf={rowOf}
              firstRow={firstRow}
              lastRow={lastRow}
              fromDay={fromDay}
              toDay={toDay}
              scale={scale}
              working={props.working}
              today={props.today}
              scheduleById={props.scheduleById}
              baselineById={props.baselineById}
              dependencies={props.dependencies}
              selectedId={props.selectedId}
              canEdit={props.canEdit}
              onSelect={props.onSelect}
              onOpen={props.onOpen}
              onMoveBar={props.onMoveBar}
              onResize={props.onResize}
              onLink={props.onLink}
              onArrow={props.onArrow}
            />
          </div>
        </div>
      </div>
    </div>
  );
}

/** The grid's right edge: drag to show more or fewer columns. */
function Splitter({ width, onWidth }: { width: number; onWidth: (width: number) => void }) {
  const start = useRef<{ x: number; width: number } | null>(null);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a draggable splitter, not a thematic break (<hr>)
    <div
      className="gantt-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-valuenow={width}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        start.current = { x: event.clientX, width };
      }}
      onPointerMove={(event) => {
        if (start.current) onWidth(start.current.width + event.clientX - start.current.x);
      }}
      onPointerUp={() => {
        start.current = null;
      }}
    />
  );
}
