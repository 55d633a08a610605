import { runBoardBench } from './board-browser.js';
import { runGanttBench } from './gantt-browser.js';

/** The shape of run.ts's table rows. */
type Row = { scenario: string; value: string; p50?: number; p99?: number; ratio?: string; target: string; ok: boolean | null };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Issue 3's and issue 5's browser budgets (Chromium, the built web app): the Gantt and the pipeline board. */
export async function browserScenarios(): Promise<Row[]> {
  const rows: Row[] = [];
  const gantt = await runGanttBench();
  rows.push(
    {
      scenario: `browser: Gantt of ${gantt.tasks.toLocaleString('en')} tasks, first render (data → painted)`,
      value: `${gantt.renderMs.toFixed(0)} ms`,
      target: '≤ 300 ms',
      ok: gantt.renderMs <= 300,
    },
    {
      scenario: 'browser: Gantt scrolling for 2 s (frames a second, p95 frame)',
      value: `${gantt.scroll.fps.toFixed(0)} fps, p95 ${gantt.scroll.p95FrameMs.toFixed(0)} ms`,
      target: 'smooth: p95 frame ≤ 50 ms',
      ok: gantt.scroll.p95FrameMs <= 50,
    },
  );
  const board = await runBoardBench();
  const open = median(board.small.openDealMs);
  const drop = median(board.small.dropMs);
  rows.push(
    {
      scenario: `browser: board of ${board.small.deals.toLocaleString('en')} deals, hard load LCP`,
      value: `${board.small.lcpMs} ms`,
      target: '≤ 1,000 ms',
      ok: board.small.lcpMs <= 1000,
    },
    {
      scenario: `browser: board's first-route JavaScript, gzipped (${board.small.firstRouteFiles} files, until the cards show)`,
      value: `${board.small.firstRouteKb} KB`,
      target: '≤ 300 KB',
      ok: board.small.firstRouteKb <= 300,
    },
    { scenario: 'browser: opening a deal from the board (median of 5)', value: `${open} ms`, target: '≤ 100 ms', ok: open <= 100 },
    {
      scenario: 'browser: opening the first deal after the board loaded (the first of those 5)',
      value: `${board.small.openDealMs[0]} ms`,
      target: '≤ 100 ms',
      ok: board.small.openDealMs[0] <= 100,
    },
    { scenario: 'browser: dropping a card on another stage (median of 5)', value: `${drop} ms`, target: '≤ 100 ms', ok: drop <= 100 },
    {
      scenario: `browser: board of ${board.big.deals.toLocaleString('en')} deals, interactive / JS heap`,
      value: `${board.big.interactiveMs} ms / ${board.big.heapMb} MB`,
      target: '≤ 3,000 ms, ≤ 200 MB',
      ok: board.big.interactiveMs <= 3000 && board.big.heapMb <= 200,
    },
  );
  return rows;
}
