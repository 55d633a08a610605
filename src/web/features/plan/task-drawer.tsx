import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select, Slider, Switch, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../core/members/schemas';
import type { Project } from '../../../core/projects/schemas';
import {
  MAX_TASK_DURATION,
  type ScheduledTaskView,
  type TaskListItem,
  type TaskPatch,
  TaskPhase,
  TaskPriority,
  TaskStatus,
} from '../../../core/tasks/schemas';
import { isApiError } from '../../app/api';
import { applyDayjsLocale } from '../../app/dayjs-locale';
import { useMessage } from '../../app/feedback';
import { minorDigits, toMajor, toMinor } from '../../app/format';
import { useLocale } from '../../app/locale';
import { ConfirmDelete } from '../../components/confirm-delete';
import { descendantCount, siblingsOf } from './gantt-rows';
import type { PlanMutations } from './use-plan';

export type DrawerState = { mode: 'create'; parentId: string | null; afterId: string | null } | { mode: 'edit'; taskId: string };

type Values = {
  title: string;
  assigneeIds: string[];
  priority: TaskPriority;
  status: TaskStatus;
  phase: TaskPhase;
  milestone: boolean;
  duration: number | null;
  startNoEarlierThan: Dayjs | null;
  estimateHours: number | null;
  plannedCost: number | null;
  percentComplete: number;
  checklist: { id?: string; text: string; done: boolean }[];
  description: string;
};

type Props = {
  state: DrawerState | null;
  project: Project;
  tasks: TaskListItem[];
  scheduleById: ReadonlyMap<string, ScheduledTaskView>;
  members: Member[];
  canEdit: boolean;
  mutations: PlanMutations;
  onCreated: (id: string) => void;
  onClose: () => void;
};

const ISO = 'YYYY-MM-DD';

function valuesOf(task: TaskListItem | undefined, parent: TaskListItem | undefined, currency: string): Values {
  return {
    title: task?.title ?? '',
    assigneeIds: task?.assigneeIds ?? [],
    priority: task?.priority ?? 'medium',
    status: task?.status ?? 'todo',
    phase: task?.phase ?? parent?.phase ?? 'execution',
    milestone: task ? task.duration === 0 && !task.isSummary : false,
    duration: task ? task.duration : 1,
    startNoEarlierThan: task?.startNoEarlierThan ? dayjs(task.startNoEarlierThan, ISO) : null,
    estimateHours: task?.estimateHours ?? null,
    plannedCost: toMajor(task?.plannedCost ?? 0, currency),
    percentComplete: task?.percentComplete ?? 0,
    checklist: task?.checklist.map((item) => ({ ...item })) ?? [],
    description: task?.description ?? '',
  };
}

/** Every field of a task (SPEC §4.1), to add one or to change or delete it; a summary shows what it rolls up. */
export function TaskDrawer({ state, project, tasks, scheduleById, members, canEdit, mutations, onCreated, onClose }: Props) {
  const { t } = useTranslation();
  const { locale, format } = useLocale();
  applyDayjsLocale(locale);
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const [stale, setStale] = useState(false);
  const [newItem, setNewItem] = useState('');
  const milestone = Form.useWatch('milestone', form);
  const checklist = Form.useWatch('checklist', form) ?? [];

  const task = state?.mode === 'edit' ? tasks.find((candidate) => candidate.id === state.taskId) : undefined;
  const parentId = state?.mode === 'create' ? state.parentId : (task?.parentId ?? null);
  const parent = parentId ? tasks.find((candidate) => candidate.id === parentId) : undefined;
  const summary = task?.isSummary ?? false;
  const scheduled = task ? scheduleById.get(task.id) : undefined;
  const currency = project.currency;
  const digits = minorDigits(currency);
  const pending = mutations.createTask.isPending || mutations.updateTask.isPending || mutations.deleteTask.isPending;

  // Another task (or a new one) in the open drawer: its own values. A refetch of the same task keeps what was typed.
  const formKey = state === null ? '' : state.mode === 'edit' ? state.taskId : `new ${state.parentId} ${state.afterId}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the task shown changes, not when its data is refetched
  useEffect(() => {
    form.resetFields();
    setStale(false);
  }, [formKey]);

  const close = () => {
    setStale(false);
    onClose();
  };

  const submit = async (values: Values) => {
    const common = {
      title: values.title,
      description: values.description ?? '',
      assigneeIds: values.assigneeIds ?? [],
      priority: values.priority,
      status: values.status,
      phase: values.phase,
      startNoEarlierThan: values.startNoEarlierThan ? values.startNoEarlierThan.format(ISO) : null,
      checklist: (values.checklist ?? []).map((item) => ({ id: item.id, text: item.text, done: item.done })),
    };
    const leaf = {
      duration: values.milestone ? 0 : Math.max(1, values.duration ?? 1),
      estimateHours: values.estimateHours ?? null,
      plannedCost: toMinor(values.plannedCost ?? 0, currency),
      // Only a changed percentage is sent: marking a task done without one makes it 100 %.
      ...(form.isFieldTouched('percentComplete') ? { percentComplete: values.percentComplete } : {}),
    };
    try {
      if (state?.mode === 'create') {
        const created = await mutations.createTask.mutateAsync({ ...common, ...leaf, parentId: state.parentId });
        const siblings = siblingsOf(tasks, state.parentId);
        const after = state.afterId ? siblings.findIndex((sibling) => sibling.id === state.afterId) : -1;
        if (after >= 0 && after < siblings.length - 1) {
          await mutations.moveTask.mutateAsync({
            id: created.id,
            move: { parentId: state.parentId, index: after + 1, version: created.version },
          });
        }
        message.success(t('plan.task.created'));
        onCreated(created.id);
      } else if (task) {
        const patch: TaskPatch = { ...common, ...(summary ? {} : leaf), version: task.version };
        await mutations.updateTask.mutateAsync({ id: task.id, patch });
        message.success(t('plan.task.updated'));
      }
      close();
    } catch (error) {
      // A stale version: the plan has been read again; the form keeps what was typed, to be saved on the new version.
      if (isApiError(error) && error.isStale) setStale(true);
    }
  };

  const remove = async () => {
    if (!task) return;
    try {
      await mutations.deleteTask.mutateAsync({ id: task.id, version: task.version });
      message.success(t('plan.task.deleted'));
      close();
    } catch (error) {
      if (isApiError(error) && error.isStale) setStale(true);
    }
  };

  const title =
    state?.mode === 'create'
      ? parent
        ? t('plan.task.createSubtaskTitle', { parent: parent.title })
        : t('plan.task.createTitle')
      : t('plan.task.editTitle', { wbs: task?.wbs ?? '' });
  const memberOptions = members.map((member) => ({ value: member.userId, label: member.userName }));
  const doneCount = checklist.filter((item) => item?.done).length;

  return (
    <Drawer
      open={state !== null}
      onClose={close}
      title={title}
      size={560}
      destroyOnHidden
      data-testid="task-drawer"
      extra={
        task &&
        scheduled && (
          <Flex gap={4} align="center">
            {scheduled.critical && <Tag color="red">{t('plan.task.criticalTag')}</Tag>}
          </Flex>
        )
      }
      footer={
        canEdit && (
          <Flex justify="space-between" gap={8}>
            {task ? (
              <ConfirmDelete
                title={t('plan.task.deleteTitle', { title: task.title })}
                text={
                  <div className="gantt-confirm-text">
                    {summary ? t('plan.task.deleteSummaryText', { count: descendantCount(tasks, task.id) }) : t('plan.task.deleteText')}
                  </div>
                }
                pending={mutations.deleteTask.isPending}
                onConfirm={remove}
                testId="task-delete"
              />
            ) : (
              <span />
            )}
            <Flex gap={8}>
              <Button onClick={close}>{t('app.cancel')}</Button>
              <Button type="primary" loading={pending} onClick={() => form.submit()} data-testid="task-submit">
                {task ? t('app.save') : t('app.create')}
              </Button>
            </Flex>
          </Flex>
        )
      }
    >
      {stale && <Alert type="warning" showIcon title={t('plan.task.staleKept')} className="qd-block-gap" data-testid="task-stale" />}
      {task && scheduled && (
        <div className="gantt-drawer-schedule" data-testid="task-schedule">
          <Typography.Text type="secondary">{t('plan.task.schedule')}</Typography.Text>
          <div>
            {t('plan.task.scheduledDates', { start: format.date(scheduled.startDate), finish: format.date(scheduled.finishDate) })}
            {' · '}
            {t('plan.task.totalFloat', { count: scheduled.totalFloat })}
          </div>
          {summary && task.rollup && (
            <div className="qd-small">
              {t('plan.task.rollup', {
                duration: task.rollup.duration,
                hours: format.number(task.rollup.estimateHours, 1),
                cost: format.money(task.rollup.plannedCost, currency),
                percent: format.number(task.rollup.percentComplete, 1),
              })}
              <div>{t('plan.task.summaryNote', { count: task.rollup.leafCount })}</div>
            </div>
          )}
        </div>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!canEdit}
        initialValues={valuesOf(task, parent, currency)}
        onFinish={submit}
        requiredMark={false}
      >
        <Form.Item
          name="title"
          label={t('plan.task.title')}
          rules={[{ required: true, whitespace: true, message: t('plan.task.titleRequired') }]}
        >
          <Input
            maxLength={300}
            placeholder={t('plan.task.titlePlaceholder')}
            autoFocus={state?.mode === 'create'}
            data-testid="task-title"
          />
        </Form.Item>
        <Form.Item name="assigneeIds" label={t('plan.task.assignees')}>
          <Select
            mode="multiple"
            options={memberOptions}
            placeholder={t('plan.task.assigneesPlaceholder')}
            optionFilterProp="label"
            data-testid="task-assignees"
          />
        </Form.Item>
        <div className="gantt-form-grid">
          <Form.Item name="status" label={t('plan.task.status')}>
            <Select
              options={TaskStatus.options.map((value) => ({ value, label: t(`plan.task.statuses.${value}`) }))}
              data-testid="task-status"
            />
          </Form.Item>
          <Form.Item name="priority" label={t('plan.task.priority')}>
            <Select
              options={TaskPriority.options.map((value) => ({ value, label: t(`plan.task.priorities.${value}`) }))}
              data-testid="task-priority"
            />
          </Form.Item>
          <Form.Item name="phase" label={t('plan.task.phase')}>
            <Select
              options={TaskPhase.options.map((value) => ({ value, label: t(`plan.task.phases.${value}`) }))}
              data-testid="task-phase"
            />
          </Form.Item>
        </div>
        {!summary && (
          <div className="gantt-form-grid">
            <Form.Item name="milestone" label={t('plan.task.milestone')} valuePropName="checked" tooltip={t('plan.task.milestoneHint')}>
              <Switch data-testid="task-milestone" />
            </Form.Item>
            <Form.Item name="duration" label={t('plan.task.duration')}>
              <InputNumber
                min={1}
                max={MAX_TASK_DURATION}
                precision={0}
                disabled={!canEdit || milestone}
                suffix={t('plan.task.durationUnit')}
                className="qd-full-width"
                data-testid="task-duration"
              />
            </Form.Item>
          </div>
        )}
        <Form.Item name="startNoEarlierThan" label={t('plan.task.startNoEarlierThan')} extra={t('plan.task.startNoEarlierThanHint')}>
          <DatePicker className="qd-full-width" data-testid="task-snet" />
        </Form.Item>
        {!summary && (
          <>
            <div className="gantt-form-grid">
              <Form.Item name="estimateHours" label={t('plan.task.estimateHours')}>
                <InputNumber
                  min={0}
                  max={1_000_000}
                  step={1}
                  suffix={t('plan.task.hoursUnit')}
                  className="qd-full-width"
                  data-testid="task-estimate"
                />
              </Form.Item>
              <Form.Item name="plannedCost" label={`${t('plan.task.plannedCost')} (${currency})`}>
                <InputNumber
                  min={0}
                  step={digits > 0 ? 100 : 1000}
                  precision={digits}
                  prefix={format.currencySymbol(currency)}
                  className="qd-full-width"
                  data-testid="task-cost"
                />
              </Form.Item>
            </div>
            <Form.Item name="percentComplete" label={t('plan.task.percentComplete')}>
              <Slider min={0} max={100} step={5} marks={{ 0: '0%', 50: '50%', 100: '100%' }} data-testid="task-percent" />
            </Form.Item>
          </>
        )}
        <Form.Item
          label={`${t('plan.task.checklist')}${checklist.length ? ` · ${t('plan.task.checklistCount', { done: doneCount, total: checklist.length })}` : ''}`}
        >
          <Form.List name="checklist">
            {(fields, { add, remove: removeItem }) => (
              <Flex vertical gap={6} data-testid="task-checklist">
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="center">
                    <Form.Item name={[field.name, 'done']} valuePropName="checked" noStyle>
                      <Checkbox data-testid="task-checklist-done" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'text']} noStyle rules={[{ required: true, whitespace: true }]}>
                      <Input maxLength={500} variant="borderless" className="gantt-checklist-text" />
                    </Form.Item>
                    <Button
                      type="text"
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('plan.task.checklistRemove')}
                      title={t('plan.task.checklistRemove')}
                      onClick={() => removeItem(field.name)}
                    />
                  </Flex>
                ))}
                {canEdit && (
                  <Flex gap={8}>
                    <Input
                      value={newItem}
                      maxLength={500}
                      placeholder={t('plan.task.checklistPlaceholder')}
                      onChange={(event) => setNewItem(event.target.value)}
                      onPressEnter={(event) => {
                        event.preventDefault();
                        if (newItem.trim()) add({ text: newItem.trim(), done: false });
                        setNewItem('');
                      }}
                      data-testid="task-checklist-new"
                    />
                    <Button
                      icon={<PlusOutlined />}
                      disabled={!newItem.trim()}
                      onClick={() => {
                        add({ text: newItem.trim(), done: false });
                        setNewItem('');
                      }}
                    >
                      {t('plan.task.checklistAdd')}
                    </Button>
                  </Flex>
                )}
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="description" label={t('plan.task.description')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20_000} data-testid="task-description" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
