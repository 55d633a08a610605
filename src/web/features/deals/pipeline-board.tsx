import {
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  type DragMoveEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Skeleton } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PipelineCard } from '../../../core/deals/schemas';
import type { Project } from '../../../core/projects/schemas';
import { useFormat } from '../../app/locale';
import { whenIdle } from '../../app/when-idle';
import { QueryError } from '../../components/query-error';
import { BoardColumn } from './board-column';
import type { BoardFilters } from './board-filters';
import { dropPlace, isSamePlace, moveCard, type Place, placeOf } from './board-move';
import { DealCardBody, ROW_HEIGHT } from './deal-card';
import { LazyCloseDealModal } from './lazy-close-deal';
import { LazyDealPage } from './lazy-deal-page';
import { markOpenDeal } from './perf-marks';
import { useBoardAnnouncements } from './use-board-announcements';
import { dealQuery, usePipeline } from './use-deals';
import { moveBody, useMoveDeal } from './use-move-deal';
import './board.css';

const COLUMN_WIDTH = 272;
const COLUMN_GAP = 12;

type Props = { project: Project; filters: BoardFilters; canEdit: boolean; onCreate: (stage: string) => void };

type Dragging = { card: PipelineCard; from: Place; kind: 'open' | 'won' | 'lost' };
type Closing = { kind: 'win' | 'lose'; card: PipelineCard };

/** Cards first (the pointer is over a card inside a column), else the column; rectangles for the keyboard. */
const collisions: CollisionDetection = (args) => {
  const found = args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args);
  const cards = found.filter((hit) => !String(hit.id).startsWith('column:'));
  return cards.length ? cards : found;
};

/**
 * The pipeline board: a column per stage, cards dragged between and within columns with the mouse, touch or
 * keyboard (focus a card, Space, arrows, Space). Columns and cards are virtualized: 10,000 deals render as the
 * few dozen cards in view.
 */
export function PipelineBoard({ project, filters, canEdit, onCreate }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const client = useQueryClient();
  const pipeline = usePipeline(project.id, filters);
  const move = useMoveDeal(project.id, filters);
  const [dragging, setDragging] = useState<Dragging | null>(null);
  const [target, setTarget] = useState<Place | null>(null);
  const [closing, setClosing] = useState<Closing | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const dropStarted = useRef(false);
  const board = pipeline.data;
  const today = format.today();

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );
  const announcements = useBoardAnnouncements(board);

  const columnsVirtualizer = useVirtualizer({
    horizontal: true,
    count: board?.columns.length ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => COLUMN_WIDTH + COLUMN_GAP,
    overscan: 2,
    initialRect: { width: 1400, height: 700 },
  });

  // The deal page's code downloads while the browser is idle, so the first card opened does not wait for it.
  useEffect(() => whenIdle(() => void LazyDealPage.preload()), []);

  // "Drop a card" is measured from the drop to the frame that shows the card in its new place.
  useLayoutEffect(() => {
    if (!dropStarted.current || !board) return;
    dropStarted.current = false;
    requestAnimationFrame(() => performance.measure('qd-drop', 'qd-drop-start'));
  }, [board]);

  const onOpen = useCallback(
    (id: string) => {
      markOpenDeal();
      navigate(`/deals/${encodeURIComponent(id)}`);
    },
    [navigate],
  );
  const onPrefetch = useCallback((id: string) => void client.prefetchQuery(dealQuery(id)), [client]);

  const placeFor = (event: DragMoveEvent): Place | null => {
    const { active, over } = event;
    if (!board || !over || !dragging) return null;
    const data = over.data.current as { type: 'card' | 'column'; stage: string; index?: number } | undefined;
    if (!data) return null;
    const column = board.columns.find((c) => c.stage === data.stage);
    if (!column) return null;
    const translated = active.rect.current.translated;
    const lowerHalf = translated ? translated.top + translated.height / 2 > over.rect.top + over.rect.height / 2 : false;
    const index = data.type === 'card' && over.id !== active.id ? (data.index ?? null) : data.type === 'card' ? dragging.from.index : null;
    if (column.kind !== 'open') return { stage: column.stage, index: 0 };
    return dropPlace(dragging.from, { stage: column.stage, index, columnLength: column.cards.length }, lowerHalf);
  };

  const onDragStart = (event: DragStartEvent) => {
    if (!board) return;
    const place = placeOf(board, String(event.active.id));
    if (!place) return;
    const kind = board.columns.find((c) => c.stage === place.stage)?.kind ?? 'open';
    setDragging({ card: place.card, from: { stage: place.stage, index: place.index }, kind });
    setTarget(null);
  };

  const onDragMove = (event: DragMoveEvent) => {
    const next = placeFor(event);
    setTarget((current) => ((current && next && isSamePlace(current, next)) || current === next ? current : next));
  };

  const onDragEnd = (event: DragEndEvent) => {
    const place = placeFor(event) ?? target;
    const from = dragging;
    setDragging(null);
    setTarget(null);
    if (!board || !from || !place || isSamePlace(place, from.from)) return;
    const column = board.columns.find((c) => c.stage === place.stage);
    if (!column) return;
    if (from.kind !== 'open' && column.kind !== 'open') return; // closed deals go back to an open stage only
    if (from.kind === 'open' && column.kind !== 'open') {
      setClosing({ kind: column.kind === 'won' ? 'win' : 'lose', card: from.card });
      return;
    }
    performance.mark('qd-drop-start');
    dropStarted.current = true;
    const body = moveBody(moveCard(board, from.card.id, place), place, from.card.version);
    move.mutate({ id: from.card.id, to: place, body });
  };

  const indicatorTop = (stage: string): number | null => {
    if (!target || !dragging || target.stage !== stage) return null;
    const column = board?.columns.find((c) => c.stage === stage);
    if (column?.kind !== 'open') return null;
    const sameColumn = dragging.from.stage === stage;
    if (sameColumn && target.index === dragging.from.index) return null;
    const slot = sameColumn && target.index > dragging.from.index ? target.index + 1 : target.index;
    return Math.max(0, slot * ROW_HEIGHT - 5);
  };

  const ownerNames = useMemo(() => board?.owners ?? [], [board]);

  if (pipeline.isError && !board) return <QueryError error={pipeline.error} onRetry={() => void pipeline.refetch()} />;
  if (!board) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (board.columns.length === 0) return <Empty description={t('deals.board.noStages')} />;

  const dragOwner = dragging?.card.owner == null ? null : (ownerNames[dragging.card.owner]?.name ?? null);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisions}
      measuring={{ droppable: { strategy: MeasuringStrategy.WhileDragging } }}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setDragging(null);
        setTarget(null);
      }}
      accessibility={announcements}
    >
      <div ref={scrollRef} className="qd-board" data-testid="pipeline-board" aria-busy={pipeline.isFetching || undefined}>
        <div className="qd-board-track" style={{ width: columnsVirtualizer.getTotalSize() - COLUMN_GAP }}>
          {columnsVirtualizer.getVirtualItems().map((item) => {
            const column = board.columns[item.index];
            return (
              <div key={column.stage} className="qd-board-slot" style={{ left: item.start, width: COLUMN_WIDTH }}>
                <BoardColumn
                  column={column}
                  currency={board.currency}
                  owners={ownerNames}
                  today={today}
                  canEdit={canEdit}
                  activeId={dragging?.card.id ?? null}
                  indicatorTop={indicatorTop(column.stage)}
                  onOpen={onOpen}
                  onPrefetch={onPrefetch}
                  onCreate={onCreate}
                />
              </div>
            );
          })}
        </div>
      </div>
      <DragOverlay dropAnimation={null}>
        {dragging && (
          <div className="qd-card qd-card-overlay">
            <DealCardBody
              card={dragging.card}
              currency={board.currency}
              owner={dragOwner}
              closed={dragging.kind !== 'open'}
              today={today}
            />
          </div>
        )}
      </DragOverlay>
      <LazyCloseDealModal
        open={closing !== null}
        kind={closing?.kind ?? 'win'}
        deal={
          closing
            ? {
                id: closing.card.id,
                title: closing.card.title,
                amount: closing.card.amount,
                currency: closing.card.currency ?? board.currency,
                version: closing.card.version,
              }
            : null
        }
        onClose={() => setClosing(null)}
      />
    </DndContext>
  );
}
