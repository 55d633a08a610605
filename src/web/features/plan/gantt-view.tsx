import { Alert, Button, Empty, Flex, Skeleton, Typography } from 'antd';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mondayToFridayCalendar } from '../../../core/calendar/calendar';
import { fromEpochDay, toEpochDay } from '../../../core/calendar/civil-date';
import type { Dependency } from '../../../core/dependencies/schemas';
import type { Project } from '../../../core/projects/schemas';
import type { TaskListItem } from '../../../core/tasks/schemas';
import { useLocale } from '../../app/locale';
import { Deferred } from '../../components/lazy-modal';
import { lazyNamed } from '../../components/lazy-named';
import { QueryError } from '../../components/query-error';
import { useMembers } from '../members/use-members';
import { GanttBoard } from './gantt-board';
import { FULL_GRID_WIDTH } from './gantt-grid';
import { GanttFigures, GanttLegend } from './gantt-header';
import { dropMove, type MoveKind, moveFor, visibleRows } from './gantt-rows';
import { buildScale, type ScaleKind, workingDays } from './gantt-scale';
import { GanttToolbar } from './gantt-toolbar';
import { linkRefusal } from './link-refusal';
import type { DrawerState } from './task-drawer';
import {
  useBaselineDetail,
  useBaselines,
  useDependencies,
  usePlanMutations,
  usePlanTasks,
  useProjectCalendar,
  useSchedule,
} from './use-plan';

const TaskDrawer = lazyNamed(() => import('./task-drawer'), 'TaskDrawer');
const DependencyModal = lazyNamed(() => import('./dependency-modal'), 'DependencyModal');

const SCALE_KEY = 'qd_gantt_scale';
const storedScale = (): ScaleKind => {
  try {
    const value = localStorage.getItem(SCALE_KEY);
    return value === 'week' || value === 'month' ? value : 'day';
  } catch {
    return 'day';
  }
};

/** The plan as a Gantt chart: the WBS grid, the scheduled bars and the changes made on them. */
export function GanttView({ project, canEdit }: { project: Project; canEdit: boolean }) {
  const { t } = useTranslation();
  const { format } = useLocale();
  const tasks = usePlanTasks(project.id);
  const schedule = useSchedule(project.id);
  const dependencies = useDependencies(project.id);
  const baselines = useBaselines(project.id);
  const calendar = useProjectCalendar(schedule.data?.calendarId ?? project.calendarId);
  const members = useMembers(project.id);
  const mutations = usePlanMutations(project.id);

  const [scaleKind, setScaleKind] = useState<ScaleKind>(storedScale);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [gridWidth, setGridWidth] = useState(() => Math.min(FULL_GRID_WIDTH, Math.max(420, Math.round(window.innerWidth * 0.36))));
  const [baselineChoice, setBaselineChoice] = useState<string | null | undefined>(undefined);
  const [drawer, setDrawer] = useState<DrawerState | null>(null);
  const [editingLink, setEditingLink] = useState<Dependency | null>(null);
  const [notice, setNotice] = useState<{ title?: string; text: string } | null>(null);
  const [focus, setFocus] = useState({ day: toEpochDay(format.today()), nonce: 0 });

  const baselineId = baselineChoice === undefined ? (baselines.data?.items[0]?.id ?? null) : baselineChoice;
  const baseline = useBaselineDetail(baselineId);

  const all = tasks.data;
  const rows = useMemo(() => visibleRows(all ?? [], collapsed), [all, collapsed]);
  const scheduleById = useMemo(() => new Map((schedule.data?.tasks ?? []).map((s) => [s.taskId, s])), [schedule.data]);
  const baselineById = useMemo(() => (baseline.data ? new Map(baseline.data.tasks.map((b) => [b.taskId, b])) : null), [baseline.data]);
  const memberNames = useMemo(() => new Map((members.data?.items ?? []).map((m) => [m.userId, m.userName])), [members.data]);
  const today = toEpochDay(format.today());

  const ready = all !== undefined && schedule.data !== undefined && dependencies.data !== undefined;
  const marked = useRef(false);
  if (ready && !marked.current) {
    marked.current = true;
    performance.mark('gantt:data');
  }

  // The axis: the plan, its baseline and (when near) today.
  const span = useMemo(() => {
    if (!schedule.data) return null;
    let from = toEpochDay(schedule.data.projectStart);
    let to = toEpochDay(schedule.data.projectFinish);
    if (baseline.data) {
      from = Math.min(from, toEpochDay(baseline.data.projectStart));
      to = Math.max(to, toEpochDay(baseline.data.projectFinish));
    }
    if (today >= from - 60 && today <= to + 60) {
      from = Math.min(from, today);
      to = Math.max(to, today);
    }
    return { from, to };
  }, [schedule.data, baseline.data, today]);
  const scale = useMemo(() => (span ? buildScale(scaleKind, span.from, span.to) : null), [scaleKind, span]);
  const workingCalendar = calendar.data ?? mondayToFridayCalendar();
  const working = useMemo(() => (scale ? workingDays(scale, workingCalendar) : new Uint8Array(0)), [scale, workingCalendar]);

  const toggle = (id: string, fold?: boolean) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (fold ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  // Moves asked for while one is still on its way (keys pressed in quick succession) wait their turn: each is
  // worked out on the plan as the one before left it, with the task's new version.
  const queuedMoves = useRef<{ id: string; kind: MoveKind }[]>([]);
  const moving = mutations.moveTask.isPending;
  // Set at once (isPending shows on the next render): two keys handled before it must not both start a move.
  const inFlight = useRef(false);
  const runMove = (tasksNow: readonly TaskListItem[], task: TaskListItem, kind: MoveKind): boolean => {
    const target = moveFor(tasksNow, task, kind);
    if (!target) return false;
    // Indenting under a folded summary unfolds it, so that the task stays in view (and keeps the keyboard).
    if (target.parentId !== null && collapsed.has(target.parentId)) toggle(target.parentId, false);
    inFlight.current = true;
    mutations.moveTask.mutateAsync({ id: task.id, move: target }).catch(() => {
      queuedMoves.current = [];
    });
    return true;
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs the next queued move once the last one has settled and the plan is read again
  useEffect(() => {
    if (moving || !all) return;
    inFlight.current = false;
    for (let next = queuedMoves.current.shift(); next; next = queuedMoves.current.shift()) {
      const task = all.find((t) => t.id === next.id);
      if (task && runMove(all, task, next.kind)) return;
    }
  }, [moving, all]);

  // First view: today when the plan is running, else its start.
  const startFocus = span ? (today >= span.from && today <= span.to ? today : span.from) : null;
  useEffect(() => {
    if (startFocus !== null) setFocus((current) => (current.nonce === 0 ? { day: startFocus, nonce: 1 } : current));
  }, [startFocus]);

  if (tasks.isError) return <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  if (schedule.isError) return <QueryError error={schedule.error} onRetry={() => void schedule.refetch()} />;
  if (dependencies.isError) return <QueryError error={dependencies.error} onRetry={() => void dependencies.refetch()} />;
  if (!ready || !scale || !schedule.data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const byId = new Map(all.map((task) => [task.id, task]));
  const selected = selectedId ? byId.get(selectedId) : undefined;
  const quietly = (promise: Promise<unknown>) => promise.catch(() => undefined);

  const move = (task: TaskListItem, kind: MoveKind) => {
    if (moving || inFlight.current || queuedMoves.current.length > 0) queuedMoves.current.push({ id: task.id, kind });
    else runMove(all, task, kind);
  };

  const addBelow = (parent: TaskListItem | null, after: TaskListItem | null) =>
    setDrawer({ mode: 'create', parentId: parent?.id ?? null, afterId: after?.id ?? null });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = selected ? rows.findIndex((row) => row.id === selected.id) : -1;
    const select = (k: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, k))];
      if (row) setSelectedId(row.id);
    };
    const key = event.key;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault();
      if (selected && event.altKey && canEdit) move(selected, key === 'ArrowUp' ? 'up' : 'down');
      else select(at < 0 ? 0 : at + (key === 'ArrowDown' ? 1 : -1));
      return;
    }
    if (!selected) return;
    if (key === 'Escape') {
      // Nothing selected: Tab leaves the chart again.
      setSelectedId(null);
    } else if (key === 'Enter') {
      event.preventDefault();
      setDrawer({ mode: 'edit', taskId: selected.id });
    } else if ((key === 'ArrowLeft' || key === 'ArrowRight') && selected.isSummary) {
      event.preventDefault();
      toggle(selected.id, key === 'ArrowLeft');
    } else if (key === 'Tab' && canEdit) {
      event.preventDefault();
      move(selected, event.shiftKey ? 'outdent' : 'indent');
    } else if (key === 'Insert' && canEdit) {
      event.preventDefault();
      addBelow(byId.get(selected.parentId ?? '') ?? null, selected);
    }
  };

  const criticalCount = schedule.data.tasks.filter((s) => s.critical && !s.isSummary).length;

  return (
    <div className="gantt" data-testid="gantt">
      <GanttFigures
        projectStart={schedule.data.projectStart}
        projectFinish={schedule.data.projectFinish}
        criticalCount={criticalCount}
        taskCount={all.length}
      />
      <GanttToolbar
        canEdit={canEdit}
        selected={selected ?? null}
        canIndent={selected ? moveFor(all, selected, 'indent') !== null : false}
        canOutdent={selected ? moveFor(all, selected, 'outdent') !== null : false}
        canUp={selected ? moveFor(all, selected, 'up') !== null : false}
        canDown={selected ? moveFor(all, selected, 'down') !== null : false}
        scale={scaleKind}
        onScale={(kind) => {
          setScaleKind(kind);
          try {
            localStorage.setItem(SCALE_KEY, kind);
          } catch {
            // the choice then lasts this visit only
          }
        }}
        baselines={baselines.data?.items ?? []}
        baselineId={baselineId}
        onBaseline={setBaselineChoice}
        onAdd={() => addBelow(selected ? (byId.get(selected.parentId ?? '') ?? null) : null, selected ?? null)}
        onAddSubtask={() => selected && addBelow(selected, null)}
        onMove={(kind) => selected && move(selected, kind)}
        onExpandAll={() => setCollapsed(new Set())}
        onCollapseAll={() => setCollapsed(new Set(all.filter((task) => task.isSummary).map((task) => task.id)))}
        onToday={() => setFocus((current) => ({ day: today, nonce: current.nonce + 1 }))}
      />
      {notice && (
        <Alert
          type="error"
          showIcon
          closable
          title={notice.title ?? notice.text}
          description={notice.title ? notice.text : undefined}
          onClose={() => setNotice(null)}
          className="qd-block-gap"
          data-testid="gantt-notice"
        />
      )}
      {all.length === 0 ? (
        <Empty
          className="gantt-empty"
          description={
            <Flex vertical gap={4} align="center">
              <Typography.Text strong>{t('plan.gantt.emptyTitle')}</Typography.Text>
              <Typography.Text type="secondary">{canEdit ? t('plan.gantt.emptyText') : t('plan.gantt.emptyReadOnly')}</Typography.Text>
            </Flex>
          }
        >
          {canEdit && (
            <Button type="primary" onClick={() => addBelow(null, null)} data-testid="gantt-empty-add">
              {t('plan.gantt.addTask')}
            </Button>
          )}
        </Empty>
      ) : (
        <GanttBoard
          rows={rows}
          scale={scale}
          working={working}
          today={today}
          focus={focus}
          scheduleById={scheduleById}
          baselineById={baselineById}
          dependencies={dependencies.data}
          memberNames={memberNames}
          collapsed={collapsed}
          selectedId={selectedId}
          canEdit={canEdit}
          gridWidth={gridWidth}
          onGridWidth={(width) => setGridWidth(Math.max(300, Math.min(FULL_GRID_WIDTH + 200, width)))}
          onToggle={(id) => toggle(id)}
          onKeyDown={onKeyDown}
          onSelect={setSelectedId}
          onOpen={(id) => setDrawer({ mode: 'edit', taskId: id })}
          onMoveBar={(task, day) =>
            quietly(
              mutations.updateTask.mutateAsync({ id: task.id, patch: { startNoEarlierThan: fromEpochDay(day), version: task.version } }),
            )
          }
          onResize={(task, duration) =>
            quietly(mutations.updateTask.mutateAsync({ id: task.id, patch: { duration, version: task.version } }))
          }
          onLink={(from, to) =>
            mutations.createDependency
              .mutateAsync({ predecessorId: from.id, successorId: to.id, type: 'FS', lag: 0 })
              .then(() => setNotice(null))
              .catch((error: unknown) => setNotice(linkRefusal(t, error, from, to)))
          }
          onArrow={setEditingLink}
          onReorder={(id, targetId, after) => {
            const task = byId.get(id);
            const target = byId.get(targetId);
            const next = task && target ? dropMove(all, task, target, after) : null;
            if (task && next) void quietly(mutations.moveTask.mutateAsync({ id, move: next }));
          }}
        />
      )}
      <Flex justify="space-between" align="center" wrap gap={8} className="gantt-foot">
        <GanttLegend />
        <Typography.Text type="secondary" className="qd-small">
          {canEdit ? `${t('plan.gantt.dragHint')} ${t('plan.gantt.keyboardHint')}` : t('plan.gantt.readOnlyHint')}
        </Typography.Text>
      </Flex>
      <Deferred open={drawer !== null}>
        <TaskDrawer
          state={drawer}
          project={project}
          tasks={all}
          scheduleById={scheduleById}
          members={members.data?.items ?? []}
          canEdit={canEdit}
          mutations={mutations}
          onCreated={(id) => setSelectedId(id)}
          onClose={() => setDrawer(null)}
        />
      </Deferred>
      <Deferred open={editingLink !== null}>
        <DependencyModal
          dependency={editingLink ? (dependencies.data.find((d) => d.id === editingLink.id) ?? editingLink) : null}
          tasks={byId}
          mutations={mutations}
          onClose={() => setEditingLink(null)}
        />
      </Deferred>
    </div>
  );
}
