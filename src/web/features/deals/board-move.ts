import type { Pipeline, PipelineCard } from '../../../core/deals/schemas';

/** Where a card is, or lands: a column and a zero-based place in it (counted without the moved card). */
export type Place = { stage: string; index: number };

/** What the pointer (or the keyboard) is over during a drag: a card of a column, or a column's empty space. */
export type Over = { stage: string; index: number | null; columnLength: number };

/**
 * The place a dragged card lands. Over a card of its own column it takes that card's place (the others shift,
 * as in a sortable list); over a card of another column it goes before it, or after it when the pointer is in
 * the card's lower half; over a column's empty space it goes to the end.
 */
export function dropPlace(from: Place, over: Over, lowerHalf: boolean): Place {
  const same = over.stage === from.stage;
  if (over.index === null) return { stage: over.stage, index: same ? Math.max(0, over.columnLength - 1) : over.columnLength };
  if (same) return { stage: over.stage, index: over.index };
  return { stage: over.stage, index: over.index + (lowerHalf ? 1 : 0) };
}

export const isSamePlace = (a: Place, b: Place): boolean => a.stage === b.stage && a.index === b.index;

/** Where a card is on the board, or null. */
export function placeOf(board: Pipeline, cardId: string): (Place & { card: PipelineCard }) | null {
  for (const column of board.columns) {
    const index = column.cards.findIndex((card) => card.id === cardId);
    if (index >= 0) return { stage: column.stage, index, card: column.cards[index] };
  }
  return null;
}

const shift = (weighted: number, amount: number, probability: number, sign: 1 | -1) => weighted + sign * Math.round(amount * probability);

/**
 * The board with a card moved to `to` (what the user sees at once, before the server answers). Counts and
 * amounts move with the card; the weighted amounts use the columns' probabilities (a deal's own probability
 * is not on its card; the board reloads from the server afterwards). The days in stage restart at 0.
 */
export function moveCard(board: Pipeline, cardId: string, to: Place): Pipeline {
  const from = placeOf(board, cardId);
  const target = board.columns.find((column) => column.stage === to.stage);
  if (!from || !target) return board;
  const changesStage = from.stage !== to.stage;
  const card: PipelineCard = changesStage ? { ...from.card, days: 0 } : from.card;
  const columns = board.columns.map((column) => {
    const leaving = column.stage === from.stage;
    const entering = column.stage === to.stage;
    if (!leaving && !entering) return column;
    const cards = leaving ? column.cards.filter((c) => c.id !== cardId) : [...column.cards];
    if (entering) cards.splice(Math.min(Math.max(0, to.index), cards.length), 0, card);
    if (!changesStage) return { ...column, cards };
    const sign = entering ? 1 : -1;
    const next = { ...column, cards, count: column.count + sign };
    if (card.currency === undefined) {
      next.amount = column.amount + sign * card.amount;
      next.weightedAmount = shift(column.weightedAmount, card.amount, column.probability, sign);
    } else {
      const others = column.otherCurrencies.filter((total) => total.currency !== card.currency);
      const current = column.otherCurrencies.find((total) => total.currency === card.currency) ?? {
        currency: card.currency,
        count: 0,
        amount: 0,
        weightedAmount: 0,
      };
      const updated = {
        currency: card.currency,
        count: current.count + sign,
        amount: current.amount + sign * card.amount,
        weightedAmount: shift(current.weightedAmount, card.amount, column.probability, sign),
      };
      next.otherCurrencies = (updated.count > 0 ? [...others, updated] : others).sort((a, b) => (a.currency < b.currency ? -1 : 1));
    }
    return next;
  });
  return { ...board, columns };
}

/** The card a moved card now sits before in its column (null: the last), for `POST /deals/:id/move`'s `beforeId`. */
export function beforeIdAt(board: Pipeline, to: Place): string | null {
  const column = board.columns.find((c) => c.stage === to.stage);
  return column?.cards[to.index + 1]?.id ?? null;
}

/** The board with one card's version and rank as the server answered them. */
export function withSavedCard(board: Pipeline, cardId: string, saved: { version: number; rank: string }): Pipeline {
  return {
    ...board,
    columns: board.columns.map((column) =>
      column.cards.some((card) => card.id === cardId)
        ? { ...column, cards: column.cards.map((card) => (card.id === cardId ? { ...card, ...saved } : card)) }
        : column,
    ),
  };
}
