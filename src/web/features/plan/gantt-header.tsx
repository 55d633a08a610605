import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/locale';

type FiguresProps = { projectStart: string; projectFinish: string; criticalCount: number; taskCount: number };

/** The plan in four figures: where it starts, where the scheduler says it ends, how many tasks and how many of them are critical. */
export function GanttFigures({ projectStart, projectFinish, criticalCount, taskCount }: FiguresProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = [
    { key: 'start', label: t('plan.gantt.figures.start'), value: format.date(projectStart) },
    { key: 'finish', label: t('plan.gantt.figures.finish'), value: format.date(projectFinish) },
    { key: 'critical', label: t('plan.gantt.figures.critical'), value: format.number(criticalCount), critical: true },
    { key: 'tasks', label: t('plan.gantt.figures.tasks'), value: format.number(taskCount) },
  ];
  return (
    <Flex gap={12} wrap className="gantt-figures" data-testid="gantt-figures">
      {figures.map((figure) => (
        <div key={figure.key} className="gantt-figure" data-testid={`gantt-figure-${figure.key}`}>
          <Typography.Text type="secondary" className="qd-small">
            {figure.label}
          </Typography.Text>
          <div className={`gantt-figure-value${figure.critical ? ' is-critical' : ''}`}>{figure.value}</div>
        </div>
      ))}
    </Flex>
  );
}

const SWATCHES = [
  { key: 'task', draw: <rect x={1} y={3} width={22} height={10} rx={2} className="gantt-task" /> },
  { key: 'critical', draw: <rect x={1} y={3} width={22} height={10} rx={2} className="gantt-task is-critical" /> },
  { key: 'progress', draw: <rect x={1} y={3} width={22} height={10} rx={2} className="gantt-progress" /> },
  { key: 'summary', draw: <path d="M1,3H23V12L19,8H5L1,12Z" className="gantt-summary" /> },
  { key: 'milestone', draw: <path d="M12,1L19,8L12,15L5,8Z" className="gantt-milestone" /> },
  { key: 'baseline', draw: <rect x={1} y={6} width={22} height={4} rx={1} className="gantt-baseline" /> },
  { key: 'today', draw: <line x1={12} x2={12} y1={0} y2={16} className="gantt-today" /> },
  { key: 'nonWorking', draw: <rect x={4} y={0} width={16} height={16} className="gantt-nonworking is-swatch" /> },
] as const;

/** What the chart's marks mean. */
export function GanttLegend() {
  const { t } = useTranslation();
  return (
    <Flex gap={14} wrap className="gantt-legend" data-testid="gantt-legend">
      {SWATCHES.map((swatch) => (
        <span key={swatch.key} className="gantt-legend-item">
          <svg width={24} height={16} aria-hidden="true">
            {swatch.draw}
          </svg>
          {t(`plan.gantt.legend.${swatch.key}`)}
        </span>
      ))}
    </Flex>
  );
}
