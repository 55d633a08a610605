import { EnvironmentOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../core/goals/schemas';

type Props = { goal: Pick<Goal, 'ownerId' | 'region'>; ownerName: (userId: string) => string };

/** Who owns the goal and which region it counts ("Whole project" for neither). */
export function GoalScopeText({ goal, ownerName }: Props) {
  const { t } = useTranslation();
  if (!goal.ownerId && !goal.region) return <span>{t('goals.noOwner')}</span>;
  return (
    <span className="qd-goal-scope">
      {goal.ownerId && (
        <span>
          <UserOutlined /> {ownerName(goal.ownerId)}
        </span>
      )}
      {goal.region && (
        <span>
          <EnvironmentOutlined /> {goal.region}
        </span>
      )}
    </span>
  );
}
