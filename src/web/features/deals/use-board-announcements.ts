import type { Announcements, DndContextProps, UniqueIdentifier } from '@dnd-kit/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../../core/deals/schemas';

/** What a screen reader says while a card is dragged, in the user's language. */
export function useBoardAnnouncements(board: Pipeline | undefined): DndContextProps['accessibility'] {
  const { t } = useTranslation();
  return useMemo(() => {
    const titles = new Map<UniqueIdentifier, string>();
    const columnOf = new Map<UniqueIdentifier, string>();
    for (const column of board?.columns ?? []) {
      columnOf.set(`column:${column.stage}`, column.name);
      for (const card of column.cards) {
        titles.set(card.id, card.title);
        columnOf.set(card.id, column.name);
      }
    }
    const title = (id: UniqueIdentifier) => titles.get(id) ?? '';
    const where = (id: UniqueIdentifier | undefined) => (id === undefined ? '' : (columnOf.get(id) ?? ''));
    const announcements: Announcements = {
      onDragStart: ({ active }) => t('deals.board.a11y.picked', { title: title(active.id), column: where(active.id) }),
      onDragOver: ({ active, over }) =>
        over ? t('deals.board.a11y.over', { title: title(active.id), column: where(over.id) }) : t('deals.board.a11y.nowhere'),
      onDragEnd: ({ active, over }) =>
        over ? t('deals.board.a11y.dropped', { title: title(active.id), column: where(over.id) }) : t('deals.board.a11y.nowhere'),
      onDragCancel: ({ active }) => t('deals.board.a11y.cancelled', { title: title(active.id) }),
    };
    return { announcements, screenReaderInstructions: { draggable: t('deals.board.a11y.instructions') } };
  }, [board, t]);
}
