import { Button, Descriptions, Flex, Form, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Dependency, DependencyType, MAX_LAG } from '../../../core/dependencies/schemas';
import type { TaskListItem } from '../../../core/tasks/schemas';
import { useMessage } from '../../app/feedback';
import { ConfirmDelete } from '../../components/confirm-delete';
import type { PlanMutations } from './use-plan';

type Props = {
  dependency: Dependency | null;
  tasks: ReadonlyMap<string, TaskListItem>;
  mutations: PlanMutations;
  onClose: () => void;
};

type Values = { type: Dependency['type']; lag: number };

/** An arrow clicked in the Gantt: its type and lag, or removing it. */
export function DependencyModal({ dependency, tasks, mutations, onClose }: Props) {
  const { t } = useTranslation();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const from = dependency ? tasks.get(dependency.predecessorId) : undefined;
  const to = dependency ? tasks.get(dependency.successorId) : undefined;

  const save = (values: Values) => {
    if (!dependency) return;
    mutations.updateDependency.mutate(
      { id: dependency.id, patch: { type: values.type, lag: values.lag ?? 0, version: dependency.version } },
      {
        onSuccess: () => {
          message.success(t('plan.gantt.dependency.saved'));
          onClose();
        },
      },
    );
  };

  const remove = () =>
    dependency &&
    mutations.deleteDependency
      .mutateAsync(dependency)
      .then(() => {
        message.success(t('plan.gantt.dependency.deleted'));
        onClose();
      })
      .catch(() => undefined);

  return (
    <Modal
      open={dependency !== null}
      title={t('plan.gantt.dependency.title')}
      onCancel={onClose}
      destroyOnHidden
      data-testid="dependency-modal"
      footer={
        <Flex justify="space-between">
          <ConfirmDelete
            title={t('plan.gantt.dependency.deleteConfirm')}
            pending={mutations.deleteDependency.isPending}
            onConfirm={remove}
            action={t('app.remove')}
            label={t('plan.gantt.dependency.delete')}
            testId="dependency-delete"
          />
          <Flex gap={8}>
            <Button onClick={onClose}>{t('app.cancel')}</Button>
            <Button
              type="primary"
              loading={mutations.updateDependency.isPending}
              onClick={() => form.submit()}
              data-testid="dependency-save"
            >
              {t('app.save')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      {dependency && (
        <>
          <Descriptions
            column={1}
            size="small"
            className="qd-block-gap"
            items={[
              { key: 'from', label: t('plan.gantt.dependency.from'), children: from ? `${from.wbs} ${from.title}` : '—' },
              { key: 'to', label: t('plan.gantt.dependency.to'), children: to ? `${to.wbs} ${to.title}` : '—' },
            ]}
          />
          <Form<Values> form={form} layout="vertical" initialValues={{ type: dependency.type, lag: dependency.lag }} onFinish={save}>
            <Form.Item name="type" label={t('plan.gantt.dependency.type')}>
              <Select
                options={DependencyType.options.map((value) => ({ value, label: t(`plan.gantt.dependency.types.${value}`) }))}
                data-testid="dependency-type"
              />
            </Form.Item>
            <Form.Item name="lag" label={t('plan.gantt.dependency.lag')} extra={t('plan.gantt.dependency.lagHint')}>
              <InputNumber
                min={-MAX_LAG}
                max={MAX_LAG}
                precision={0}
                suffix={t('plan.gantt.dependency.lagUnit')}
                className="qd-full-width"
                data-testid="dependency-lag"
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
