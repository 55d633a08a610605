import { PlusOutlined } from '@ant-design/icons';
import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Button, Tooltip } from 'antd';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../../core/deals/schemas';
import { useFormat } from '../../app/locale';
import { CARD_HEIGHT, DraggableDealCard, ROW_HEIGHT } from './deal-card';

type Column = Pipeline['columns'][number];

type Props = {
  column: Column;
  currency: string;
  owners: Pipeline['owners'];
  today: string;
  canEdit: boolean;
  /** The card being dragged (dimmed in place), if any. */
  activeId: string | null;
  /** Where the drop line shows in this column (px from the top of the list), or null. */
  indicatorTop: number | null;
  onOpen: (id: string) => void;
  onPrefetch: (id: string) => void;
  onCreate: (stage: string) => void;
};

/** One stage: its totals and its cards, of which only those in view (and a few around) are rendered. */
export const BoardColumn = memo(function BoardColumn(props: Props) {
  const { column, currency, owners, today, canEdit, activeId, indicatorTop, onOpen, onPrefetch, onCreate } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const scrollRef = useRef<HTMLDivElement>(null);
  const closed = column.kind !== 'open';
  const drop = useDroppable({ id: `column:${column.stage}`, data: { type: 'column', stage: column.stage } });
  const virtualizer = useVirtualizer({
    count: column.cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    getItemKey: (index) => column.cards[index].id,
    initialRect: { width: 272, height: 640 },
  });
  const hidden = column.count - column.cards.length;
  const setBodyRef = (node: HTMLDivElement | null) => {
    scrollRef.current = node;
    drop.setNodeRef(node);
  };

  return (
    <section
      className={`qd-column qd-column-${column.kind}${drop.isOver ? ' qd-column-over' : ''}`}
      aria-label={column.name}
      data-testid="board-column"
      data-stage={column.stage}
    >
      <header className="qd-column-head">
        <div className="qd-column-title">
          <span className="qd-column-name" title={column.name}>
            {column.name}
          </span>
          <span className="qd-column-count" data-testid="column-count">
            {format.number(column.count)}
          </span>
          {!closed && (
            <span className="qd-column-probability" title={t('deals.board.stageProbability')}>
              {format.number(Math.round(column.probability * 100))}%
            </span>
          )}
          {canEdit && !closed && (
            <Tooltip title={t('deals.board.addHere')}>
              <Button
                type="text"
                size="small"
                icon={<PlusOutlined />}
                aria-label={t('deals.board.addHere')}
                onClick={() => onCreate(column.stage)}
                data-testid="column-add"
              />
            </Tooltip>
          )}
        </div>
        <div className="qd-column-totals">
          <span className="qd-number" data-testid="column-amount" title={t('deals.board.total')}>
            {format.money(column.amount, currency)}
          </span>
          {!closed && (
            <span className="qd-column-weighted qd-number" data-testid="column-weighted">
              {t('deals.board.weighted', { amount: format.money(column.weightedAmount, currency) })}
            </span>
          )}
        </div>
        {column.otherCurrencies.length > 0 && (
          <div className="qd-column-others">
            {column.otherCurrencies.map((other) => (
              <span key={other.currency} className="qd-number">
                + {format.money(other.amount, other.currency)} ({format.number(other.count)})
              </span>
            ))}
          </div>
        )}
      </header>
      <div ref={setBodyRef} className="qd-column-body" data-testid="column-body">
        <div className="qd-column-list" style={{ height: Math.max(virtualizer.getTotalSize(), CARD_HEIGHT) }}>
          {virtualizer.getVirtualItems().map((item) => {
            const card = column.cards[item.index];
            const owner = card.owner === null ? null : (owners[card.owner]?.name ?? null);
            return (
              <DraggableDealCard
                key={card.id}
                card={card}
                currency={currency}
                owner={owner}
                closed={closed}
                today={today}
                stage={column.stage}
                index={item.index}
                top={item.start}
                disabled={!canEdit}
                dimmed={card.id === activeId}
                onOpen={onOpen}
                onPrefetch={onPrefetch}
              />
            );
          })}
          {indicatorTop !== null && <div className="qd-drop-line" style={{ top: indicatorTop }} data-testid="drop-line" />}
          {column.cards.length === 0 && (
            <div className="qd-column-empty">{t(closed ? 'deals.board.emptyClosed' : 'deals.board.empty')}</div>
          )}
        </div>
        {hidden > 0 && (
          <div className="qd-column-more">{t('deals.board.recentOnly', { shown: column.cards.length, count: column.count })}</div>
        )}
      </div>
    </section>
  );
});
