import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('app.notFoundTitle')}
      subTitle={t('app.notFoundText')}
      extra={
        <Link to="/projects">
          <Button type="primary" data-testid="not-found-home">
            {t('app.goHome')}
          </Button>
        </Link>
      }
      data-testid="not-found"
    />
  );
}
