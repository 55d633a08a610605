import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/errors';

/** An error in loading data, in words, with a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('errors.title')}
      description={errorMessage(t, error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry} data-testid="query-retry">
            {t('app.retry')}
          </Button>
        )
      }
    />
  );
}
