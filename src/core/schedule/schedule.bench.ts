import { chinaMainlandCalendar } from '../calendar/calendar';
import { computeSchedule } from './schedule';
import type { DependencyType, ScheduleDependencyInput, ScheduleInput, ScheduleTaskInput } from './schedule-types';

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
const mulberry32 = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const TYPES: readonly DependencyType[] = ['FS', 'FS', 'FS', 'FS', 'FS', 'FS', 'SS', 'SS', 'FF', 'SF'];

/**
 * A deterministic network shaped like a big real plan: `taskCount` tasks of which one in
 * twenty is a summary (phase) holding the next leaves, durations 0–10 working days (5 %
 * milestones), 3 % with a start-no-earlier-than date, and `dependencyCount` random
 * dependencies between leaves, always from an earlier leaf to a later one (so acyclic),
 * mostly within the next 200 leaves, of mixed types with lags −2..+3, on the mainland China
 * calendar from 2025-01-02.
 */
export const buildBenchNetwork = (taskCount = 10_000, dependencyCount = 20_000, seed = 20250101): ScheduleInput => {
  const random = mulberry32(seed);
  const int = (below: number): number => Math.floor(random() * below);
  // 26-character ids in the app's own style (time part + random part, Crockford base 32).
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  // Joined from an array so that each id is one flat string, like a string read from the
  // database (concatenation would make a rope that V8 flattens on first use).
  const newId = (i: number): string => {
    const chars = [...`01j${i.toString(32).padStart(7, '0')}`];
    while (chars.length < 26) chars.push(alphabet[int(32)]);
    return chars.join('');
  };
  const tasks: ScheduleTaskInput[] = [];
  const leaves: string[] = [];
  let phase: string | null = null;
  for (let i = 0; i < taskCount; i += 1) {
    const id = newId(i);
    if (i % 20 === 0) {
      tasks.push({ id, parentId: null, duration: 0, startNoEarlierThan: null });
      phase = id;
      continue;
    }
    const snet = random() < 0.03 ? `2025-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}` : null;
    tasks.push({ id, parentId: phase, duration: random() < 0.05 ? 0 : 1 + int(10), startNoEarlierThan: snet });
    leaves.push(id);
  }
  const dependencies: ScheduleDependencyInput[] = [];
  for (let k = 0; k < dependencyCount; k += 1) {
    const a = int(leaves.length - 1);
    const span = random() < 0.9 ? 200 : leaves.length;
    const b = Math.min(leaves.length - 1, a + 1 + int(span));
    dependencies.push({
      id: newId(taskCount + k),
      predecessorId: leaves[a],
      successorId: leaves[b],
      type: TYPES[int(TYPES.length)],
      lag: int(6) - 2,
    });
  }
  return { tasks, dependencies, calendar: chinaMainlandCalendar(), projectStart: '2025-01-02' };
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export type BenchOptions = {
  runs?: number;
  warmUp?: number;
  /**
   * Give each run a fresh deep copy of the network (made outside the timed part), so that
   * its id strings are new objects whose hashes no earlier run has cached, as rows just read
   * from the database would be. Slower: the id look-ups then dominate.
   */
  freshInput?: boolean;
};

/**
 * Median wall time in milliseconds of `computeSchedule` on the 10,000-task, 20,000-dependency
 * network of `buildBenchNetwork` (SPEC §5: ≤ 10 ms), over `runs` runs (default 20) after
 * `warmUp` untimed ones (default 10).
 */
export const benchSchedule = ({ runs = 20, warmUp = 10, freshInput = false }: BenchOptions = {}): number => {
  const network = buildBenchNetwork();
  const inputFor = (): ScheduleInput => (freshInput ? structuredClone(network) : network);
  for (let i = 0; i < warmUp; i += 1) computeSchedule(inputFor());
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const input = inputFor();
    const t0 = performance.now();
    computeSchedule(input);
    times.push(performance.now() - t0);
  }
  return median(times);
};
