/**
 * Performance marks the browser benchmark reads (bench/board-browser.ts): opening a deal is measured from the
 * click on its card to the first render of its page with the deal, a drop from the drop to the frame after.
 */
const OPEN_START = 'qd-open-deal-start';

export function markOpenDeal(): void {
  performance.clearMarks(OPEN_START);
  performance.mark(OPEN_START);
}

/** Called once the deal page shows its deal: measures "qd-open-deal" when a card click started it. */
export function measureOpenDeal(): void {
  if (performance.getEntriesByName(OPEN_START, 'mark').length === 0) return;
  requestAnimationFrame(() => {
    performance.measure('qd-open-deal', OPEN_START);
    performance.clearMarks(OPEN_START);
  });
}
