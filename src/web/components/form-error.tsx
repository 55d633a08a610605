import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/errors';

/** The error of a form's last submission, above its buttons. */
export function FormError({ error, testId = 'form-error' }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert type="error" showIcon title={errorMessage(t, error)} className="qd-block-gap" data-testid={testId} />;
}
