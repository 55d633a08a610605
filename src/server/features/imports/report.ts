import { type RowContext, resolveStage } from '../../../core/imports/map-row.js';
import { type Cell, cellText } from '../../../core/imports/parse-values.js';
import { foldStage } from '../../../core/imports/presets.js';

/** Data rows an import answers as samples, for a mapping screen. */
export const SAMPLE_ROWS = 5;
const SAMPLE_CELL = 80;
const MAX_STAGE_VALUES = 200;

/** Keeps the first data rows as text (cells cut to a readable length), as wide as the header row. */
export function addSample(samples: string[][], cells: readonly Cell[], width: number): void {
  if (samples.length >= SAMPLE_ROWS) return;
  const row: string[] = [];
  for (let i = 0; i < Math.max(width, cells.length); i++) row.push(cellText(cells[i] ?? null).slice(0, SAMPLE_CELL));
  samples.push(row);
}

/** Counts a file's distinct stage values (as first written, folded for comparison) and where each goes. */
export class StageValueCounter {
  readonly #seen = new Map<string, { value: string; count: number }>();
  constructor(private readonly ctx: Pick<RowContext, 'stageMap' | 'preset' | 'stages'>) {}

  add(text: string): void {
    if (text === '') return;
    const key = foldStage(text);
    const entry = this.#seen.get(key);
    if (entry) entry.count++;
    else if (this.#seen.size < MAX_STAGE_VALUES) this.#seen.set(key, { value: text.slice(0, 200), count: 1 });
  }

  list(): { value: string; count: number; stage: string | null }[] {
    return [...this.#seen.values()].map(({ value, count }) => ({ value, count, stage: resolveStage(value, this.ctx)?.key ?? null }));
  }
}
