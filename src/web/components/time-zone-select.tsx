import { GlobalOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from './lazy-named';

type Props = { value?: string; onChange?: (value: string) => void; testId?: string };

const TimeZonePicker = lazyNamed(() => import('./time-zone-picker'), 'TimeZonePicker');

/**
 * The time zone, with a searchable list of every IANA zone. The list (antd Select) is downloaded when the user
 * reaches for it, so pages that merely show the default (setup, invitation) stay light.
 */
export function TimeZoneSelect({ value, onChange, testId = 'time-zone-select' }: Props) {
  const { t } = useTranslation();
  const [active, setActive] = useState(false);
  const placeholder = (
    <Input
      readOnly
      value={value?.replaceAll('_', ' ')}
      prefix={<GlobalOutlined />}
      aria-label={t('auth.timeZone')}
      onMouseEnter={TimeZonePicker.preload}
      onFocus={() => setActive(true)}
      onClick={() => setActive(true)}
      data-testid={testId}
    />
  );
  if (!active) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <TimeZonePicker value={value} onChange={onChange} testId={testId} />
    </Suspense>
  );
}
