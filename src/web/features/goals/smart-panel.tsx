import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Spin, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Smart, SmartResult } from '../../../core/goals/schemas';
import { type GoalFormat, useGoalFormat } from './goal-format';

const LETTERS = ['s', 'm', 'a', 'r', 't'] as const satisfies readonly (keyof Smart)[];
const DATE_PARAMS = ['startDate', 'dueDate', 'projectStartDate', 'projectEndDate'];

const ICONS = {
  pass: <CheckCircleFilled className="qd-smart-icon qd-smart-pass" />,
  warn: <ExclamationCircleFilled className="qd-smart-icon qd-smart-warn" />,
  fail: <CloseCircleFilled className="qd-smart-icon qd-smart-fail" />,
} as const;

/** The reason in the user's language: the server's `reasonKey` under `goals.` with its params formatted; else its English reason. */
export function smartReason(t: TFunction, exists: (key: string) => boolean, result: SmartResult, format: GoalFormat): string {
  const key = `goals.${result.reasonKey}`;
  if (!exists(key)) return result.reason;
  const params: Record<string, string | number | boolean | null> = { ...result.params };
  for (const name of DATE_PARAMS) {
    const value = params[name];
    if (typeof value === 'string') params[name] = format.date(value);
  }
  if (typeof params.target === 'number') {
    const currency = typeof params.currency === 'string' ? params.currency : null;
    params.target = format.value(params.target, { currency });
  }
  if (typeof params.metric === 'string') params.metric = t(`goals.metricInline.${params.metric}` as 'goals.metricInline.revenue');
  if (typeof params.scope === 'string') {
    params.scope = t(`goals.smart.scope.${params.scope}` as 'goals.smart.scope.project', { region: params.region ?? '' });
  }
  return t(key as 'goals.smart.title', params);
}

type Props = { smart: Smart | undefined; checking: boolean; failed?: boolean };

/** S, M, A, R, T each with pass / warning / fail and the reason in words. */
export function SmartPanel({ smart, checking, failed }: Props) {
  const { t, i18n } = useTranslation();
  const format = useGoalFormat();
  const exists = (key: string) => i18n.exists(key);
  return (
    <section className="qd-smart" aria-live="polite" aria-busy={checking} data-testid="smart-panel">
      <header className="qd-smart-header">
        <Typography.Text strong>{t('goals.smart.title')}</Typography.Text>
        {checking && (
          <Typography.Text type="secondary" className="qd-small">
            <Spin size="small" /> {t('goals.smart.checking')}
          </Typography.Text>
        )}
      </header>
      {failed && !smart && <Typography.Text type="secondary">{t('goals.smart.unavailable')}</Typography.Text>}
      <ol className="qd-smart-list">
        {LETTERS.map((letter) => {
          const result = smart?.[letter];
          return (
            <li key={letter} className="qd-smart-item" data-testid={`smart-${letter}`} data-result={result?.result ?? 'pending'}>
              <span className={`qd-smart-letter qd-smart-letter-${result?.result ?? 'pending'}`} aria-hidden>
                {letter.toUpperCase()}
              </span>
              <div className="qd-smart-text">
                <div>
                  <Typography.Text strong>{t(`goals.smart.letters.${letter}`)}</Typography.Text>{' '}
                  {result && (
                    <span className="qd-smart-result">
                      {ICONS[result.result]} {t(`goals.smart.result.${result.result}`)}
                    </span>
                  )}
                </div>
                <Typography.Text type="secondary" className="qd-small" data-testid={`smart-${letter}-reason`}>
                  {result ? smartReason(t, exists, result, format) : '…'}
                </Typography.Text>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
