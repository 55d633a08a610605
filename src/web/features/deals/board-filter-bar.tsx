import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
// The plain input alone: `Input` from 'antd' brings Search, Password, OTP and Group along (5 KB gzipped of the board's first load).
import Input from 'antd/es/input/Input';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale';
import { lazyNamed, useWantedSoon } from '../../components/lazy-named';
import { type BoardFilters, hasFilters, NO_FILTERS } from './board-filters';

type Props = { filters: BoardFilters; currency: string; onChange: (patch: Partial<BoardFilters>) => void };

const Controls = lazyNamed(() => import('./board-filter-controls'), 'BoardFilterControls');

/**
 * Text, owner, amount range and expected-close range; each change goes into the address. The owner, amount and
 * date pickers (a third of the board's JavaScript) download once the board has shown (idle time after a second),
 * when the pointer reaches one of them, or at once when the address already filters by them; until then read-only
 * stand-ins hold their place.
 */
export function BoardFilterBar({ filters, currency, onChange }: Props) {
  const { t } = useTranslation();
  const symbol = useLocale().format.currencySymbol(currency);
  const [text, setText] = useState(filters.q);
  // In idle time once the board has had a second to show; at once when the pointer reaches a stand-in.
  const [pickersWanted, wantPickers] = useWantedSoon(Controls, 1000);
  const pickersNeeded = hasFilters({ ...filters, q: '' });

  // Typing settles for 300 ms before the board reloads; a change of the address (back button) resets the box.
  useEffect(() => setText(filters.q), [filters.q]);
  useEffect(() => {
    if (text === filters.q) return;
    const timer = setTimeout(() => onChange({ q: text }), 300);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  // Read-only stand-ins of the same size, so the bar does not move when the pickers arrive.
  const standIns = (
    <>
      <Input
        readOnly
        tabIndex={-1}
        aria-hidden
        onPointerEnter={wantPickers}
        placeholder={t('deals.filters.owner')}
        className="qd-board-owner-standin"
        data-testid="board-filters-loading"
      />
      <Flex align="center" gap={4} aria-hidden onPointerEnter={wantPickers}>
        <Input readOnly tabIndex={-1} prefix={symbol} placeholder={t('deals.filters.amountMin')} className="qd-board-amount" />
        <span>–</span>
        <Input readOnly tabIndex={-1} prefix={symbol} placeholder={t('deals.filters.amountMax')} className="qd-board-amount" />
      </Flex>
      <Input
        readOnly
        tabIndex={-1}
        aria-hidden
        onPointerEnter={wantPickers}
        placeholder={`${t('deals.filters.closeFrom')} → ${t('deals.filters.closeTo')}`}
        className="qd-board-close-range"
      />
    </>
  );

  return (
    <Flex gap={8} wrap align="center" className="qd-toolbar" data-testid="board-filters">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('deals.filters.search')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        className="qd-board-search"
        aria-label={t('deals.filters.search')}
        data-testid="board-search"
      />
      {pickersNeeded || pickersWanted ? (
        <Suspense fallback={standIns}>
          <Controls filters={filters} currency={currency} onChange={onChange} />
        </Suspense>
      ) : (
        standIns
      )}
      {hasFilters(filters) && (
        <Button icon={<ClearOutlined />} onClick={() => onChange(NO_FILTERS)} data-testid="board-clear-filters">
          {t('deals.filters.clear')}
        </Button>
      )}
    </Flex>
  );
}
