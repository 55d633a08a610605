import { CheckCircleOutlined, CloseCircleOutlined, DeleteOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Deal } from '../../../core/deals/schemas';
import { useMessage } from '../../app/feedback';
import { LazyCloseDealModal, preloadCloseDeal } from './lazy-close-deal';
import { LazyDealFormModal, preloadDealForm } from './lazy-deal-form';
import { useCloseDeal, useDeleteDeal } from './use-deals';

type Props = { deal: Deal; projectCurrency: string };

/** The deal page's actions: edit, win or lose (open deals), reopen (closed ones), delete. */
export function DealActions({ deal, projectCurrency }: Props) {
  const { t } = useTranslation();
  const message = useMessage();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState<'win' | 'lose' | null>(null);
  const reopen = useCloseDeal();
  const remove = useDeleteDeal();
  const open = deal.status === 'open';
  return (
    <>
      <Button
        icon={<EditOutlined />}
        onClick={() => setEditing(true)}
        onMouseEnter={preloadDealForm}
        onFocus={preloadDealForm}
        data-testid="deal-edit"
      >
        {t('app.edit')}
      </Button>
      {open ? (
        <>
          <Button
            icon={<CheckCircleOutlined />}
            className="qd-win-button"
            onClick={() => setClosing('win')}
            onMouseEnter={preloadCloseDeal}
            data-testid="deal-win"
          >
            {t('deals.actions.win')}
          </Button>
          <Button icon={<CloseCircleOutlined />} onClick={() => setClosing('lose')} onMouseEnter={preloadCloseDeal} data-testid="deal-lose">
            {t('deals.actions.lose')}
          </Button>
        </>
      ) : (
        <Popconfirm
          title={t('deals.actions.reopenTitle')}
          description={t('deals.actions.reopenText')}
          okText={t('deals.actions.reopen')}
          cancelText={t('app.cancel')}
          okButtonProps={{ loading: reopen.isPending }}
          onConfirm={() =>
            reopen
              .mutateAsync({ kind: 'reopen', id: deal.id, body: { version: deal.version } })
              .then(() => message.success(t('deals.actions.reopened')))
          }
        >
          <Button icon={<RollbackOutlined />} data-testid="deal-reopen">
            {t('deals.actions.reopen')}
          </Button>
        </Popconfirm>
      )}
      <Popconfirm
        title={t('deals.actions.deleteTitle')}
        description={t('deals.actions.deleteText')}
        okText={t('app.delete')}
        cancelText={t('app.cancel')}
        okButtonProps={{ danger: true, loading: remove.isPending }}
        onConfirm={() =>
          remove.mutateAsync(deal).then(() => {
            message.success(t('deals.actions.deleted'));
            navigate(`/projects/${encodeURIComponent(deal.projectId)}?tab=deals`, { replace: true });
          })
        }
      >
        <Button danger icon={<DeleteOutlined />} data-testid="deal-delete">
          {t('app.delete')}
        </Button>
      </Popconfirm>
      <LazyDealFormModal
        open={editing}
        projectId={deal.projectId}
        currency={projectCurrency}
        deal={deal}
        onClose={() => setEditing(false)}
      />
      <LazyCloseDealModal open={closing !== null} kind={closing ?? 'win'} deal={deal} onClose={() => setClosing(null)} />
    </>
  );
}
