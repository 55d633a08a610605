import { Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The two lines of an empty list: what is missing, and what to do. */
export function EmptyText({ title, text }: { title: string; text: string }) {
  return (
    <Flex vertical gap={4} align="center">
      <Typography.Text strong>{title}</Typography.Text>
      <Typography.Text type="secondary" className="qd-empty-text">
        {text}
      </Typography.Text>
    </Flex>
  );
}

/** Guests see no customers (as the server decides): say so instead of showing an error. */
export function GuestNotice() {
  const { t } = useTranslation();
  return <Result status="info" title={t('accounts.guestsTitle')} subTitle={t('accounts.guestsText')} />;
}
