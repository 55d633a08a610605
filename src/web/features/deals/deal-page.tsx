import { Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Deal } from '../../../core/deals/schemas';
import { useFormat } from '../../app/locale';
import { PageHeader } from '../../components/page-header';
import { recordState } from '../../components/record-state';
import { useProject } from '../projects/use-projects';
import { useUsers } from '../workspace/use-workspace';
import { DealActions } from './deal-actions';
import { DealActivities } from './deal-activities';
import { DealDetails, DealOutcome } from './deal-details';
import { DealStageHistory } from './deal-stage-history';
import { measureOpenDeal } from './perf-marks';
import { useCanEditDeals } from './use-can-edit-deals';
import { useDeal, useStages } from './use-deals';
import './deal-page.css';

const STATUS_COLORS = { open: 'processing', won: 'success', lost: 'default' } as const;

/** `/deals/:id`: one deal with its stage, money and owner, its actions, activities, stage history, contract and project. */
export function DealPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const deal = useDeal(id);

  const state = recordState(deal, {
    text: t('deals.page.notFound'),
    backTo: '/projects',
    backLabel: t('project.toList'),
    testId: 'deal-not-found',
  });
  if (state || !deal.data) return state;
  return <DealView deal={deal.data} />;
}

function DealView({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const format = useFormat();
  const project = useProject(deal.projectId);
  const stages = useStages();
  const users = useUsers();
  const canEdit = useCanEditDeals(deal.projectId);
  const stage = stages.data?.items.find((s) => s.key === deal.stage);
  const ownerName = deal.ownerId ? (users.data?.items.find((user) => user.id === deal.ownerId)?.name ?? null) : null;

  useEffect(() => measureOpenDeal(), []);

  return (
    <div data-testid="deal-page">
      <PageHeader
        backTo={`/projects/${encodeURIComponent(deal.projectId)}?tab=deals`}
        backLabel={t('deals.page.toPipeline')}
        title={deal.title}
        tags={
          <Tag color={STATUS_COLORS[deal.status]} data-testid="deal-stage">
            {/* The stage's name once the stages have loaded (its key if it is not among them); never the bare key meanwhile. */}
            {stage?.name ?? (stages.data ? deal.stage : '…')}
          </Tag>
        }
        subtitle={
          <span className="qd-deal-subtitle">
            <Typography.Text strong className="qd-number" data-testid="deal-amount">
              {format.money(deal.amount, deal.currency)}
            </Typography.Text>
            {' · '}
            {ownerName ?? t('deals.card.noOwner')}
            {deal.accountName && ` · ${deal.accountName}`}
            {!canEdit && ` · ${t('deals.page.readOnly')}`}
          </span>
        }
        extra={canEdit && <DealActions deal={deal} projectCurrency={project.data?.currency ?? deal.currency} />}
      />
      <div className="qd-deal-layout">
        <div className="qd-deal-main">
          <DealActivities deal={deal} canEdit={canEdit} />
          <DealStageHistory dealId={deal.id} />
        </div>
        <div className="qd-deal-side">
          <DealDetails deal={deal} stage={stage} project={project.data} ownerName={ownerName} />
          <DealOutcome deal={deal} />
        </div>
      </div>
    </div>
  );
}
