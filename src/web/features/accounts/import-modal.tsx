import { Modal } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageSpin } from '../../app/loading';
import { useOpenedOnce } from '../../components/lazy-modal';
import { lazyNamed } from '../../components/lazy-named';

const ImportFlow = lazyNamed(() => import('../deals/import-flow'), 'ImportFlow');

type Props = { open: boolean; kind: 'accounts' | 'contacts'; onClose: () => void };

/** The import wizard for customers or contacts (no project), in a dialog; its code loads when it first opens. */
export function ImportModal({ open, kind, onClose }: Props) {
  const { t } = useTranslation();
  const opened = useOpenedOnce(open);
  const navigate = useNavigate();
  return (
    <Modal open={open} onCancel={onClose} footer={null} width={960} destroyOnHidden title={t('accounts.import')}>
      {opened && (
        <Suspense fallback={<PageSpin />}>
          <ImportFlow
            kinds={kind === 'accounts' ? ['accounts', 'contacts'] : ['contacts', 'accounts']}
            onDone={onClose}
            onOpenList={(chosen) => navigate(`/${chosen}`)}
          />
        </Suspense>
      )}
    </Modal>
  );
}
