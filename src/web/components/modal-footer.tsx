import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = {
  okText: string;
  onOk: () => void;
  onCancel: () => void;
  pending?: boolean;
  danger?: boolean;
  okDisabled?: boolean;
  /** `data-testid` prefix: `<prefix>-submit` and `<prefix>-cancel`. */
  testId: string;
};

/** A modal's buttons with test ids (antd's built-in footer takes none). */
export function ModalFooter({ okText, onOk, onCancel, pending, danger, okDisabled, testId }: Props) {
  const { t } = useTranslation();
  return (
    <div className="qd-modal-footer">
      <Button onClick={onCancel} data-testid={`${testId}-cancel`}>
        {t('app.cancel')}
      </Button>
      <Button type="primary" danger={danger} onClick={onOk} loading={pending} disabled={okDisabled} data-testid={`${testId}-submit`}>
        {okText}
      </Button>
    </div>
  );
}
