import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Goal, GoalCreate, GoalMetric, SmartDraft } from '../../../core/goals/schemas';
import type { Project } from '../../../core/projects/schemas';
import { toMajor, toMinor } from '../../app/format';

/** What the goal form holds: the target in major units (yuan) for money, and '' for "none" (a Select cannot hold null). */
export type GoalFormValues = {
  title: string;
  description: string;
  metric: GoalMetric;
  target: number | null;
  currency: string;
  period: [Dayjs, Dayjs] | null;
  ownerId: string;
  parentId: string;
  region: string;
  relevance: string;
  weight: number | null;
};

export const ISO = 'YYYY-MM-DD';

/** Revenue needs a currency; the counting metrics take none; custom may have one (then it is money). */
export const currencyAllowed = (metric: GoalMetric): boolean => metric === 'revenue' || metric === 'custom';
/** Whether a goal's values are money (shown with its currency) rather than counts. */
export const isMoneyGoal = (goal: Pick<Goal, 'currency'>): goal is { currency: string } => goal.currency !== null;

export function goalToValues(goal: Goal): GoalFormValues {
  return {
    title: goal.title,
    description: goal.description,
    metric: goal.metric,
    target: goal.currency ? toMajor(goal.target, goal.currency) : goal.target,
    currency: goal.currency ?? '',
    period: [dayjs(goal.startDate, ISO), dayjs(goal.dueDate, ISO)],
    ownerId: goal.ownerId ?? '',
    parentId: goal.parentId ?? '',
    region: goal.region ?? '',
    relevance: goal.relevance,
    weight: goal.weight,
  };
}

/** The values a new goal starts with: the project's currency and dates, under `parentId` when given. */
export function newGoalValues(project: Pick<Project, 'currency' | 'startDate' | 'endDate'>, parentId?: string): GoalFormValues {
  return {
    title: '',
    description: '',
    metric: 'revenue',
    target: null,
    currency: project.currency,
    period: [dayjs(project.startDate, ISO), dayjs(project.endDate, ISO)],
    ownerId: '',
    parentId: parentId ?? '',
    region: '',
    relevance: '',
    weight: 1,
  };
}

/** What the SMART check of an unsaved goal takes. */
export function bodyToDraft(projectId: string, body: GoalCreate): SmartDraft {
  const { title: _title, weight: _weight, ...rest } = body;
  return { projectId, ...rest };
}

/**
 * The goal the values describe, as the API takes it. Incomplete values (while the user types) still give a body, so that
 * the SMART check can say what is missing: no target is 0, no period is today.
 */
export function valuesToBody(values: Partial<GoalFormValues>, today: string): GoalCreate {
  const metric = values.metric ?? 'revenue';
  const currency = currencyAllowed(metric) && values.currency ? values.currency : null;
  const target = values.target ?? 0;
  const isWhole = currency !== null || metric !== 'custom';
  return {
    title: values.title?.trim() ?? '',
    description: values.description ?? '',
    metric,
    target: currency ? toMinor(target, currency) : isWhole ? Math.round(target) : target,
    currency,
    startDate: values.period?.[0]?.format(ISO) ?? today,
    dueDate: values.period?.[1]?.format(ISO) ?? today,
    ownerId: values.ownerId || null,
    parentId: values.parentId || null,
    region: values.region?.trim() || null,
    relevance: values.relevance ?? '',
    weight: values.weight ?? 1,
  };
}
