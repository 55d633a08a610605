import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../core/stages/schemas';
import { isAdmin, useCurrentUser } from '../../app/auth';
import { useMessage } from '../../app/feedback';
import { useFormat } from '../../app/locale';
import { type Column, DataTable } from '../../components/data-table';
import { QueryError } from '../../components/query-error';
import { useCreateStage, useDeleteStage, useStageDurations, useUpdateStage } from './stages-api';
import { StageFormModal } from './stages-form-modal';
import { useStages } from './use-deals';

const KIND_COLORS = { open: 'blue', won: 'green', lost: 'default' } as const;
type Editing = { mode: 'add' } | { mode: 'edit'; stage: Stage } | null;

/** Workspace settings → Deal stages: rename, reorder, default probability, add, remove (its deals moved); median time per stage. */
export function StagesTab() {
  const { t } = useTranslation();
  const message = useMessage();
  const format = useFormat();
  const me = useCurrentUser();
  const stages = useStages();
  const durations = useStageDurations();
  const create = useCreateStage();
  const update = useUpdateStage();
  const remove = useDeleteStage();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Stage | null>(null);
  const [moveTo, setMoveTo] = useState<string | undefined>();
  const canChange = isAdmin(me);

  if (stages.isError) return <QueryError error={stages.error} onRetry={() => void stages.refetch()} />;
  const items = stages.data?.items ?? [];
  const open = items.filter((stage) => stage.kind === 'open');
  const median = new Map((durations.data?.items ?? []).map((d) => [d.stage, d]));
  const move = (stage: Stage, by: -1 | 1) =>
    update.mutate({ id: stage.id, patch: { position: stage.position + by, version: stage.version } });
  const startRemoving = (stage: Stage) => {
    const index = open.findIndex((s) => s.id === stage.id);
    setMoveTo((open[index - 1] ?? open[index + 1])?.key);
    setRemoving(stage);
  };

  const columns: Column<Stage>[] = [
    {
      key: 'name',
      title: t('deals.stages.name'),
      render: (stage) => (
        <Flex vertical>
          <Typography.Text strong data-testid="stage-name-text">
            {stage.name}
          </Typography.Text>
          <Typography.Text type="secondary" className="qd-small">
            {t('deals.stages.key')}: {stage.key}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'kind',
      title: t('deals.stages.kind'),
      render: (stage) => <Tag color={KIND_COLORS[stage.kind]}>{t(`deals.stages.kinds.${stage.kind}`)}</Tag>,
      from: 'sm',
    },
    {
      key: 'probability',
      title: t('deals.stages.probability'),
      render: (stage) => <span className="qd-number">{format.number(stage.probability * 100, 1)}%</span>,
      align: 'end',
    },
    {
      key: 'median',
      title: t('deals.stages.median'),
      render: (stage) => {
        const d = median.get(stage.key);
        if (stage.kind !== 'open') return '—';
        return d && d.samples > 0 ? (
          <Flex vertical>
            <span className="qd-number">{t('deals.stages.medianValue', { days: format.number(d.medianDays, 1) })}</span>
            <Typography.Text type="secondary" className="qd-small">
              {t('deals.stages.samples', { count: d.samples })}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('deals.stages.noSamples')}</Typography.Text>
        );
      },
      from: 'md',
    },
    ...(canChange
      ? [
          {
            key: 'actions',
            title: t('app.actions'),
            width: 180,
            render: (stage: Stage) => {
              const index = open.findIndex((s) => s.id === stage.id);
              const isOpen = stage.kind === 'open';
              return (
                <Flex gap={2}>
                  <Button
                    type="text"
                    icon={<ArrowUpOutlined />}
                    aria-label={t('deals.stages.moveUp')}
                    title={t('deals.stages.moveUp')}
                    disabled={!isOpen || index === 0 || update.isPending}
                    onClick={() => move(stage, -1)}
                    data-testid="stage-up"
                  />
                  <Button
                    type="text"
                    icon={<ArrowDownOutlined />}
                    aria-label={t('deals.stages.moveDown')}
                    title={t('deals.stages.moveDown')}
                    disabled={!isOpen || index === open.length - 1 || update.isPending}
                    onClick={() => move(stage, 1)}
                    data-testid="stage-down"
                  />
                  <Button
                    type="text"
                    icon={<EditOutlined />}
                    aria-label={t('app.edit')}
                    title={t('app.edit')}
                    onClick={() => setEditing({ mode: 'edit', stage })}
                    data-testid="stage-edit"
                  />
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('app.remove')}
                    title={isOpen ? (open.length > 1 ? t('app.remove') : t('deals.stages.lastOpen')) : t('deals.stages.fixed')}
                    disabled={!isOpen || open.length <= 1}
                    onClick={() => startRemoving(stage)}
                    data-testid="stage-remove"
                  />
                </Flex>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <div data-testid="stages-tab">
      <Flex justify="space-between" align="center" gap={8} wrap className="qd-toolbar">
        <Typography.Text type="secondary" className="qd-stages-intro">
          {t('deals.stages.intro')}
        </Typography.Text>
        {canChange && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'add' })} data-testid="stage-add">
            {t('deals.stages.add')}
          </Button>
        )}
      </Flex>
      {!canChange && <Alert type="info" showIcon className="qd-block-gap" title={t('deals.stages.adminsOnly')} />}
      <DataTable<Stage>
        rows={items}
        rowKey={(stage) => stage.id}
        columns={columns}
        loading={stages.isPending}
        testId="stages-table"
        rowTestId="stage-row"
      />
      <StageFormModal
        open={editing !== null}
        stage={editing?.mode === 'edit' ? editing.stage : undefined}
        pending={create.isPending || update.isPending}
        onCancel={() => setEditing(null)}
        onSubmit={(values) => {
          if (editing?.mode === 'edit') {
            const current = items.find((s) => s.id === editing.stage.id) ?? editing.stage;
            const patch = current.kind === 'open' ? values : { name: values.name };
            update.mutate(
              { id: current.id, patch: { ...patch, version: current.version } },
              {
                onSuccess: () => {
                  setEditing(null);
                  message.success(t('deals.stages.saved'));
                },
              },
            );
          } else {
            create.mutate(values, {
              onSuccess: () => {
                setEditing(null);
                message.success(t('deals.stages.added'));
              },
            });
          }
        }}
      />
      <Modal
        open={removing !== null}
        title={removing ? t('deals.stages.removeTitle', { name: removing.name }) : ''}
        okText={t('app.remove')}
        cancelText={t('app.cancel')}
        okButtonProps={{ danger: true, loading: remove.isPending, disabled: !moveTo }}
        onCancel={() => setRemoving(null)}
        onOk={() => {
          if (!removing || !moveTo) return;
          const target = open.find((s) => s.key === moveTo);
          remove.mutate(
            { stage: removing, moveTo },
            {
              onSuccess: () => {
                setRemoving(null);
                message.success(t('deals.stages.removed', { name: target?.name ?? moveTo }));
              },
            },
          );
        }}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('deals.stages.removeText')}</Typography.Paragraph>
        <Typography.Text strong>{t('deals.stages.moveTo')}</Typography.Text>
        <Select
          className="qd-full-width"
          value={moveTo}
          onChange={setMoveTo}
          options={open.filter((s) => s.id !== removing?.id).map((s) => ({ value: s.key, label: s.name }))}
          data-testid="stage-move-to"
        />
      </Modal>
    </div>
  );
}
