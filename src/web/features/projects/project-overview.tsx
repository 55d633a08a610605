import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../core/projects/schemas';
import { useFormat } from '../../app/locale';
import { DateText, DateTimeText } from '../../components/date-text';
import { Panel } from '../../components/panel';
import { StatusTag } from './status-tag';
import { useCalendars } from './use-projects';

/** The project's fields and its description. */
export function ProjectOverview({ project }: { project: Project }) {
  const { t } = useTranslation();
  const format = useFormat();
  const calendars = useCalendars();
  const calendar = calendars.data?.items.find((item) => item.id === project.calendarId);
  return (
    <div className="qd-stack" data-testid="project-overview">
      <Panel title={t('project.fields.description')}>
        {project.description ? (
          <Typography.Paragraph className="qd-pre-wrap qd-flush" data-testid="project-description-text">
            {project.description}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t('project.noDescription')}</Typography.Text>
        )}
      </Panel>
      <Panel>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('project.fields.status')}>
            <StatusTag status={project.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('project.fields.methodology')}>{t(`project.methodology.${project.methodology}`)}</Descriptions.Item>
          <Descriptions.Item label={t('project.fields.currency')}>
            {project.currency} · {format.currencyName(project.currency)}
          </Descriptions.Item>
          <Descriptions.Item label={t('project.fields.startDate')}>
            <DateText value={project.startDate} />
          </Descriptions.Item>
          <Descriptions.Item label={t('project.fields.endDate')}>
            <DateText value={project.endDate} />
          </Descriptions.Item>
          <Descriptions.Item label={t('project.fields.calendar')}>
            {project.calendarId ? (calendar?.name ?? '…') : t('project.noCalendar')}
          </Descriptions.Item>
          <Descriptions.Item label={t('project.fields.createdAt')}>
            <DateTimeText value={project.createdAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('project.fields.updatedAt')}>
            <DateTimeText value={project.updatedAt} />
          </Descriptions.Item>
          {project.archivedAt && (
            <Descriptions.Item label={t('project.fields.archivedAt')}>
              <DateTimeText value={project.archivedAt} />
            </Descriptions.Item>
          )}
        </Descriptions>
      </Panel>
    </div>
  );
}
