import { CaretDownOutlined, CaretRightOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Progress, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalNode } from '../../../core/goals/schemas';
import { DateRange } from '../../components/date-text';
import { type GoalFormat, useGoalFormat } from './goal-format';
import { GoalScopeText } from './goal-scope-text';

type Props = {
  items: readonly GoalNode[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  ownerName: (userId: string) => string;
};

/** The goals still shown when some are collapsed (items come depth-first: a parent before its children). */
export function visibleGoals(items: readonly GoalNode[], collapsed: ReadonlySet<string>): GoalNode[] {
  const shown: GoalNode[] = [];
  let hideBelow: number | null = null;
  for (const item of items) {
    if (hideBelow !== null && item.depth > hideBelow) continue;
    hideBelow = collapsed.has(item.id) ? item.depth : null;
    shown.push(item);
  }
  return shown;
}

/** "¥20,000.00 short" / "¥5,000.00 over" where the children's targets do not add up to the goal's. */
export function MismatchTag({ goal, format }: { goal: GoalNode; format: GoalFormat }) {
  const { t } = useTranslation();
  if (goal.childrenAddUp !== false || goal.childrenGap === null || goal.childrenTarget === null) return null;
  const short = goal.childrenGap > 0;
  const diff = format.magnitude(goal.childrenGap, goal);
  const full = t('goals.mismatch', {
    sum: format.value(goal.childrenTarget, goal),
    diff,
    direction: short ? t('goals.mismatchBelow') : t('goals.mismatchAbove'),
  });
  return (
    <Tooltip title={full}>
      <Tag color="warning" icon={<WarningOutlined />} className="qd-mismatch" data-testid="goal-mismatch" aria-label={full}>
        {t('goals.mismatchShort', { diff, direction: short ? t('goals.mismatchBelowShort') : t('goals.mismatchAboveShort') })}
      </Tag>
    </Tooltip>
  );
}

/** The bar and the numbers of a goal's progress (attained of target); over 100 % shows full, in green. */
export function ProgressBar({
  goal,
  format,
}: {
  goal: Pick<GoalNode, 'attained' | 'target' | 'progress' | 'currency'>;
  format: GoalFormat;
}) {
  const { t } = useTranslation();
  const percent = goal.progress === null ? 0 : goal.progress * 100;
  return (
    <div className="qd-goal-progress" data-testid="goal-progress" data-progress={goal.progress ?? ''}>
      <Progress
        percent={Math.min(100, percent)}
        size="small"
        status={percent >= 100 ? 'success' : 'normal'}
        format={() => (goal.progress === null ? '—' : t('goals.percent', { value: format.percent(goal.progress) }))}
      />
      <Typography.Text type="secondary" className="qd-small qd-number">
        {t('goals.ofTarget', { attained: format.value(goal.attained, goal), target: format.value(goal.target, goal) })}
      </Typography.Text>
    </div>
  );
}

/** The project's goals as a tree: progress bars, owner and scope, period, and a mark where the sub-goals do not add up. */
export function GoalTree({ items, selectedId, onSelect, ownerName }: Props) {
  const { t } = useTranslation();
  const format = useGoalFormat();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div className="qd-table-wrap qd-table-middle" data-testid="goal-tree">
      <div className="qd-table-scroll">
        <table className="qd-table qd-goal-tree">
          <thead>
            <tr>
              <th scope="col">{t('goals.fields.title')}</th>
              <th scope="col" className="qd-goal-tree-progress">
                {t('goals.fields.progress')}
              </th>
              <th scope="col" className="qd-from-md">
                {t('goals.fields.period')}
              </th>
            </tr>
          </thead>
          <tbody>
            {visibleGoals(items, collapsed).map((goal) => (
              <tr
                key={goal.id}
                className={goal.id === selectedId ? 'qd-table-row-link qd-goal-selected' : 'qd-table-row-link'}
                onClick={() => onSelect(goal.id)}
                aria-selected={goal.id === selectedId}
                data-testid="goal-row"
                data-goal-id={goal.id}
              >
                <td>
                  <div className="qd-goal-title-cell" style={{ paddingInlineStart: goal.depth * 22 }}>
                    {goal.childCount > 0 ? (
                      <Button
                        type="text"
                        size="small"
                        icon={collapsed.has(goal.id) ? <CaretRightOutlined /> : <CaretDownOutlined />}
                        aria-label={t(collapsed.has(goal.id) ? 'goals.expand' : 'goals.collapse', { title: goal.title })}
                        aria-expanded={!collapsed.has(goal.id)}
                        onClick={(event) => {
                          event.stopPropagation();
                          toggle(goal.id);
                        }}
                        data-testid="goal-toggle"
                      />
                    ) : (
                      <span className="qd-goal-caret-space" />
                    )}
                    <div className="qd-goal-title-text">
                      <button type="button" className="qd-goal-title" data-testid="goal-title-link">
                        {goal.title}
                      </button>
                      <Typography.Text type="secondary" className="qd-small">
                        <GoalScopeText goal={goal} ownerName={ownerName} /> · {t(`goals.metric.${goal.metric}`)}
                      </Typography.Text>
                      <MismatchTag goal={goal} format={format} />
                    </div>
                  </div>
                </td>
                <td className="qd-goal-tree-progress">
                  <ProgressBar goal={goal} format={format} />
                </td>
                <td className="qd-from-md">
                  <DateRange start={goal.startDate} end={goal.dueDate} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
