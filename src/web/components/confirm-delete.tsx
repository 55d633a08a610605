import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = {
  title: string;
  text: string;
  pending: boolean;
  onConfirm: () => Promise<unknown>;
  testId: string;
  /** Why the caller may not delete: the button is then disabled and says so. */
  refusal?: string;
};

/** A danger "Delete" button that asks first (and, when the caller may not delete, is disabled with the reason). */
export function ConfirmDelete({ title, text, pending, onConfirm, testId, refusal }: Props) {
  const { t } = useTranslation();
  if (refusal) {
    return (
      <Button danger disabled icon={<DeleteOutlined />} title={refusal} data-testid={testId}>
        {t('app.delete')}
      </Button>
    );
  }
  return (
    <Popconfirm
      title={title}
      description={text}
      okText={t('app.delete')}
      cancelText={t('app.cancel')}
      okButtonProps={{ danger: true, loading: pending }}
      onConfirm={onConfirm}
    >
      <Button danger icon={<DeleteOutlined />} data-testid={testId}>
        {t('app.delete')}
      </Button>
    </Popconfirm>
  );
}
