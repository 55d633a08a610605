import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Checkbox, Flex, InputNumber, Modal, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalCreate, GoalNode } from '../../../core/goals/schemas';
import type { Member } from '../../../core/members/schemas';
import { minorDigits, toMajor, toMinor } from '../../app/format';
import { useFormat } from '../../app/locale';
import { ModalFooter } from '../../components/modal-footer';
import { groupedNumber, useGoalFormat } from './goal-format';
import { type QuotaRow, quotaBodies, remainingOf, spreadEvenly } from './split-quotas';
import { useAccountRegions } from './use-goals';

type Props = {
  open: boolean;
  goal: GoalNode;
  /** The goal's children already there (a member or region with a quota starts unticked). */
  existing: readonly GoalNode[];
  members: readonly Member[];
  pending: boolean;
  onSubmit: (bodies: GoalCreate[]) => void;
  onCancel: () => void;
};

type Mode = 'member' | 'region';

function memberRows(members: readonly Member[], children: readonly GoalNode[]): QuotaRow[] {
  const taken = new Set(children.map((child) => child.ownerId));
  return members.map((member) => ({
    key: member.userId,
    include: !taken.has(member.userId),
    name: member.userName,
    ownerId: member.userId,
    region: null,
    target: 0,
  }));
}

function regionRows(regions: readonly string[], children: readonly GoalNode[]): QuotaRow[] {
  const taken = new Set(children.map((child) => child.region));
  const names = regions.length ? regions : [''];
  return names.map((name, index) => ({ key: `r${index}`, include: !taken.has(name), name, ownerId: null, region: name, target: 0 }));
}

/** Splits a goal into one sub-goal per member (their quota) or per region; targets start even and stay editable. */
export function SplitQuotasModal(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={props.open}
      title={t('goals.splitTitle', { title: props.goal.title })}
      onCancel={props.onCancel}
      destroyOnHidden
      width={720}
      footer={null}
    >
      <SplitBody {...props} />
    </Modal>
  );
}

function SplitBody({ goal, existing, members, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const goalFormat = useGoalFormat();
  const regions = useAccountRegions().data ?? [];
  const [mode, setMode] = useState<Mode>('member');
  const [rows, setRows] = useState<QuotaRow[]>(() => spreadEvenly(goal, memberRows(members, existing)));
  const remaining = remainingOf(goal, rows);
  const included = rows.filter((row) => row.include);
  const incomplete = included.length === 0 || (mode === 'region' && included.some((row) => !row.name.trim()));
  const digits = goal.currency ? minorDigits(goal.currency) : Number.isInteger(goal.target) ? 0 : 2;
  const toShown = (value: number) => (goal.currency ? toMajor(value, goal.currency) : value);
  const fromShown = (value: number) => (goal.currency ? toMinor(value, goal.currency) : value);
  const memberOptions = members.map((member) => ({ value: member.userId, label: member.userName }));

  const change = (key: string, patch: Partial<QuotaRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const switchMode = (next: Mode) => {
    setMode(next);
    setRows(spreadEvenly(goal, next === 'member' ? memberRows(members, existing) : regionRows(regions, existing)));
  };
  const addRegion = () =>
    setRows((current) => [...current, { key: `r${Date.now()}`, include: true, name: '', ownerId: null, region: '', target: 0 }]);

  const submit = () =>
    onSubmit(
      quotaBodies(
        goal,
        rows.map((row) => (mode === 'region' ? { ...row, region: row.name.trim() } : row)),
        (name) => t('goals.quotaTitle', { goal: goal.title, name }),
      ),
    );

  return (
    <div className="qd-split" data-testid="split-quotas">
      <Typography.Paragraph type="secondary">{t('goals.splitHelp')}</Typography.Paragraph>
      <Flex justify="space-between" align="center" gap={8} wrap className="qd-block-gap">
        <Segmented<Mode>
          value={mode}
          onChange={switchMode}
          options={[
            { value: 'member', label: t('goals.splitByMember') },
            { value: 'region', label: t('goals.splitByRegion') },
          ]}
          data-testid="split-mode"
        />
        <Button onClick={() => setRows((current) => spreadEvenly(goal, current))} data-testid="split-even">
          {t('goals.splitEven')}
        </Button>
      </Flex>
      {mode === 'region' && <Alert type="info" showIcon className="qd-block-gap" title={t('goals.splitRegionHelp')} />}
      {mode === 'member' && members.length === 0 && (
        <Alert type="warning" showIcon className="qd-block-gap" title={t('goals.splitNoMembers')} />
      )}
      <table className="qd-mini-table qd-split-table">
        <thead>
          <tr>
            <th scope="col">{t('goals.splitInclude')}</th>
            <th scope="col">{mode === 'member' ? t('goals.splitByMember') : t('goals.splitRegionName')}</th>
            {mode === 'region' && <th scope="col">{t('goals.fields.owner')}</th>}
            <th scope="col" className="qd-align-end">
              {t('goals.fields.target')}
            </th>
            {mode === 'region' && <th aria-label={t('app.actions')} />}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid="split-row">
              <td>
                <Checkbox
                  checked={row.include}
                  onChange={(event) => change(row.key, { include: event.target.checked })}
                  aria-label={t('goals.splitInclude')}
                  data-testid="split-include"
                />
              </td>
              <td>
                {mode === 'member' ? (
                  row.name
                ) : (
                  <AutoComplete
                    value={row.name}
                    options={regions.map((region) => ({ value: region }))}
                    onChange={(value: string) => change(row.key, { name: value })}
                    placeholder={t('goals.splitRegionPlaceholder')}
                    className="qd-split-region"
                    data-testid="split-region"
                  />
                )}
              </td>
              {mode === 'region' && (
                <td>
                  <Select
                    allowClear
                    value={row.ownerId ?? undefined}
                    options={memberOptions}
                    placeholder={t('goals.splitAnyOwner')}
                    onChange={(value?: string) => change(row.key, { ownerId: value ?? null })}
                    className="qd-split-owner"
                    data-testid="split-owner"
                  />
                </td>
              )}
              <td className="qd-align-end">
                <InputNumber
                  min={0}
                  precision={digits}
                  {...groupedNumber}
                  disabled={!row.include}
                  value={toShown(row.target)}
                  prefix={goal.currency ? format.currencySymbol(goal.currency) : undefined}
                  onChange={(value) => change(row.key, { target: fromShown(value ?? 0) })}
                  className="qd-split-target"
                  aria-label={t('goals.fields.target')}
                  data-testid="split-target"
                />
              </td>
              {mode === 'region' && (
                <td>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('app.remove')}
                    title={t('app.remove')}
                    onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {mode === 'region' && (
        <Button type="dashed" icon={<PlusOutlined />} onClick={addRegion} className="qd-split-add" data-testid="split-add-region">
          {t('goals.splitAddRegion')}
        </Button>
      )}
      <Flex vertical gap={2} className="qd-split-summary" data-testid="split-remaining" data-remaining={remaining}>
        <Typography.Text>{t('goals.splitSum', { sum: goalFormat.value(goal.target - remaining, goal) })}</Typography.Text>
        {remaining === 0 ? (
          <Typography.Text type="success">{t('goals.splitExact')}</Typography.Text>
        ) : remaining > 0 ? (
          <Typography.Text type="warning">{t('goals.splitRemaining', { diff: goalFormat.value(remaining, goal) })}</Typography.Text>
        ) : (
          <Typography.Text type="warning">{t('goals.splitOver', { diff: goalFormat.magnitude(remaining, goal) })}</Typography.Text>
        )}
      </Flex>
      <ModalFooter
        okText={t('goals.splitCreate', { count: included.length })}
        onOk={submit}
        onCancel={onCancel}
        pending={pending}
        okDisabled={incomplete}
        testId="split"
      />
    </div>
  );
}
