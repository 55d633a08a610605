import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../core/common/schemas';
import { LOCALES } from '../app/i18n';

type Props = { value?: Locale; onChange?: (value: Locale) => void; testId?: string };

/** zh-CN / en, each named in its own language (a form control). */
export function LanguageSelect({ value, onChange, testId = 'language-select' }: Props) {
  const { t } = useTranslation();
  return (
    <Segmented<Locale>
      value={value}
      onChange={onChange}
      aria-label={t('auth.language')}
      data-testid={testId}
      options={LOCALES.map((locale) => ({
        value: locale,
        label: <span data-testid={`${testId}-${locale}`}>{t(`language.${locale}`)}</span>,
      }))}
    />
  );
}
