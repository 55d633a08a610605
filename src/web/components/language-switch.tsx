import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../core/common/schemas';
import { LOCALES } from '../app/i18n';

type Props = { value: Locale; onChange: (locale: Locale) => void; testId?: string };

/**
 * The language switch of the pages seen before signing in. With two languages it offers the other one, named in
 * itself ("English" on a Chinese page, "简体中文" on an English one): a menu for two entries would cost every
 * public page antd's Dropdown and Menu.
 */
export function LanguageSwitch({ value, onChange, testId = 'language-switch' }: Props) {
  const { t } = useTranslation();
  const other = LOCALES.find((locale) => locale !== value) ?? value;
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      lang={other}
      onClick={() => onChange(other)}
      aria-label={`${t('auth.language')}: ${t(`language.${other}`)}`}
      data-testid={testId}
    >
      {t(`language.${other}`)}
    </Button>
  );
}
