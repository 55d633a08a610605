import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Deal, MoveBody, Pipeline } from '../../../core/deals/schemas';
import { api } from '../../app/api';
import type { BoardFilters } from './board-filters';
import { beforeIdAt, moveCard, type Place, placeOf, withSavedCard } from './board-move';
import { dealKeys } from './use-deals';

type Move = { id: string; to: Place };

/**
 * A drop on the board: the card moves at once (optimistic), the server is told where it landed (`beforeId`, with
 * the version the card showed). If someone else changed the deal meanwhile (409), the board snaps back to what it
 * was and reloads; the global handler says why. Nothing was saved, so nothing is lost.
 */
export function useMoveDeal(projectId: string, filters: BoardFilters) {
  const client = useQueryClient();
  const key = dealKeys.pipeline(projectId, filters);
  return useMutation({
    mutationFn: ({ id, body }: Move & { body: MoveBody }) => api.post<Deal>(`/deals/${encodeURIComponent(id)}/move`, body),
    onMutate: ({ id, to }) => {
      void client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<Pipeline>(key);
      const changesStage = before ? placeOf(before, id)?.stage !== to.stage : false;
      if (before) client.setQueryData<Pipeline>(key, moveCard(before, id, to));
      return { before, changesStage };
    },
    onError: (_error, _move, context) => {
      if (context?.before) client.setQueryData(key, context.before);
    },
    onSuccess: (deal, { id }, context) => {
      client.setQueryData<Pipeline>(key, (board) => (board ? withSavedCard(board, id, deal) : board));
      client.setQueryData(dealKeys.detail(deal.id), deal);
      void client.invalidateQueries({ queryKey: dealKeys.history(deal.id) });
      // Column totals (weighted by each deal's own probability) come from the server; a reorder changes none.
      if (context?.changesStage) void client.invalidateQueries({ queryKey: dealKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}

/** The body of `POST /deals/:id/move` for a card dropped at `to` on `board` (the board after the move). */
export function moveBody(board: Pipeline, to: Place, version: number): MoveBody {
  return { stage: to.stage, beforeId: beforeIdAt(board, to), version };
}
