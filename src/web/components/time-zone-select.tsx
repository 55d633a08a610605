import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZones } from '../app/format';

type Props = { value?: string; onChange?: (value: string) => void; testId?: string };

/** Every IANA time zone the browser knows, searchable. */
export function TimeZoneSelect({ value, onChange, testId = 'time-zone-select' }: Props) {
  const { t } = useTranslation();
  const options = useMemo(() => timeZones(value).map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })), [value]);
  return (
    <Select<string>
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={testId}
      aria-label={t('auth.timeZone')}
    />
  );
}
