import { goalScope, isPipelineMetric } from './goal-scope';
import type { Forecast, Goal, Smart, SmartResult } from './schemas';

/**
 * SMART check of a goal (SPEC §3.4). Each letter answers pass / warn / fail with an English
 * reason and a `reasonKey` + `params` for the web's translations (keys `smart.<letter>.<case>`).
 *
 * S  fail: no description · warn: description shorter than SPECIFIC_MIN_WEIGHT · pass.
 *    The scope is reported in params: `member` (a child goal with an owner: the owner's quota),
 *    `region` (deals of customers in the goal's region; the region is in params too)
 *    or `project`.
 * M  fail: target not a number > 0, or a revenue goal without a currency · warn: `custom` metric
 *    (measured by manual check-ins) · pass.
 * A  once the goal has started (today ≥ startDate), from the probability of attainment:
 *    ≥ 0.5 pass, 0.2 ≤ p < 0.5 warn, < 0.2 fail. Before it starts, from pipeline coverage =
 *    weighted pipeline ÷ target: ≥ 1 pass, 0.5 ≤ c < 1 warn, < 0.5 fail.
 *    Metrics without a pipeline model (new customers, activities, custom) have no probability
 *    until the target is reached; for them A uses pace once a quarter of the period's working days
 *    has elapsed (SPEC §3.5's "behind pace" rule): pace ≥ 0.8 pass, 0.5 ≤ pace < 0.8 warn,
 *    < 0.5 fail; before that (or before the start) it warns that it cannot judge yet.
 *    Without a forecast, or without a target > 0, A warns.
 * R  pass: a parent goal, or a relevance note of at least RELEVANT_MIN_WEIGHT · warn: a shorter
 *    note · fail: neither (`parentMissing` when parentId points at a goal that no longer exists).
 * T  fail: due before start, or due outside the project's dates · warn: the project has no end
 *    date, or the goal starts before the project · pass.
 *
 * Text length is measured by `textWeight`: letters and digits count 1, CJK characters 3 (one
 * Chinese character carries about as much as a short English word), so the same threshold suits
 * zh-CN and en: 20 ≈ four English words or seven Chinese characters.
 */

export const SPECIFIC_MIN_WEIGHT = 20;
export const RELEVANT_MIN_WEIGHT = 12;
export const ACHIEVABLE_PASS = 0.5;
export const ACHIEVABLE_WARN = 0.2;
export const COVERAGE_PASS = 1;
export const COVERAGE_WARN = 0.5;
export const PACE_PASS = 0.8;
export const PACE_WARN = 0.5;
/** Share of the period's working days after which pace is judged. */
export const PACE_JUDGED_AFTER = 0.25;

export type SmartForecast = Pick<Forecast, 'probability' | 'weightedPipeline' | 'pace' | 'elapsedWorkingDays' | 'periodWorkingDays'>;

export type CheckSmartInput = {
  goal: Pick<Goal, 'description' | 'metric' | 'target' | 'currency' | 'startDate' | 'dueDate' | 'ownerId' | 'parentId' | 'relevance'> & {
    region?: string | null;
  };
  project: { startDate: string; endDate: string | null };
  forecast: SmartForecast | null;
  today: string;
  /** The parent goal exists (the service looked it up). */
  hasParent: boolean;
};

type Params = SmartResult['params'];

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const letterOrDigit = /[\p{L}\p{N}]/u;

/** Letters and digits count 1, CJK characters 3; spaces and punctuation 0. */
export function textWeight(text: string): number {
  let weight = 0;
  for (const ch of text) {
    if (cjk.test(ch)) weight += 3;
    else if (letterOrDigit.test(ch)) weight += 1;
  }
  return weight;
}

function result(outcome: SmartResult['result'], reasonKey: string, reason: string, params: Params = {}): SmartResult {
  return { result: outcome, reason, reasonKey, params };
}

/** Whole percent, rounded down so that 49.6% (a warn) never reads as 50% (a pass). */
const percent = (x: number): number => Math.floor(x * 100 + 1e-9);

function checkSpecific(goal: CheckSmartInput['goal']): SmartResult {
  const scope = goalScope(goal);
  const scopeText =
    scope === 'member'
      ? "Scoped to the owner's deals (a member's share)"
      : scope === 'region'
        ? `Scoped to the deals of region ${goal.region}`
        : 'Scoped to the whole project';
  const region = goal.region ?? null;
  const weight = textWeight(goal.description);
  if (goal.description.trim() === '') {
    return result('fail', 'smart.s.noDescription', 'No description: say what counts toward this goal (which deals, region, products).', {
      scope,
      region,
    });
  }
  if (weight < SPECIFIC_MIN_WEIGHT) {
    return result('warn', 'smart.s.shortDescription', `${scopeText}, but the description is too short to say what counts.`, {
      scope,
      region,
      weight,
      minimum: SPECIFIC_MIN_WEIGHT,
    });
  }
  return result('pass', 'smart.s.pass', `${scopeText}, and the description says what counts.`, { scope, region });
}

function checkMeasurable(goal: CheckSmartInput['goal']): SmartResult {
  const params: Params = { metric: goal.metric, target: goal.target, currency: goal.currency };
  if (!Number.isFinite(goal.target) || goal.target <= 0) {
    return result('fail', 'smart.m.noTarget', 'The target must be a number greater than 0.', params);
  }
  if (goal.metric === 'revenue' && goal.currency === null) {
    return result('fail', 'smart.m.noCurrency', 'A revenue goal needs a currency.', params);
  }
  if (goal.metric === 'custom') {
    return result(
      'warn',
      'smart.m.manual',
      'A custom metric is measured by manual check-ins: say in the description how it is measured.',
      params,
    );
  }
  return result('pass', 'smart.m.pass', `Measured by ${goal.metric.replace('_', ' ')} against a target of ${goal.target}.`, params);
}

function grade(value: number, passAt: number, warnAt: number): SmartResult['result'] {
  if (value >= passAt) return 'pass';
  return value >= warnAt ? 'warn' : 'fail';
}

function checkAchievable(input: CheckSmartInput): SmartResult {
  const { goal, forecast, today } = input;
  if (forecast === null) {
    return result('warn', 'smart.a.unknown', 'No forecast is available to judge whether the target is achievable.');
  }
  if (!Number.isFinite(goal.target) || goal.target <= 0) {
    return result('warn', 'smart.a.noTarget', 'Achievability cannot be judged without a target greater than 0.');
  }
  const hasStarted = today >= goal.startDate;
  if (hasStarted && forecast.probability !== null) {
    const probability = forecast.probability;
    const outcome = grade(probability, ACHIEVABLE_PASS, ACHIEVABLE_WARN);
    return result(
      outcome,
      `smart.a.probability.${outcome}`,
      `The probability of reaching the target by the due date is ${percent(probability)}% (50% or more passes, under 20% fails).`,
      { probability, percent: percent(probability) },
    );
  }
  if (!isPipelineMetric(goal.metric)) {
    return checkAchievableByPace(forecast, hasStarted);
  }
  if (hasStarted) {
    return result('warn', 'smart.a.unknown', 'No probability of attainment is available to judge whether the target is achievable.');
  }
  const coverage = forecast.weightedPipeline / goal.target;
  const outcome = grade(coverage, COVERAGE_PASS, COVERAGE_WARN);
  return result(
    outcome,
    `smart.a.coverage.${outcome}`,
    `The goal has not started; the weighted pipeline covers ${percent(coverage)}% of the target (100% or more passes, under 50% fails).`,
    { coverage, percent: percent(coverage) },
  );
}

function checkAchievableByPace(forecast: SmartForecast, hasStarted: boolean): SmartResult {
  const elapsedShare = forecast.periodWorkingDays > 0 ? forecast.elapsedWorkingDays / forecast.periodWorkingDays : 0;
  if (!hasStarted || forecast.pace === null || elapsedShare < PACE_JUDGED_AFTER) {
    return result(
      'warn',
      'smart.a.tooEarly',
      'This metric has no pipeline to estimate from; achievability is judged by pace once a quarter of the period has passed.',
      { elapsedShare },
    );
  }
  const pace = forecast.pace;
  const outcome = grade(pace, PACE_PASS, PACE_WARN);
  return result(
    outcome,
    `smart.a.pace.${outcome}`,
    `Progress is at ${percent(pace)}% of the expected pace (80% or more passes, under 50% fails).`,
    { pace, percent: percent(pace) },
  );
}

function checkRelevant(input: CheckSmartInput): SmartResult {
  const { goal, hasParent } = input;
  if (hasParent) {
    return result('pass', 'smart.r.parent', 'Contributes to a parent goal.');
  }
  const weight = textWeight(goal.relevance);
  if (weight >= RELEVANT_MIN_WEIGHT) {
    return result('pass', 'smart.r.note', 'The relevance note says why this goal matters.');
  }
  if (goal.relevance.trim() !== '') {
    return result('warn', 'smart.r.shortNote', 'The relevance note is too short to say why this goal matters.', {
      weight,
      minimum: RELEVANT_MIN_WEIGHT,
    });
  }
  if (goal.parentId !== null) {
    return result('fail', 'smart.r.parentMissing', 'The parent goal no longer exists and there is no relevance note.');
  }
  return result('fail', 'smart.r.none', 'Link this goal to a parent goal or write a relevance note saying why it matters.');
}

function checkTimeBound(input: CheckSmartInput): SmartResult {
  const { goal, project } = input;
  const params: Params = {
    startDate: goal.startDate,
    dueDate: goal.dueDate,
    projectStartDate: project.startDate,
    projectEndDate: project.endDate,
  };
  if (goal.dueDate < goal.startDate) {
    return result('fail', 'smart.t.dueBeforeStart', `The due date ${goal.dueDate} is before the start date ${goal.startDate}.`, params);
  }
  if (goal.dueDate < project.startDate) {
    return result(
      'fail',
      'smart.t.beforeProjectStart',
      `The due date ${goal.dueDate} is before the project starts (${project.startDate}).`,
      params,
    );
  }
  if (project.endDate !== null && goal.dueDate > project.endDate) {
    return result(
      'fail',
      'smart.t.afterProjectEnd',
      `The due date ${goal.dueDate} is after the project ends (${project.endDate}).`,
      params,
    );
  }
  if (project.endDate === null) {
    return result('warn', 'smart.t.projectOpenEnded', `Due ${goal.dueDate}, but the project has no end date to check it against.`, params);
  }
  if (goal.startDate < project.startDate) {
    return result(
      'warn',
      'smart.t.startsBeforeProject',
      `The goal starts ${goal.startDate}, before the project (${project.startDate}).`,
      params,
    );
  }
  return result('pass', 'smart.t.pass', `Due ${goal.dueDate}, within the project's dates.`, params);
}

export function checkSmart(input: CheckSmartInput): Smart {
  return {
    s: checkSpecific(input.goal),
    m: checkMeasurable(input.goal),
    a: checkAchievable(input),
    r: checkRelevant(input),
    t: checkTimeBound(input),
  };
}
