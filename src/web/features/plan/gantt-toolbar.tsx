import {
  AimOutlined,
  ArrowDownOutlined,
  ArrowUpOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  NodeCollapseOutlined,
  NodeExpandOutlined,
  PlusOutlined,
  SubnodeOutlined,
} from '@ant-design/icons';
import { Button, Flex, Segmented, Select, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Baseline } from '../../../core/baselines/schemas';
import type { TaskListItem } from '../../../core/tasks/schemas';
import type { MoveKind } from './gantt-rows';
import type { ScaleKind } from './gantt-scale';

type Props = {
  canEdit: boolean;
  selected: TaskListItem | null;
  canIndent: boolean;
  canOutdent: boolean;
  canUp: boolean;
  canDown: boolean;
  scale: ScaleKind;
  onScale: (kind: ScaleKind) => void;
  baselines: Baseline[];
  baselineId: string | null;
  onBaseline: (id: string | null) => void;
  onAdd: () => void;
  onAddSubtask: () => void;
  onMove: (kind: MoveKind) => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
  onToday: () => void;
};

/** Adding and arranging tasks (for those who edit), folding, the time scale and the baseline drawn. */
export function GanttToolbar(props: Props) {
  const { t } = useTranslation();
  const iconButton = (key: MoveKind, label: string, icon: React.ReactNode, enabled: boolean) => (
    <Tooltip title={label}>
      <Button icon={icon} aria-label={label} disabled={!enabled} onClick={() => props.onMove(key)} data-testid={`gantt-${key}`} />
    </Tooltip>
  );
  return (
    <Flex justify="space-between" align="center" gap={8} wrap className="qd-toolbar gantt-toolbar">
      <Flex gap={8} wrap>
        {props.canEdit && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={props.onAdd} data-testid="gantt-add">
              {t('plan.gantt.addTask')}
            </Button>
            <Button icon={<SubnodeOutlined />} disabled={!props.selected} onClick={props.onAddSubtask} data-testid="gantt-add-subtask">
              {t('plan.gantt.addSubtask')}
            </Button>
            <Space.Compact>
              {iconButton('outdent', t('plan.gantt.outdent'), <MenuFoldOutlined />, props.canOutdent)}
              {iconButton('indent', t('plan.gantt.indent'), <MenuUnfoldOutlined />, props.canIndent)}
              {iconButton('up', t('plan.gantt.moveUp'), <ArrowUpOutlined />, props.canUp)}
              {iconButton('down', t('plan.gantt.moveDown'), <ArrowDownOutlined />, props.canDown)}
            </Space.Compact>
          </>
        )}
        <Space.Compact>
          <Tooltip title={t('plan.gantt.expandAll')}>
            <Button icon={<NodeExpandOutlined />} aria-label={t('plan.gantt.expandAll')} onClick={props.onExpandAll} />
          </Tooltip>
          <Tooltip title={t('plan.gantt.collapseAll')}>
            <Button icon={<NodeCollapseOutlined />} aria-label={t('plan.gantt.collapseAll')} onClick={props.onCollapseAll} />
          </Tooltip>
        </Space.Compact>
      </Flex>
      <Flex gap={8} wrap align="center">
        <Select
          className="gantt-baseline-select"
          value={props.baselineId ?? ''}
          onChange={(value) => props.onBaseline(value === '' ? null : value)}
          options={[
            ...props.baselines.map((baseline) => ({ value: baseline.id, label: `${t('plan.gantt.baseline')}: ${baseline.name}` })),
            { value: '', label: t('plan.gantt.noBaseline') },
          ]}
          data-testid="gantt-baseline"
        />
        <Button icon={<AimOutlined />} onClick={props.onToday} data-testid="gantt-today">
          {t('plan.gantt.scrollToToday')}
        </Button>
        <Segmented<ScaleKind>
          value={props.scale}
          onChange={props.onScale}
          options={(['day', 'week', 'month'] as const).map((kind) => ({ value: kind, label: t(`plan.gantt.scale.${kind}`) }))}
          data-testid="gantt-scale"
        />
      </Flex>
    </Flex>
  );
}
