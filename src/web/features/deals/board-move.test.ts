import { describe, expect, it } from 'vitest';
import type { Pipeline, PipelineCard } from '../../../core/deals/schemas';
import { beforeIdAt, dropPlace, moveCard, placeOf, withSavedCard } from './board-move';

const card = (id: string, amount: number, currency?: string): PipelineCard => ({
  id,
  title: id,
  account: null,
  amount,
  ...(currency ? { currency } : {}),
  owner: null,
  close: null,
  days: 9,
  rank: 'a0',
  version: 3,
});

const column = (stage: string, probability: number, cards: PipelineCard[], weightedAmount: number) => ({
  stage,
  stageId: `s-${stage}`,
  name: stage,
  kind: 'open' as const,
  probability,
  count: cards.length,
  amount: cards.filter((c) => !c.currency).reduce((sum, c) => sum + c.amount, 0),
  weightedAmount,
  otherCurrencies: [] as Pipeline['columns'][number]['otherCurrencies'],
  cards,
});

// lead (10 %): a 1,000, b 2,000 → weighted 300; proposal (40 %): c 5,000 → weighted 2,000.
const board = (): Pipeline => ({
  projectId: 'p',
  currency: 'CNY',
  owners: [],
  columns: [column('lead', 0.1, [card('a', 1000), card('b', 2000)], 300), column('proposal', 0.4, [card('c', 5000)], 2000)],
});

describe('dropPlace', () => {
  const from = { stage: 'lead', index: 0 };
  it('takes the place of a card of its own column, as a sortable list does', () => {
    expect(dropPlace(from, { stage: 'lead', index: 1, columnLength: 2 }, false)).toEqual({ stage: 'lead', index: 1 });
    expect(dropPlace({ stage: 'lead', index: 1 }, { stage: 'lead', index: 0, columnLength: 2 }, true)).toEqual({ stage: 'lead', index: 0 });
  });
  it('goes before a card of another column, or after it from its lower half', () => {
    expect(dropPlace(from, { stage: 'proposal', index: 0, columnLength: 1 }, false)).toEqual({ stage: 'proposal', index: 0 });
    expect(dropPlace(from, { stage: 'proposal', index: 0, columnLength: 1 }, true)).toEqual({ stage: 'proposal', index: 1 });
  });
  it('goes to the end over a column’s empty space (its own column counts without it)', () => {
    expect(dropPlace(from, { stage: 'proposal', index: null, columnLength: 1 }, false)).toEqual({ stage: 'proposal', index: 1 });
    expect(dropPlace(from, { stage: 'lead', index: null, columnLength: 2 }, false)).toEqual({ stage: 'lead', index: 1 });
  });
});

describe('moveCard', () => {
  it('moves a card to another column with its count, amount and weighted amount, and restarts its days', () => {
    const moved = moveCard(board(), 'a', { stage: 'proposal', index: 1 });
    const [lead, proposal] = moved.columns;
    expect(lead.cards.map((c) => c.id)).toEqual(['b']);
    expect(proposal.cards.map((c) => c.id)).toEqual(['c', 'a']);
    // lead: 2,000 left, weighted 300 − 1,000 × 0.1 = 200; proposal: 6,000, weighted 2,000 + 1,000 × 0.4 = 2,400.
    expect([lead.count, lead.amount, lead.weightedAmount]).toEqual([1, 2000, 200]);
    expect([proposal.count, proposal.amount, proposal.weightedAmount]).toEqual([2, 6000, 2400]);
    expect(proposal.cards[1].days).toBe(0);
  });

  it('reorders within a column without touching the totals or the days', () => {
    const moved = moveCard(board(), 'a', { stage: 'lead', index: 1 });
    expect(moved.columns[0].cards.map((c) => c.id)).toEqual(['b', 'a']);
    expect([moved.columns[0].count, moved.columns[0].amount, moved.columns[0].weightedAmount]).toEqual([2, 3000, 300]);
    expect(moved.columns[0].cards[1].days).toBe(9);
  });

  it('keeps a card in another currency out of the column totals, under its currency', () => {
    const start = board();
    start.columns[0].cards.push(card('usd', 700, 'USD'));
    start.columns[0].count += 1;
    start.columns[0].otherCurrencies = [{ currency: 'USD', count: 1, amount: 700, weightedAmount: 70 }];
    const moved = moveCard(start, 'usd', { stage: 'proposal', index: 0 });
    expect(moved.columns[0].otherCurrencies).toEqual([]);
    expect(moved.columns[0].amount).toBe(3000);
    expect(moved.columns[1].otherCurrencies).toEqual([{ currency: 'USD', count: 1, amount: 700, weightedAmount: 280 }]);
    expect(moved.columns[1].amount).toBe(5000);
    expect(moved.columns[1].count).toBe(2);
  });

  it('leaves the board as it is for an unknown card or column', () => {
    const start = board();
    expect(moveCard(start, 'nope', { stage: 'lead', index: 0 })).toBe(start);
    expect(moveCard(start, 'a', { stage: 'nope', index: 0 })).toBe(start);
  });
});

describe('beforeIdAt, placeOf, withSavedCard', () => {
  it('names the card a moved card now precedes, null at the end', () => {
    const moved = moveCard(board(), 'c', { stage: 'lead', index: 1 });
    expect(beforeIdAt(moved, { stage: 'lead', index: 1 })).toBe('b');
    expect(beforeIdAt(moved, { stage: 'lead', index: 2 })).toBeNull();
  });
  it('finds a card and takes the server’s version and rank', () => {
    expect(placeOf(board(), 'b')).toMatchObject({ stage: 'lead', index: 1 });
    expect(placeOf(board(), 'zz')).toBeNull();
    const start = board();
    const saved = withSavedCard(start, 'b', { version: 4, rank: 'a5' });
    expect(saved.columns[0].cards[1]).toMatchObject({ id: 'b', version: 4, rank: 'a5' });
    expect(saved.columns[0].cards[0]).toBe(start.columns[0].cards[0]);
    expect(saved.columns[1]).toBe(start.columns[1]);
  });
});
