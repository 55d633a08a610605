import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  title: string;
  /** What goes with it (omitted: the title alone). */
  text?: ReactNode;
  pending?: boolean;
  /** A promise keeps the question open until it settles. */
  onConfirm: () => unknown;
  testId: string;
  /** Why the caller may not delete: the button is then disabled and says so. */
  refusal?: string;
  /** The confirming word, on the confirm button and on this one: "Delete" unless given ("Remove", "Revoke"). */
  action?: string;
  /** The button's own words, when they differ from the confirming word. */
  label?: string;
  /**
   * How the button looks: a danger button with icon and words (`button`, the default), the icon alone on a
   * button (`icon`) or on a bare row action (`text`), or a link in a table's actions column (`link`, no icon).
   */
  look?: 'button' | 'icon' | 'text' | 'link';
  size?: 'small';
};

/** A danger "Delete" (or "Remove", "Revoke") button that asks first (and, when the caller may not delete, is disabled with the reason). */
export function ConfirmDelete({ title, text, pending, onConfirm, testId, refusal, action, label, look = 'button', size }: Props) {
  const { t } = useTranslation();
  const confirmWord = action ?? t('app.delete');
  const words = label ?? confirmWord;
  const trigger = (disabled: boolean) => {
    const common = { danger: true, disabled, size, 'data-testid': testId } as const;
    if (look === 'link') {
      return (
        <Button type="link" {...common} title={refusal}>
          {words}
        </Button>
      );
    }
    if (look === 'icon' || look === 'text') {
      return (
        <Button
          type={look === 'text' ? 'text' : undefined}
          {...common}
          icon={<DeleteOutlined />}
          aria-label={refusal ?? words}
          title={refusal ?? words}
        />
      );
    }
    return (
      <Button {...common} icon={<DeleteOutlined />} title={refusal}>
        {words}
      </Button>
    );
  };
  if (refusal) return trigger(true);
  return (
    <Popconfirm
      title={title}
      description={text}
      okText={confirmWord}
      cancelText={t('app.cancel')}
      okButtonProps={{ danger: true, loading: pending }}
      onConfirm={onConfirm}
    >
      {trigger(false)}
    </Popconfirm>
  );
}
