import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from '../../../core/projects/schemas';
import { STATUS_COLORS } from './project-options';

export function StatusTag({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="project-status" data-status={status}>
      {t(`project.status.${status}`)}
    </Tag>
  );
}
