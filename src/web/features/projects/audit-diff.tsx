import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../core/audit/schemas';
import type { Formatter } from '../../app/format';
import { useFormat } from '../../app/locale';
import { isProjectRole } from '../members/member-options';
import { isProjectStatus, METHODOLOGIES } from './project-options';

/** Fields that change on every write and say nothing to a reader. */
const HIDDEN = new Set(['id', 'version', 'updatedAt', 'createdAt', 'projectId', 'workspaceId']);

const PROJECT_FIELDS = [
  'name',
  'description',
  'status',
  'methodology',
  'startDate',
  'endDate',
  'currency',
  'calendarId',
  'archivedAt',
] as const;

function fieldLabel(t: TFunction, field: string): string {
  const projectField = PROJECT_FIELDS.find((known) => known === field);
  if (projectField) return t(`project.fields.${projectField === 'calendarId' ? 'calendar' : projectField}`);
  switch (field) {
    case 'role':
      return t('members.role');
    case 'responsibilities':
      return t('members.responsibilities');
    case 'capacityHoursPerWeek':
      return t('members.capacity');
    case 'costRate':
      return t('members.costRate');
    case 'userId':
      return t('members.user');
    case 'demo':
      return t('history.demoField');
    default:
      return field;
  }
}

type Names = { userName: (id: string) => string | undefined; calendarName: (id: string) => string | undefined };
type Context = Names & { t: TFunction; format: Formatter; currency: string };

function valueText(field: string, value: unknown, { t, format, currency, userName, calendarName }: Context): string {
  if (value === null || value === undefined || value === '') return t('history.empty_value');
  if (typeof value === 'boolean') return value ? t('app.yes') : t('app.no');
  if (typeof value === 'number') {
    if (field === 'costRate') return t('members.perHour', { amount: format.money(value, currency) });
    if (field === 'capacityHoursPerWeek') return t('members.hoursPerWeek', { hours: format.number(value, 1) });
    return format.number(value);
  }
  if (typeof value === 'string') {
    if (field === 'status' && isProjectStatus(value)) return t(`project.status.${value}`);
    const methodology = METHODOLOGIES.find((known) => known === value);
    if (field === 'methodology' && methodology) return t(`project.methodology.${methodology}`);
    if (field === 'role' && isProjectRole(value)) return t(`roles.project.${value}`);
    if (field === 'userId') return userName(value) ?? value;
    if (field === 'calendarId') return calendarName(value) ?? value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return format.date(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return format.dateTime(value);
    return value.length > 160 ? `${value.slice(0, 157)}…` : value;
  }
  return JSON.stringify(value);
}

type Change = { field: string; before?: unknown; after?: unknown };

/** The fields an entry touched: changed ones for an update; the recorded ones for a create or delete. */
export function changesOf(entry: AuditEntry): Change[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  if (entry.action === 'update') {
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => !HIDDEN.has(field));
    return fields
      .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      .map((field) => ({ field, before: before[field], after: after[field] }));
  }
  const shown = entry.action === 'create' ? after : before;
  return Object.keys(shown)
    .filter((field) => !HIDDEN.has(field) && shown[field] !== null && shown[field] !== '')
    .map((field) => (entry.action === 'create' ? { field, after: shown[field] } : { field, before: shown[field] }));
}

type Props = Names & { entry: AuditEntry; currency: string };

/** before → after, one line per field. */
export function AuditDiff({ entry, currency, userName, calendarName }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const context: Context = { t, format, currency, userName, calendarName };
  const changes = changesOf(entry);
  if (changes.length === 0) return <span className="qd-muted">{t('history.noFieldChanges')}</span>;
  return (
    <ul className="qd-diff-list">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="qd-diff-field">{fieldLabel(t, change.field)}</span>
          {'before' in change && <span className="qd-diff-before qd-pre-wrap">{valueText(change.field, change.before, context)}</span>}
          {'before' in change && 'after' in change && <span className="qd-diff-arrow"> → </span>}
          {'after' in change && <span className="qd-diff-after qd-pre-wrap">{valueText(change.field, change.after, context)}</span>}
        </li>
      ))}
    </ul>
  );
}
