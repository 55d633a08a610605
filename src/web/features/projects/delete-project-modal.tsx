import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalFooter } from '../../components/modal-footer';

type Props = { open: boolean; name: string; pending: boolean; onConfirm: () => void; onCancel: () => void };

/** Deleting cannot be undone, so the user types the project's name first. */
export function DeleteProjectModal({ open, name, pending, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const matches = typed.trim() === name.trim();
  const close = () => {
    setTyped('');
    onCancel();
  };
  return (
    <Modal
      open={open}
      title={t('project.deleteTitle')}
      onCancel={close}
      destroyOnHidden
      afterClose={() => setTyped('')}
      footer={
        <ModalFooter
          okText={t('app.delete')}
          danger
          onOk={onConfirm}
          onCancel={close}
          pending={pending}
          okDisabled={!matches}
          testId="project-delete-confirm"
        />
      }
    >
      <Typography.Paragraph>{t('project.deleteText')}</Typography.Paragraph>
      <Typography.Paragraph>
        <label htmlFor="qd-delete-name">{t('project.deleteType', { name })}</label>
      </Typography.Paragraph>
      <Input
        id="qd-delete-name"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        onPressEnter={() => matches && onConfirm()}
        autoComplete="off"
        data-testid="project-delete-name"
      />
    </Modal>
  );
}
