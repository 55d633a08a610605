import { Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { SecretReveal } from './secret-reveal';

type Props = { open: boolean; title: string; warning: string; value: string; onClose: () => void; testId: string };

/** A secret shown once (a token, an invitation link): copy it now, it will not be shown again. */
export function SecretModal({ open, title, warning, value, onClose, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid={`${testId}-close`}>
          {t('app.close')}
        </Button>
      }
    >
      <SecretReveal value={value} warning={warning} testId={testId} />
    </Modal>
  );
}
