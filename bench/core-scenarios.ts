import { benchForecast } from '../src/core/forecast/forecast.bench';
import { benchSchedule } from '../src/core/schedule/schedule.bench';

/** In-process scenarios of the pure rules (scheduler, forecast); each module brings its own generator. */
export type CoreRow = { scenario: string; value: string; target: string; ok: boolean | null };

export async function coreScenarios(): Promise<CoreRow[]> {
  const schedule = benchSchedule();
  const forecast = benchForecast({ deals: 2_000, trials: 20_000 });
  return [
    {
      scenario: 'core: schedule 10,000 tasks + 20,000 dependencies (median of 20)',
      value: `${schedule.toFixed(2)} ms`,
      target: '≤ 10 ms',
      ok: schedule <= 10,
    },
    {
      scenario: 'core: forecast 2,000 open deals × 20,000 trials (median)',
      value: `${forecast.toFixed(1)} ms`,
      target: '≤ 250 ms',
      ok: forecast <= 250,
    },
  ];
}
