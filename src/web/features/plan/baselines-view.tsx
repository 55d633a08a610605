import { SaveOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Baseline } from '../../../core/baselines/schemas';
import type { Project } from '../../../core/projects/schemas';
import { useMessage } from '../../app/feedback';
import { useFormat } from '../../app/locale';
import { ConfirmDelete } from '../../components/confirm-delete';
import { type Column, DataTable } from '../../components/data-table';
import { DateTimeText } from '../../components/date-text';
import { QueryError } from '../../components/query-error';
import { useUsers } from '../workspace/use-workspace';
import { useDeleteBaseline, useSaveBaseline } from './baselines-data';
import { BaselineSaveModal } from './baselines-save-modal';
import { BaselineVarianceView } from './baselines-variance';
import { useBaselines } from './use-plan';

/** The plan's baselines: save the current schedule, choose one to compare, see the variance the server computes. */
export function BaselinesView({ project, canManage }: { project: Project; canManage: boolean }) {
  const { t } = useTranslation();
  const message = useMessage();
  const format = useFormat();
  const baselines = useBaselines(project.id);
  const users = useUsers();
  const save = useSaveBaseline(project.id);
  const remove = useDeleteBaseline(project.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (baselines.isError) return <QueryError error={baselines.error} onRetry={() => void baselines.refetch()} />;
  const items = baselines.data?.items ?? [];
  // The latest by default (the list is newest first); a deleted choice falls back to it too.
  const selected = items.find((b) => b.id === chosen) ?? items[0] ?? null;
  // Whoever saved it, member of the project or not (an admin may have); gone from the workspace: a dash.
  const nameOf = (userId: string | null) => users.data?.items.find((u) => u.id === userId)?.name ?? '—';

  const columns: Column<Baseline>[] = [
    {
      key: 'compare',
      title: t('plan.baselines.compare'),
      width: 72,
      align: 'center',
      render: (b) => (
        <Radio
          checked={b.id === selected?.id}
          onChange={() => setChosen(b.id)}
          aria-label={`${t('plan.baselines.compare')}: ${b.name}`}
          data-testid="baseline-compare"
        />
      ),
    },
    {
      key: 'name',
      title: t('plan.baselines.name'),
      render: (b) => (
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong={b.id === selected?.id} data-testid="baseline-name">
            {b.name}
          </Typography.Text>
          {b.id === selected?.id && <Tag color="blue">{t('plan.baselines.comparing')}</Tag>}
        </Flex>
      ),
    },
    { key: 'savedAt', title: t('plan.baselines.savedAt'), render: (b) => <DateTimeText value={b.createdAt} />, from: 'md' },
    { key: 'by', title: t('plan.baselines.by'), render: (b) => nameOf(b.createdBy), from: 'md' },
    {
      key: 'tasks',
      title: t('plan.baselines.taskCount'),
      align: 'end',
      width: 90,
      render: (b) => <span className="qd-number">{format.number(b.taskCount)}</span>,
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('app.actions'),
            width: 80,
            align: 'center' as const,
            render: (b: Baseline) => (
              // The row selects the baseline on click; deleting it must not.
              // biome-ignore lint/a11y/noStaticElementInteractions: only stops the click from reaching the row
              // biome-ignore lint/a11y/useKeyWithClickEvents: the button inside handles the keyboard
              <span onClick={(event) => event.stopPropagation()}>
                <ConfirmDelete
                  title={t('plan.baselines.deleteTitle', { name: b.name })}
                  text={<span className="qd-popconfirm-text">{t('plan.baselines.deleteText')}</span>}
                  pending={remove.isPending}
                  onConfirm={() => remove.mutateAsync(b).then(() => message.success(t('plan.baselines.deleted')))}
                  look="text"
                  testId="baseline-delete"
                />
              </span>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16} data-testid="baselines-view">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={5} className="qd-flush">
          {t('plan.baselines.title')}
        </Typography.Title>
        {canManage && (
          <Button type="primary" icon={<SaveOutlined />} onClick={() => setSaving(true)} data-testid="baseline-save">
            {t('plan.baselines.save')}
          </Button>
        )}
      </Flex>
      <DataTable<Baseline>
        rows={items}
        rowKey={(b) => b.id}
        columns={columns}
        loading={baselines.isPending}
        size="small"
        onRowClick={(b) => setChosen(b.id)}
        testId="baselines-table"
        rowTestId="baseline-row"
        empty={
          <Empty
            description={
              <Flex vertical gap={4} align="center">
                <Typography.Text strong>{t('plan.baselines.emptyTitle')}</Typography.Text>
                <Typography.Text type="secondary">
                  {canManage ? t('plan.baselines.emptyText') : t('plan.baselines.emptyTextReader')}
                </Typography.Text>
              </Flex>
            }
          />
        }
      />
      {selected && <BaselineVarianceView project={project} baseline={selected} />}
      <BaselineSaveModal
        open={saving}
        pending={save.isPending}
        onCancel={() => setSaving(false)}
        onSubmit={(name) =>
          save.mutate(
            { name },
            {
              onSuccess: (created) => {
                setSaving(false);
                setChosen(created.id);
                message.success(t('plan.baselines.saved'));
              },
            },
          )
        }
      />
    </Flex>
  );
}
