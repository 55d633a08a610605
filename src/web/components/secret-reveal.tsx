import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A secret shown once (a token, an invitation link) with a copy button. */
export function SecretReveal({ value, warning, testId }: { value: string; warning: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="warning" showIcon title={warning} className="qd-block-gap" />
      <Typography.Paragraph
        code
        className="qd-secret"
        data-testid={testId}
        copyable={{ text: value, tooltips: [t('app.copy'), t('app.copied')] }}
      >
        {value}
      </Typography.Paragraph>
    </>
  );
}
