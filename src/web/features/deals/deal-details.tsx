import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact } from '../../../core/contacts/schemas';
import { daysSince, knownProbability } from '../../../core/deals/rules';
import type { Deal } from '../../../core/deals/schemas';
import type { Project } from '../../../core/projects/schemas';
import type { Stage } from '../../../core/stages/schemas';
import { api } from '../../app/api';
import { useFormat } from '../../app/locale';
import { DateText, DateTimeText } from '../../components/date-text';
import { Money } from '../../components/money';

type Props = { deal: Deal; stage: Stage | undefined; project: Project | undefined; ownerName: string | null };

/** The deal's fields: money and odds, dates, people, where it came from, and what it belongs to. */
export function DealDetails({ deal, stage, project, ownerName }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const contact = useQuery({
    queryKey: ['contacts', 'detail', deal.contactId],
    queryFn: () => api.get<Contact>(`/contacts/${encodeURIComponent(deal.contactId ?? '')}`),
    enabled: deal.contactId !== null,
  });
  // A deal that follows its stage's odds has none to show until the stages have loaded (never a wrong 0 %).
  const probability = knownProbability(deal.probability, stage?.probability);
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const loading = <Typography.Text type="secondary">…</Typography.Text>;
  const items = [
    { key: 'amount', label: t('deals.fields.amount'), children: <Money minor={deal.amount} currency={deal.currency} /> },
    {
      key: 'probability',
      label: t('deals.fields.probability'),
      children:
        probability === null ? (
          loading
        ) : (
          <span>
            {format.number(probability * 100, 1)}%{' '}
            <Typography.Text type="secondary" className="qd-small">
              ({t(deal.probability === null ? 'deals.page.stageProbability' : 'deals.page.ownProbability')})
            </Typography.Text>
          </span>
        ),
    },
    ...(deal.status === 'open'
      ? [
          {
            key: 'weighted',
            label: t('deals.fields.weighted'),
            children: probability === null ? loading : <Money minor={Math.round(deal.amount * probability)} currency={deal.currency} />,
          },
          { key: 'expected', label: t('deals.fields.expectedCloseDate'), children: <DateText value={deal.expectedCloseDate} /> },
        ]
      : [{ key: 'closeDate', label: t('deals.fields.closeDate'), children: <DateText value={deal.closeDate} /> }]),
    { key: 'owner', label: t('deals.fields.owner'), children: ownerName ?? none },
    {
      key: 'account',
      label: t('deals.fields.account'),
      children: deal.accountId ? (
        <Link to={`/accounts/${encodeURIComponent(deal.accountId)}`} data-testid="deal-account-link">
          {deal.accountName}
        </Link>
      ) : (
        none
      ),
    },
    {
      key: 'contact',
      label: t('deals.fields.contact'),
      children: deal.contactId ? (
        <Link to={`/contacts/${encodeURIComponent(deal.contactId)}`} data-testid="deal-contact-link">
          {contact.data ? (contact.data.title ? `${contact.data.name} · ${contact.data.title}` : contact.data.name) : '…'}
        </Link>
      ) : (
        none
      ),
    },
    { key: 'source', label: t('deals.fields.source'), children: deal.source || none },
    {
      key: 'project',
      label: t('deals.page.project'),
      children: (
        <Link to={`/projects/${encodeURIComponent(deal.projectId)}?tab=deals`} data-testid="deal-project-link">
          {project?.name ?? '…'}
        </Link>
      ),
    },
    {
      key: 'days',
      label: t('deals.fields.daysInStage'),
      children: t('deals.card.days', { count: daysSince(deal.stageEnteredAt, Date.now()) }),
    },
    { key: 'created', label: t('deals.fields.createdAt'), children: <DateTimeText value={deal.createdAt} /> },
    { key: 'updated', label: t('deals.fields.updatedAt'), children: <DateTimeText value={deal.updatedAt} /> },
  ];
  return (
    <Card title={t('deals.page.details')} data-testid="deal-details">
      <Descriptions column={1} size="small" items={items} />
    </Card>
  );
}

/** The contract of a won deal, or the reason a lost one was lost. */
export function DealOutcome({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  if (deal.status === 'lost') {
    return (
      <Card title={t('deals.fields.lostReason')} data-testid="deal-lost-reason">
        <div className="qd-pre-wrap">{deal.lostReason}</div>
      </Card>
    );
  }
  if (deal.status !== 'won') return null;
  const contract = deal.contract;
  return (
    <Card title={t('deals.contract.title')} data-testid="deal-contract">
      {contract ? (
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'number', label: t('deals.contract.number'), children: contract.number || '—' },
            {
              key: 'value',
              label: t('deals.contract.value'),
              children: contract.value === null ? '—' : <Money minor={contract.value} currency={deal.currency} />,
            },
            { key: 'signed', label: t('deals.contract.signedDate'), children: <DateText value={contract.signedDate} /> },
            {
              key: 'term',
              label: t('deals.contract.term'),
              children: contract.termMonths === null ? '—' : t('deals.contract.termValue', { count: contract.termMonths }),
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('deals.contract.none')}</Typography.Text>
      )}
    </Card>
  );
}
