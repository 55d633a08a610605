import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DealStatus } from '../../../core/deals/schemas';

const COLORS: Record<DealStatus, string> = { open: 'processing', won: 'success', lost: 'default' };

/** Open, won or lost, as a coloured tag. */
export function DealStatusTag({ status }: { status: DealStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`deals.status.${status}`)}</Tag>;
}
