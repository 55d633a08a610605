import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckIn, Goal } from '../../../core/goals/schemas';
import { useMessage } from '../../app/feedback';
import { toMajor, toMinor } from '../../app/format';
import { useLocale } from '../../app/locale';
import { ConfirmDelete } from '../../components/confirm-delete';
import { type Column, DataTable } from '../../components/data-table';
import { DateText } from '../../components/date-text';
import { Panel } from '../../components/panel';
import { QueryError } from '../../components/query-error';
import { ISO } from './goal-draft';
import { useGoalFormat } from './goal-format';
import { useAddCheckIn, useCheckIns, useDeleteCheckIn, useUpdateCheckIn } from './use-goals';

type Values = { value: number | null; date: Dayjs; comment: string };

type Props = { goal: Goal; canEdit: boolean; ownerName: (userId: string) => string };

/** A custom goal's readings: each check-in is the value as of its date; add, correct or delete them. */
export function CheckInsPanel({ goal, canEdit, ownerName }: Props) {
  const { t } = useTranslation();
  const message = useMessage();
  const { format } = useLocale();
  const goalFormat = useGoalFormat();
  const checkIns = useCheckIns(goal.id);
  const add = useAddCheckIn(goal.projectId, goal.id);
  const update = useUpdateCheckIn(goal.projectId);
  const remove = useDeleteCheckIn(goal.projectId);
  const [editing, setEditing] = useState<CheckIn | null>(null);
  const [form] = Form.useForm<Values>();
  const fresh = (): Values => ({ value: null, date: dayjs(format.today(), ISO), comment: '' });
  const toValue = (major: number) => (goal.currency ? toMinor(major, goal.currency) : major);
  const fromValue = (value: number) => (goal.currency ? toMajor(value, goal.currency) : value);

  const startEdit = (checkIn: CheckIn) => {
    setEditing(checkIn);
    form.setFieldsValue({ value: fromValue(checkIn.value), date: dayjs(checkIn.date, ISO), comment: checkIn.comment });
  };
  const reset = () => {
    setEditing(null);
    form.setFieldsValue(fresh());
  };
  const submit = (values: Values) => {
    const body = { value: toValue(values.value ?? 0), date: values.date.format(ISO), comment: values.comment ?? '' };
    if (editing) {
      update.mutate(
        { id: editing.id, patch: { ...body, version: editing.version } },
        {
          onSuccess: () => {
            reset();
            message.success(t('goals.checkIns.updated'));
          },
        },
      );
    } else {
      add.mutate(body, {
        onSuccess: () => {
          reset();
          message.success(t('goals.checkIns.added'));
        },
      });
    }
  };

  const columns: Column<CheckIn>[] = [
    { key: 'date', title: t('goals.checkIns.date'), width: 130, render: (checkIn) => <DateText value={checkIn.date} /> },
    {
      key: 'value',
      title: t('goals.checkIns.value'),
      align: 'end',
      width: 140,
      render: (checkIn) => <span className="qd-number">{goalFormat.value(checkIn.value, goal)}</span>,
    },
    {
      key: 'comment',
      title: t('goals.checkIns.comment'),
      render: (checkIn) => <span className="qd-pre-wrap">{checkIn.comment || '—'}</span>,
    },
    {
      key: 'author',
      title: t('goals.checkIns.author'),
      from: 'md',
      render: (checkIn) => (checkIn.authorId ? ownerName(checkIn.authorId) : '—'),
    },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: t('app.actions'),
            width: 90,
            render: (checkIn: CheckIn) => (
              <Flex gap={4}>
                <Button
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('app.edit')}
                  title={t('app.edit')}
                  onClick={() => startEdit(checkIn)}
                  data-testid="check-in-edit"
                />
                <ConfirmDelete
                  title={t('goals.checkIns.deleteTitle')}
                  pending={remove.isPending}
                  onConfirm={() => remove.mutateAsync(checkIn).then(() => message.success(t('goals.checkIns.deleted')))}
                  look="text"
                  testId="check-in-delete"
                />
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Panel title={t('goals.checkIns.title')} testId="check-ins">
      <Typography.Paragraph type="secondary" className="qd-small">
        {t('goals.checkIns.help')}
      </Typography.Paragraph>
      {canEdit && (
        <Form<Values> form={form} layout="inline" initialValues={fresh()} onFinish={submit} className="qd-check-in-form">
          <Form.Item name="value" rules={[{ required: true, message: t('goals.checkIns.valueRequired') }]}>
            <InputNumber
              placeholder={t('goals.checkIns.value')}
              aria-label={t('goals.checkIns.value')}
              precision={goal.currency ? undefined : 2}
              data-testid="check-in-value"
            />
          </Form.Item>
          <Form.Item name="date">
            <DatePicker allowClear={false} aria-label={t('goals.checkIns.date')} data-testid="check-in-date" />
          </Form.Item>
          <Form.Item name="comment" className="qd-check-in-comment">
            <Input
              maxLength={2000}
              placeholder={t('goals.checkIns.comment')}
              aria-label={t('goals.checkIns.comment')}
              data-testid="check-in-comment"
            />
          </Form.Item>
          <Form.Item>
            <Flex gap={8}>
              <Button
                type="primary"
                htmlType="submit"
                icon={editing ? undefined : <PlusOutlined />}
                loading={add.isPending || update.isPending}
                data-testid="check-in-submit"
              >
                {editing ? t('app.save') : t('goals.checkIns.add')}
              </Button>
              {editing && <Button onClick={reset}>{t('app.cancel')}</Button>}
            </Flex>
          </Form.Item>
        </Form>
      )}
      {checkIns.isError ? (
        <QueryError error={checkIns.error} onRetry={() => void checkIns.refetch()} />
      ) : (
        <DataTable<CheckIn>
          rows={checkIns.data?.items ?? []}
          rowKey={(checkIn) => checkIn.id}
          columns={columns}
          loading={checkIns.isPending}
          size="small"
          rowTestId="check-in-row"
          empty={<Typography.Text type="secondary">{t('goals.checkIns.empty')}</Typography.Text>}
        />
      )}
    </Panel>
  );
}
