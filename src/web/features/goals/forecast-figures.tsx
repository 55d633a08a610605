import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isPipelineMetric } from '../../../core/goals/goal-scope';
import type { Forecast, Goal } from '../../../core/goals/schemas';
import { useGoalFormat } from './goal-format';

type Props = { goal: Goal; forecast: Forecast; canSeeRates: boolean };

function Figure({ label, help, children, testId }: { label: string; help?: string; children: ReactNode; testId: string }) {
  return (
    <div className="qd-figure" data-testid={testId}>
      <Typography.Text type="secondary" className="qd-small">
        {label}
        {help && (
          <Tooltip title={help}>
            <InfoCircleOutlined className="qd-figure-help" aria-label={help} />
          </Tooltip>
        )}
      </Typography.Text>
      <div className="qd-figure-value">{children}</div>
    </div>
  );
}

/** The probability of attainment as a large figure with P10/P50/P90, and attained, pipeline, commit, best case, pace and run rate. */
export function ForecastFigures({ goal, forecast, canSeeRates }: Props) {
  const { t } = useTranslation();
  const format = useGoalFormat();
  const value = (amount: number) => format.value(amount, goal);
  const hasPipeline = isPipelineMetric(goal.metric);
  const attainedShare = goal.target > 0 ? forecast.attained / goal.target : null;
  const tone =
    forecast.probability === null ? 'none' : forecast.probability >= 0.5 ? 'good' : forecast.probability >= 0.2 ? 'fair' : 'poor';

  return (
    <div className="qd-forecast" data-testid="forecast">
      <div className={`qd-probability qd-probability-${tone}`}>
        <Typography.Text type="secondary">{t('goals.forecast.probability')}</Typography.Text>
        {forecast.probability === null ? (
          <>
            <div className="qd-probability-value" data-testid="forecast-probability" data-value="">
              {t('goals.forecast.probabilityUnknown')}
            </div>
            <Typography.Text type="secondary" className="qd-small">
              {t('goals.forecast.probabilityUnknownHelp')}
            </Typography.Text>
          </>
        ) : (
          <div className="qd-probability-value" data-testid="forecast-probability" data-value={forecast.probability}>
            {format.percent(forecast.probability)}
            <span className="qd-probability-unit">%</span>
          </div>
        )}
        {forecast.p50 !== null && (
          <dl className="qd-quantiles" data-testid="forecast-quantiles">
            {(['p10', 'p50', 'p90'] as const).map((key) => (
              <div key={key}>
                <dt>{t(`goals.forecast.${key}`)}</dt>
                <dd className="qd-number">{value(forecast[key] ?? 0)}</dd>
              </div>
            ))}
          </dl>
        )}
        {forecast.method && (
          <Typography.Text type="secondary" className="qd-small" data-testid="forecast-method">
            {t(`goals.forecast.method.${forecast.method}`, { trials: format.value(forecast.trials ?? 0, { currency: null }) })}
          </Typography.Text>
        )}
      </div>
      <div className="qd-figures">
        <Figure label={t('goals.forecast.attained')} testId="forecast-attained">
          <span className="qd-number">{value(forecast.attained)}</span>
          {attainedShare !== null && (
            <Typography.Text type="secondary" className="qd-figure-note">
              {t('goals.percent', { value: format.percent(attainedShare) })}
            </Typography.Text>
          )}
        </Figure>
        {hasPipeline && (
          <>
            <Figure label={t('goals.forecast.weightedPipeline')} help={t('goals.forecast.weightedHelp')} testId="forecast-weighted">
              <span className="qd-number">{value(forecast.weightedPipeline)}</span>
            </Figure>
            <Figure label={t('goals.forecast.commit')} help={t('goals.forecast.commitHelp')} testId="forecast-commit">
              <span className="qd-number">{value(forecast.commit)}</span>
            </Figure>
            <Figure label={t('goals.forecast.bestCase')} help={t('goals.forecast.bestCaseHelp')} testId="forecast-best-case">
              <span className="qd-number">{value(forecast.bestCase)}</span>
            </Figure>
          </>
        )}
        <Figure label={t('goals.forecast.pace')} testId="forecast-pace">
          <span className={forecast.pace !== null && forecast.pace < 0.8 ? 'qd-number qd-behind' : 'qd-number'}>
            {forecast.pace === null
              ? t('goals.forecast.paceNone')
              : t('goals.forecast.paceValue', { percent: format.wholePercent(forecast.pace) })}
          </span>
          <Typography.Text type="secondary" className="qd-figure-note">
            {t('goals.forecast.expectedByNow', { value: value(forecast.expectedByNow) })}
            <br />
            {t('goals.forecast.workingDays', { elapsed: forecast.elapsedWorkingDays, period: forecast.periodWorkingDays })}
          </Typography.Text>
        </Figure>
        <Figure
          label={t('goals.forecast.runRate')}
          help={t('goals.forecast.runRateHelp', { days: forecast.remainingWorkingDays })}
          testId="forecast-run-rate"
        >
          <span className="qd-number">
            {forecast.requiredRunRate === null
              ? t('goals.forecast.runRateNone')
              : t('goals.forecast.runRateValue', { value: value(forecast.requiredRunRate) })}
          </span>
        </Figure>
      </div>
      {forecast.excludedDealIds.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="qd-forecast-excluded"
          data-testid="forecast-excluded"
          title={t('goals.forecast.excluded', { count: forecast.excludedDealIds.length })}
          action={canSeeRates ? <Link to="/settings/workspace?tab=rates">{t('goals.forecast.ratesLink')}</Link> : undefined}
        />
      )}
    </div>
  );
}
