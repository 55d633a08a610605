import { Alert, Button, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { durationText, retryAfterOf } from '../../app/errors';
import { nextPath } from '../../app/next-path';
import { FormError } from '../../components/form-error';
import { PublicLayout } from './public-layout';
import { useLogin } from './use-auth-forms';

type SignInForm = { email: string; password: string };

/** Counts down the seconds until sign-in is allowed again after a 429. */
function useRetryCountdown(seconds: number | null): number {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (!seconds) return;
    const until = Date.now() + seconds * 1000;
    setLeft(seconds);
    const timer = window.setInterval(() => {
      const remaining = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [seconds]);
  return left;
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const login = useLogin();
  const retryAfter = retryAfterOf(login.error);
  const waitLeft = useRetryCountdown(retryAfter);

  const submit = (values: SignInForm) => login.mutate(values, { onSuccess: () => navigate(nextPath(location.search), { replace: true }) });

  return (
    <PublicLayout narrow title={t('signIn.title')} testId="sign-in-page">
      <Typography.Title level={3}>{t('signIn.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('signIn.intro')}</Typography.Paragraph>
      <Form<SignInForm> layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item
          name="email"
          label={t('auth.email')}
          rules={[
            { required: true, message: t('auth.emailRequired') },
            { type: 'email', message: t('auth.emailInvalid') },
          ]}
        >
          <Input type="email" autoComplete="username" autoFocus data-testid="sign-in-email" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="sign-in-password" />
        </Form.Item>
        {retryAfter !== null ? (
          <Alert
            type="warning"
            showIcon
            className="qd-block-gap"
            data-testid="sign-in-rate-limited"
            title={waitLeft > 0 ? t('errors.RATE_LIMITED', { time: durationText(t, waitLeft) }) : t('app.retry')}
          />
        ) : (
          <FormError error={login.error} testId="sign-in-error" />
        )}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={login.isPending}
          disabled={waitLeft > 0}
          data-testid="sign-in-submit"
        >
          {t('signIn.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" className="qd-sign-in-note">
        {t('signIn.noAccount')}
      </Typography.Paragraph>
    </PublicLayout>
  );
}
