import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Progress, Select, Tag, Tooltip, Typography, theme } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mondayToFridayCalendar } from '../../../core/calendar/calendar';
import { addCalendarDays } from '../../../core/calendar/civil-date';
import type { Project } from '../../../core/projects/schemas';
import type { TaskListItem } from '../../../core/tasks/schemas';
import type { TimeEntry } from '../../../core/time-entries/schemas';
import { useCurrentUser } from '../../app/auth';
import { useLocale } from '../../app/locale';
import { QueryError } from '../../components/query-error';
import { useMembers } from '../members/use-members';
import { TimeCell } from './time-cell';
import { useTimeMutations, useWeekEntries } from './time-data';
import { type DayKind, dayKind, mondayOf, sumHours, weekDates } from './time-week';
import { usePlanTasks, useProjectCalendar } from './use-plan';

/** The task column stays in view while a narrow screen scrolls the days sideways. */
const STICKY = { position: 'sticky', insetInlineStart: 0, zIndex: 1 } as const;

const civil = (date: string) => new Date(`${date}T00:00:00Z`);

/** A member's week of time on the project's tasks: Monday to Sunday, hours per task and day, totals against capacity. */
export function TimeWeekView({ project, canManage }: { project: Project; canManage: boolean }) {
  const { t } = useTranslation();
  const { locale, format } = useLocale();
  const { token } = theme.useToken();
  const me = useCurrentUser();
  const members = useMembers(project.id);
  const tasks = usePlanTasks(project.id);
  const calendarQuery = useProjectCalendar(project.calendarId);
  const calendar = project.calendarId === null ? mondayToFridayCalendar() : (calendarQuery.data ?? mondayToFridayCalendar());
  const dayNames = (project.calendarId === null ? undefined : calendarQuery.data?.dayNames) ?? {};
  const today = format.today();
  const [monday, setMonday] = useState(() => mondayOf(today));
  const [picked, setPicked] = useState<string | null>(null);
  const [extraRows, setExtraRows] = useState<Record<string, string[]>>({});
  const mutations = useTimeMutations(project.id);

  const memberList = members.data?.items ?? [];
  const mine = memberList.find((m) => m.userId === me.user.id);
  const userId = picked ?? (mine ? mine.userId : canManage ? (memberList[0]?.userId ?? null) : null);
  const member = memberList.find((m) => m.userId === userId);
  const days = weekDates(monday);
  const entries = useWeekEntries(project.id, userId, days[0], days[6]);
  const editable = userId !== null && (canManage || (userId === me.user.id && mine !== undefined && mine.role !== 'viewer'));

  const taskList = tasks.data ?? [];
  const byCell = useMemo(() => {
    const map = new Map<string, TimeEntry[]>();
    for (const entry of entries.data?.items ?? []) {
      const key = `${entry.taskId}|${entry.date}`;
      map.set(key, [...(map.get(key) ?? []), entry]);
    }
    return map;
  }, [entries.data]);
  // Rows added by hand stay for the member while the weeks change (until the page is left).
  const rowKey = userId ?? '';
  const rows: TaskListItem[] = useMemo(() => {
    const withTime = new Set((entries.data?.items ?? []).map((e) => e.taskId));
    const added = new Set(extraRows[rowKey] ?? []);
    return taskList.filter(
      (task) => withTime.has(task.id) || added.has(task.id) || (!task.isSummary && userId !== null && task.assigneeIds.includes(userId)),
    );
  }, [taskList, entries.data, extraRows, rowKey, userId]);
  const addable = taskList.filter((task) => !task.isSummary && !rows.some((row) => row.id === task.id));

  if (members.isError) return <QueryError error={members.error} onRetry={() => void members.refetch()} />;
  if (tasks.isError) return <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  if (entries.isError) return <QueryError error={entries.error} onRetry={() => void entries.refetch()} />;
  if (members.isSuccess && userId === null) {
    return <Alert type="info" showIcon title={t('plan.time.notMember')} data-testid="time-not-member" />;
  }

  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const monthDay = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
  const kinds: DayKind[] = days.map((d) => dayKind(calendar, d));
  const shadeOf = (kind: DayKind) => (kind === 'off' || kind === 'holiday' ? token.colorFillTertiary : undefined);
  const cellsOf = (taskId: string, date: string) => byCell.get(`${taskId}|${date}`) ?? [];
  const dayTotals = days.map((d) => sumHours((entries.data?.items ?? []).filter((e) => e.date === d).map((e) => e.hours)));
  const weekTotal = sumHours(dayTotals);
  const capacity = member?.capacityHoursPerWeek ?? 0;
  const over = capacity > 0 && weekTotal > capacity;

  const setHours = async (taskId: string, date: string, hours: number) => {
    const [first, ...rest] = cellsOf(taskId, date);
    if (!first) {
      if (hours > 0 && userId) await mutations.create.mutateAsync({ taskId, body: { userId, date, hours, note: '' } });
      return;
    }
    // Several entries on one day: the new value replaces them with one (the first keeps its note).
    for (const entry of rest) await mutations.remove.mutateAsync(entry);
    if (hours === 0) await mutations.remove.mutateAsync(first);
    else if (hours !== first.hours) await mutations.update.mutateAsync({ id: first.id, patch: { hours, version: first.version } });
  };
  const setNote = (entry: TimeEntry, note: string) =>
    mutations.update.mutateAsync({ id: entry.id, patch: { note, version: entry.version } });

  const memberOptions = memberList.map((m) => ({
    value: m.userId,
    label: m.userId === me.user.id ? t('plan.time.you', { name: m.userName }) : m.userName,
  }));

  const dayHeader = (date: string, i: number) => {
    const kind = kinds[i];
    const name = dayNames[date];
    const tip =
      kind === 'holiday'
        ? t('plan.time.holiday', { name: name ?? t('plan.time.nonWorking') })
        : kind === 'makeUp'
          ? name
            ? t('plan.time.makeUpNamed', { name })
            : t('plan.time.makeUp')
          : kind === 'off'
            ? t('plan.time.nonWorking')
            : undefined;
    return (
      <th
        key={date}
        scope="col"
        className="qd-align-center"
        style={{ background: shadeOf(kind), width: 92, whiteSpace: 'nowrap' }}
        data-testid="time-day"
        data-kind={kind}
      >
        <Tooltip title={tip}>
          <Flex vertical align="center" gap={0}>
            <span style={{ color: date === today ? token.colorPrimary : undefined }}>{weekday.format(civil(date))}</span>
            <span className="qd-small" style={{ color: date === today ? token.colorPrimary : token.colorTextSecondary, fontWeight: 400 }}>
              {monthDay.format(civil(date))}
            </span>
            {kind === 'holiday' && (
              <span
                className="qd-small"
                style={{
                  color: token.colorError,
                  fontWeight: 400,
                  display: 'block',
                  maxWidth: 84,
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                }}
                data-testid="time-day-holiday"
              >
                {name ?? t('plan.time.nonWorking')}
              </span>
            )}
            {kind === 'makeUp' && (
              <Tag color="orange" style={{ marginInlineEnd: 0, fontWeight: 400 }}>
                {t('plan.time.makeUpShort')}
              </Tag>
            )}
          </Flex>
        </Tooltip>
      </th>
    );
  };

  return (
    <Flex vertical gap={12} data-testid="time-week-view">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex align="center" gap={8} wrap>
          <Typography.Text type="secondary">{t('plan.time.member')}</Typography.Text>
          <Select
            value={userId ?? undefined}
            onChange={setPicked}
            options={memberOptions}
            disabled={!canManage}
            loading={members.isPending}
            style={{ minWidth: 180 }}
            popupMatchSelectWidth={false}
            aria-label={t('plan.time.member')}
            data-testid="time-member"
          />
        </Flex>
        <Flex align="center" gap={4} wrap>
          <Button
            icon={<LeftOutlined />}
            onClick={() => setMonday(addCalendarDays(monday, -7))}
            aria-label={t('plan.time.previousWeek')}
            title={t('plan.time.previousWeek')}
            data-testid="time-prev"
          />
          <Button onClick={() => setMonday(mondayOf(today))} disabled={monday === mondayOf(today)} data-testid="time-this-week">
            {t('plan.time.thisWeek')}
          </Button>
          <Button
            icon={<RightOutlined />}
            onClick={() => setMonday(addCalendarDays(monday, 7))}
            aria-label={t('plan.time.nextWeek')}
            title={t('plan.time.nextWeek')}
            data-testid="time-next"
          />
          <Typography.Text strong style={{ marginInlineStart: 8 }} data-testid="time-week-label">
            {t('plan.time.week', { from: format.date(days[0]), to: format.date(days[6]) })}
          </Typography.Text>
        </Flex>
      </Flex>
      {!editable && userId !== null && <Alert type="info" showIcon title={t('plan.time.readOnly')} />}
      <div className="qd-table-wrap qd-table-small" aria-busy={entries.isFetching || undefined}>
        <div className="qd-table-scroll">
          <table className="qd-table" data-testid="time-grid">
            <thead>
              <tr>
                <th scope="col" style={{ ...STICKY, minWidth: 220 }}>
                  {t('plan.time.task')}
                </th>
                {days.map(dayHeader)}
                <th scope="col" className="qd-align-end" style={{ width: 72 }}>
                  {t('plan.time.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((task) => {
                const total = sumHours(days.flatMap((d) => cellsOf(task.id, d).map((e) => e.hours)));
                return (
                  <tr key={task.id} data-testid="time-row" data-task-id={task.id}>
                    <th scope="row" style={{ ...STICKY, fontWeight: 400 }}>
                      <Flex gap={6} align="center">
                        <Typography.Text type="secondary" className="qd-number">
                          {task.wbs}
                        </Typography.Text>
                        <Typography.Text ellipsis={{ tooltip: task.title }} style={{ maxWidth: 260 }} data-testid="time-row-title">
                          {task.title}
                        </Typography.Text>
                        {task.status === 'done' && <Tag style={{ marginInlineEnd: 0 }}>{t('plan.time.doneTag')}</Tag>}
                      </Flex>
                    </th>
                    {days.map((date, i) => (
                      <td key={date} className="qd-align-center" style={{ background: shadeOf(kinds[i]), padding: '4px 4px' }}>
                        <TimeCell
                          entries={cellsOf(task.id, date)}
                          label={t('plan.time.cellLabel', { task: task.title, date: format.date(date) })}
                          editable={editable}
                          onHours={(hours) => setHours(task.id, date, hours)}
                          onNote={setNote}
                          testId="time-cell"
                        />
                      </td>
                    ))}
                    <td className="qd-align-end qd-number" data-testid="time-row-total">
                      {total === 0 ? '' : format.number(total, 2)}
                    </td>
                  </tr>
                );
              })}
              {rows.length === 0 && !tasks.isPending && (
                <tr className="qd-table-empty">
                  <td colSpan={9}>
                    <Empty
                      description={
                        <Flex vertical gap={4} align="center">
                          <Typography.Text strong>{t('plan.time.emptyTitle', { name: member?.userName ?? '' })}</Typography.Text>
                          <Typography.Text type="secondary">{t('plan.time.emptyText')}</Typography.Text>
                        </Flex>
                      }
                    />
                  </td>
                </tr>
              )}
            </tbody>
            <tfoot>
              <tr style={{ fontWeight: 600 }}>
                <th scope="row" style={STICKY}>
                  {t('plan.time.dayTotal')}
                </th>
                {dayTotals.map((total, i) => (
                  <td
                    key={days[i]}
                    className="qd-align-center qd-number"
                    style={{ background: shadeOf(kinds[i]), color: total > 24 ? token.colorError : undefined }}
                    data-testid="time-day-total"
                  >
                    {total === 0 ? '–' : format.number(total, 2)}
                  </td>
                ))}
                <td className="qd-align-end qd-number" data-testid="time-week-total" data-hours={weekTotal}>
                  {format.number(weekTotal, 2)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </div>
      <Flex justify="space-between" align="center" gap={16} wrap>
        {editable ? (
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            value={null}
            placeholder={
              <span>
                <PlusOutlined /> {t('plan.time.addRow')}
              </span>
            }
            options={addable.map((task) => ({ value: task.id, label: `${task.wbs} ${task.title}` }))}
            onChange={(taskId: string | null) => {
              if (taskId) setExtraRows((current) => ({ ...current, [rowKey]: [...(current[rowKey] ?? []), taskId] }));
            }}
            style={{ minWidth: 300 }}
            popupMatchSelectWidth={false}
            aria-label={t('plan.time.addRow')}
            data-testid="time-add-row"
          />
        ) : (
          <span />
        )}
        <Flex align="center" gap={12} style={{ minWidth: 320 }}>
          <Typography.Text strong data-testid="time-capacity">
            {t('plan.time.weekTotal', { hours: format.number(weekTotal, 2), capacity: format.number(capacity, 1) })}
          </Typography.Text>
          {capacity > 0 && (
            <Progress
              percent={Math.min(100, (weekTotal / capacity) * 100)}
              showInfo={false}
              size="small"
              status={over ? 'exception' : 'normal'}
              style={{ width: 120, margin: 0 }}
            />
          )}
          {over && (
            <Typography.Text type="danger">
              {t('plan.time.overCapacity', { hours: format.number(sumHours([weekTotal, -capacity]), 2) })}
            </Typography.Text>
          )}
        </Flex>
      </Flex>
      {editable && (
        <Typography.Text type="secondary" className="qd-small">
          {t('plan.time.hint')}
        </Typography.Text>
      )}
    </Flex>
  );
}
