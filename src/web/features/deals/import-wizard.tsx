import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Project } from '../../../core/projects/schemas';
import { useCurrentUser } from '../../app/auth';
import { ImportFlow } from './import-flow';
import { useCanEditDeals } from './use-can-edit-deals';

/** The project's import: deals into it, and the workspace's customers and contacts (not for guests). */
export function ImportWizard({ project }: { project: Project; canManage: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canEdit = useCanEditDeals(project.id);
  const navigate = useNavigate();
  const [, setParams] = useSearchParams();
  const kinds = [...(canEdit ? (['deals'] as const) : []), ...(me.role === 'guest' ? [] : (['accounts', 'contacts'] as const))];
  if (kinds.length === 0) return <Alert type="info" showIcon title={t('deals.import.readOnly')} />;
  return (
    <ImportFlow
      project={project}
      kinds={kinds}
      onOpenList={(kind) => {
        if (kind === 'deals')
          setParams(
            (current) => {
              const next = new URLSearchParams(current);
              next.set('view', 'list');
              return next;
            },
            { replace: true },
          );
        else navigate(`/${kind}`);
      }}
    />
  );
}
