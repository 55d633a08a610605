import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../core/common/schemas';
import { LOCALES } from '../app/i18n';

type Props = { value?: Locale; onChange?: (value: Locale) => void; testId?: string; size?: 'small' | 'middle' | 'large' };

/** zh-CN / en, each named in its own language. */
export function LanguageSelect({ value, onChange, testId = 'language-select', size }: Props) {
  const { t } = useTranslation();
  return (
    <Select<Locale>
      value={value}
      onChange={onChange}
      size={size}
      data-testid={testId}
      aria-label={t('auth.language')}
      options={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
      popupMatchSelectWidth={false}
    />
  );
}
