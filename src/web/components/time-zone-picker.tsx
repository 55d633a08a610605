import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZones } from '../app/format';

type Props = { value?: string; onChange?: (value: string) => void; testId: string };

/** Every IANA time zone the browser knows, searchable; opens at once (it replaces a read-only field on click). */
export function TimeZonePicker({ value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const options = useMemo(() => timeZones(value).map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })), [value]);
  return (
    <Select<string>
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      prefix={<GlobalOutlined />}
      defaultOpen
      autoFocus
      aria-label={t('auth.timeZone')}
      data-testid={testId}
    />
  );
}
