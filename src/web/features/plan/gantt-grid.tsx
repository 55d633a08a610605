import { CaretDownOutlined, CaretRightOutlined, HolderOutlined } from '@ant-design/icons';
import { type DragEvent, memo, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduledTaskView, TaskListItem } from '../../../core/tasks/schemas';
import { useFormat } from '../../app/locale';
import { ROW_HEIGHT } from './gantt-geometry';

type Cell = { task: TaskListItem; scheduled: ScheduledTaskView | undefined };

export type GridColumn = {
  key: 'wbs' | 'name' | 'duration' | 'start' | 'finish' | 'float' | 'assignees' | 'percent';
  width: number;
  align?: 'end';
};

/** The grid's columns, most important first: the ones that fit the grid's width are shown (the name takes the rest). */
const COLUMNS: GridColumn[] = [
  { key: 'wbs', width: 52 },
  { key: 'name', width: 200 },
  { key: 'duration', width: 60, align: 'end' },
  { key: 'start', width: 76 },
  { key: 'finish', width: 76 },
  { key: 'percent', width: 52, align: 'end' },
  { key: 'float', width: 56, align: 'end' },
  { key: 'assignees', width: 120 },
];

/** "Oct 30" / "10月30日": the grid's dates (the year is on the time axis, the full date in the cell's tooltip). */
const shortDates = new Map<string, Intl.DateTimeFormat>();
function shortDate(locale: string, value: string): string {
  let format = shortDates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    shortDates.set(locale, format);
  }
  return format.format(new Date(`${value}T00:00:00Z`));
}

export const FULL_GRID_WIDTH = COLUMNS.reduce((sum, column) => sum + column.width, 0);

/** The columns that fit in `width`, in display order, the name column widened to fill the rest. */
export function columnsFor(width: number): GridColumn[] {
  const shown: GridColumn[] = [];
  let used = 0;
  for (const column of COLUMNS) {
    if (used + column.width > width && column.key !== 'name' && column.key !== 'wbs') continue;
    shown.push({ ...column });
    used += column.width;
  }
  const name = shown.find((column) => column.key === 'name');
  if (name) name.width += Math.max(0, width - used);
  return COLUMNS.flatMap((column) => shown.filter((s) => s.key === column.key));
}

export function GridHeader({ columns }: { columns: GridColumn[] }) {
  const { t } = useTranslation();
  return (
    <div className="gantt-grid-head">
      {columns.map((column) => (
        <div key={column.key} className={`gantt-cell${column.align ? ' is-end' : ''}`} style={{ width: column.width }}>
          {t(`plan.gantt.columns.${column.key}`)}
        </div>
      ))}
    </div>
  );
}

type RowProps = Cell & {
  row: number;
  columns: GridColumn[];
  memberNames: ReadonlyMap<string, string>;
  collapsed: boolean;
  selected: boolean;
  canEdit: boolean;
  dropAt: 'before' | 'after' | null;
  onToggle: (id: string) => void;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  onDragStart: (id: string) => void;
  onDragEnd: () => void;
  onDragOver: (id: string, after: boolean) => void;
  onDrop: (id: string, after: boolean) => void;
};

/** One task of the work breakdown: outline number, indented name (summaries fold), duration, dates, float, people, progress. */
export const GridRow = memo(function GridRow(props: RowProps) {
  const { task, scheduled, columns, row, memberNames } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const [dragging, setDragging] = useState(false);
  const dateCell = (value: string | undefined) => (value ? <span title={format.date(value)}>{shortDate(format.locale, value)}</span> : '—');
  const percent = task.isSummary ? (task.rollup?.percentComplete ?? 0) : task.percentComplete;
  const duration = task.isSummary ? (task.rollup?.duration ?? 0) : task.duration;
  const halfOf = (event: DragEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return event.clientY - rect.top > rect.height / 2;
  };

  const cells: Record<GridColumn['key'], ReactNode> = {
    wbs: <span className="gantt-wbs">{task.wbs}</span>,
    name: (
      <span className="gantt-name" style={{ paddingInlineStart: task.depth * 16 }}>
        {props.canEdit && (
          // biome-ignore lint/a11y/noStaticElementInteractions: a drag handle; the keyboard reorders with Alt+↑/↓ and the toolbar's buttons
          <span
            className="gantt-row-handle"
            draggable
            title={t('plan.gantt.rowDragHandle')}
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', task.id);
              setDragging(true);
              props.onDragStart(task.id);
            }}
            onDragEnd={() => {
              setDragging(false);
              props.onDragEnd();
            }}
            data-testid="gantt-row-handle"
          >
            <HolderOutlined />
          </span>
        )}
        {task.isSummary ? (
          <button
            type="button"
            className="gantt-fold"
            aria-label={props.collapsed ? t('plan.gantt.expand') : t('plan.gantt.collapse')}
            aria-expanded={!props.collapsed}
            onClick={(event) => {
              event.stopPropagation();
              props.onToggle(task.id);
            }}
            data-testid="gantt-fold"
          >
            {props.collapsed ? <CaretRightOutlined /> : <CaretDownOutlined />}
          </button>
        ) : (
          <span className="gantt-fold-space" />
        )}
        <span className={`gantt-title${task.isSummary ? ' is-summary' : ''}`} title={task.title}>
          {task.title}
        </span>
      </span>
    ),
    duration: task.duration === 0 && !task.isSummary ? '◆' : t('plan.gantt.durationDays', { count: duration }),
    start: dateCell(scheduled?.startDate),
    finish: dateCell(scheduled?.finishDate),
    float: scheduled ? <span className={scheduled.critical ? 'gantt-critical-text' : undefined}>{scheduled.totalFloat}</span> : '—',
    assignees: (
      <span className="gantt-assignees" title={task.assigneeIds.map((id) => memberNames.get(id) ?? '').join(', ')}>
        {task.assigneeIds.map((id) => memberNames.get(id) ?? '').join(', ')}
      </span>
    ),
    percent: `${format.number(percent, 0)}%`,
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: rows of a virtualized grid are positioned one by one, which table rows cannot be
    // biome-ignore lint/a11y/useKeyWithClickEvents: the grid (gantt-board) handles the keys of the selected row
    <div
      role="row"
      tabIndex={-1}
      aria-selected={props.selected}
      className={`gantt-row${props.selected ? ' is-selected' : ''}${task.isSummary ? ' is-summary' : ''}${dragging ? ' is-dragging' : ''}${props.dropAt ? ` drop-${props.dropAt}` : ''}`}
      style={{ top: row * ROW_HEIGHT }}
      onClick={() => props.onSelect(task.id)}
      onDoubleClick={() => props.onOpen(task.id)}
      onDragOver={(event) => {
        if (!props.canEdit) return;
        event.preventDefault();
        props.onDragOver(task.id, halfOf(event));
      }}
      onDrop={(event) => {
        event.preventDefault();
        props.onDrop(task.id, halfOf(event));
      }}
      data-testid="gantt-row"
      data-task-id={task.id}
    >
      {columns.map((column) => (
        <div
          key={column.key}
          className={`gantt-cell${column.align ? ' is-end' : ''}`}
          style={{ width: column.width }}
          data-column={column.key}
        >
          {cells[column.key]}
        </div>
      ))}
    </div>
  );
});
