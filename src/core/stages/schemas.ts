import { z } from 'zod';
import { Id } from '../common/schemas.js';

export const StageKind = z.enum(['open', 'won', 'lost']);
export type StageKind = z.infer<typeof StageKind>;

/** A stage's stable key (what a deal's `stage` holds): lower-case letters, digits, `-` and `_`. */
export const StageKey = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'expected a stage key such as "proposal"');

export const Stage = z.object({
  id: Id,
  key: z.string(),
  name: z.string(),
  /** Default probability (0–1) of a deal in this stage whose own probability is null. */
  probability: z.number(),
  /** Order on the board: open stages first (0, 1, …), then won, then lost. */
  position: z.number().int(),
  kind: StageKind,
  version: z.number().int(),
});
export type Stage = z.infer<typeof Stage>;

const editable = {
  name: z.string().trim().min(1).max(100),
  probability: z.number().min(0).max(1),
  /** Zero-based place among the open stages; won and lost stay last. */
  position: z.number().int().min(0).max(1000),
};

export const StageCreate = z.object({ ...editable, key: StageKey.optional(), position: editable.position.optional() });
export type StageCreate = z.infer<typeof StageCreate>;

export const StagePatch = z.object({ ...editable, version: z.number().int().min(1) }).partial();
export type StagePatch = z.infer<typeof StagePatch>;

export const StageDeleteQuery = z.object({
  /** Key or id of the open stage that receives the deleted stage's deals (default: the stage before it). */
  moveTo: z.string().min(1).max(64).optional(),
});

export const StageDuration = z.object({ stage: z.string(), medianDays: z.number(), samples: z.number().int() });
export type StageDuration = z.infer<typeof StageDuration>;
