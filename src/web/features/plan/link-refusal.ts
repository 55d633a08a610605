import type { TFunction } from 'i18next';
import type { NamedTask } from '../../../core/dependencies/schemas';
import type { TaskListItem } from '../../../core/tasks/schemas';
import { isApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';

/** Why the server refused a link drawn in the Gantt, in the user's words: the cycle's tasks by name, a summary task, a repeat. */
export function linkRefusal(t: TFunction, error: unknown, from: TaskListItem, to: TaskListItem): { title?: string; text: string } {
  if (isApiError(error) && error.status === 422) {
    const details = (error.details ?? {}) as { reason?: string; cycle?: NamedTask[]; taskIds?: string[] };
    if (details.reason === 'CYCLE' && details.cycle?.length) {
      const path = [...details.cycle, details.cycle[0]].map((task) => `“${task.title}”`).join(' → ');
      return { title: t('plan.gantt.cycleTitle'), text: t('plan.gantt.cycle', { path }) };
    }
    if (from.id === to.id) return { text: t('plan.gantt.linkSelf') };
    if (from.isSummary || to.isSummary) return { text: t('plan.gantt.linkSummary') };
  }
  if (isApiError(error) && error.code === 'CONFLICT') return { text: t('plan.gantt.linkExists') };
  return { text: errorMessage(t, error) };
}
