import { DownOutlined, GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../core/common/schemas';
import { LOCALES } from '../app/i18n';

type Props = { value: Locale; onChange: (locale: Locale) => void; testId?: string };

/** A compact language menu for the pages seen before signing in. */
export function LanguageSwitch({ value, onChange, testId = 'language-switch' }: Props) {
  const { t } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [value],
        items: LOCALES.map((locale) => ({ key: locale, label: t(`language.${locale}`), 'data-testid': `${testId}-${locale}` })),
        onClick: ({ key }) => {
          const locale = LOCALES.find((candidate) => candidate === key);
          if (locale) onChange(locale);
        },
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('auth.language')} data-testid={testId}>
        {t(`language.${value}`)}
        <DownOutlined className="qd-caret" />
      </Button>
    </Dropdown>
  );
}
