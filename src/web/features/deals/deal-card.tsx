import { ClockCircleOutlined, UserOutlined } from '@ant-design/icons';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { type KeyboardEvent, memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineCard } from '../../../core/deals/schemas';
import { useFormat } from '../../app/locale';

/** Cards have one height, so a column can place thousands of them by arithmetic (virtualized). */
export const CARD_HEIGHT = 104;
export const CARD_GAP = 8;
export const ROW_HEIGHT = CARD_HEIGHT + CARD_GAP;

type CardProps = {
  card: PipelineCard;
  currency: string;
  owner: string | null;
  closed: boolean;
  today: string;
};

/** What a card shows: title, account, amount, owner, expected close date (close date when closed), days in stage. */
export const DealCardBody = memo(function DealCardBody({ card, currency, owner, closed, today }: CardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const overdue = !closed && card.close !== null && card.close < today;
  return (
    <>
      <div className="qd-card-title" title={card.title}>
        {card.title}
      </div>
      <div className="qd-card-account" title={card.account ?? undefined}>
        {card.account ?? t('deals.card.noAccount')}
      </div>
      <div className="qd-card-row">
        <span className="qd-card-amount qd-number">{format.money(card.amount, card.currency ?? currency)}</span>
        <span className="qd-card-owner" title={owner ?? undefined}>
          <UserOutlined /> {owner ?? t('deals.card.noOwner')}
        </span>
      </div>
      <div className="qd-card-row qd-card-meta">
        <span className={overdue ? 'qd-card-overdue' : undefined} title={closed ? t('deals.card.closed') : t('deals.card.expectedClose')}>
          {card.close ? format.date(card.close) : t('deals.card.noCloseDate')}
        </span>
        <span title={t('deals.card.daysInStageHint')}>
          <ClockCircleOutlined /> {t('deals.card.days', { count: card.days })}
        </span>
      </div>
    </>
  );
});

type DraggableProps = CardProps & {
  stage: string;
  index: number;
  top: number;
  disabled: boolean;
  dimmed: boolean;
  onOpen: (id: string) => void;
  onPrefetch: (id: string) => void;
};

/** A card on the board: a drag source and a drop target; click or Enter opens the deal, Space picks it up. */
export const DraggableDealCard = memo(function DraggableDealCard(props: DraggableProps) {
  const { card, stage, index, top, disabled, dimmed, onOpen, onPrefetch } = props;
  const data = { type: 'card', stage, index };
  const drag = useDraggable({ id: card.id, data, disabled });
  const drop = useDroppable({ id: card.id, data });
  const setRef = (node: HTMLDivElement | null) => {
    drag.setNodeRef(node);
    drop.setNodeRef(node);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && !drag.isDragging) {
      event.preventDefault();
      onOpen(card.id);
      return;
    }
    drag.listeners?.onKeyDown?.(event);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a drag source holding block content (a <button> cannot), with dnd-kit's keyboard handling
    <div
      ref={setRef}
      {...drag.attributes}
      {...drag.listeners}
      role="button"
      tabIndex={0}
      onKeyDown={onKeyDown}
      onClick={() => onOpen(card.id)}
      onPointerEnter={() => onPrefetch(card.id)}
      className={`qd-card${dimmed ? ' qd-card-dragging' : ''}${disabled ? ' qd-card-static' : ''}`}
      style={{ top, height: CARD_HEIGHT }}
      data-testid="deal-card"
      data-deal-id={card.id}
      aria-label={card.title}
    >
      <DealCardBody {...props} />
    </div>
  );
});
