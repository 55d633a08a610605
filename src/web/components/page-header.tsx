import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from './use-document-title';

type Props = {
  title: ReactNode;
  subtitle?: ReactNode;
  tags?: ReactNode;
  extra?: ReactNode;
  backTo?: string;
  backLabel?: string;
};

/** The title row of a page: optional back link, title with tags, and the page's actions. */
export function PageHeader({ title, subtitle, tags, extra, backTo, backLabel }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(typeof title === 'string' ? title : undefined);
  return (
    <Flex className="qd-page-header" justify="space-between" align="flex-start" gap={12} wrap>
      <div className="qd-page-header-text">
        {backTo && (
          <Link to={backTo} className="qd-back-link" data-testid="page-back">
            <Button type="link" size="small" icon={<ArrowLeftOutlined />} tabIndex={-1}>
              {backLabel ?? t('app.back')}
            </Button>
          </Link>
        )}
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} className="qd-page-title" data-testid="page-title">
            {title}
          </Typography.Title>
          {tags}
        </Flex>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && (
        <Flex gap={8} wrap className="qd-page-actions">
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
