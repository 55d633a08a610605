import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  chinaMainlandCalendar,
  countWorkingDays,
  isWorkingDay,
  mondayToFridayCalendar,
  type WorkingCalendar,
} from '../calendar/calendar';
import { addCalendarDays, toEpochDay } from '../calendar/civil-date';
import {
  computeSchedule,
  type DependencyType,
  findCycle,
  type Schedule,
  type ScheduleDependencyInput,
  type ScheduledTask,
  ScheduleError,
  type ScheduleInput,
  type ScheduleTaskInput,
  validateDependency,
} from './schedule';

// ---------------------------------------------------------------------------------------------
// Random networks: a task tree (a parent is always an earlier task), dependencies only between
// leaves and always from a lower to a higher random rank (so acyclic), all four types, lags
// −3..3, optional start-no-earlier-than dates (some before the project start), on the mainland
// China calendar, a Monday–Friday one or a random one.
// ---------------------------------------------------------------------------------------------

const TYPES: readonly DependencyType[] = ['FS', 'SS', 'FF', 'SF'];

const calendarArb: fc.Arbitrary<WorkingCalendar> = fc.oneof(
  fc.constant(chinaMainlandCalendar()),
  fc.constant(mondayToFridayCalendar()),
  fc.record({
    workingWeekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    holidays: fc.uniqueArray(
      fc.integer({ min: 0, max: 1200 }).map((i) => addCalendarDays('2024-01-01', i)),
      { maxLength: 30 },
    ),
    workdays: fc.uniqueArray(
      fc.integer({ min: 0, max: 1200 }).map((i) => addCalendarDays('2024-01-01', i)),
      { maxLength: 10 },
    ),
  }),
);

type NetworkOptions = { withSnet: boolean; withTree: boolean; maxTasks: number };

const networkArb = ({ withSnet, withTree, maxTasks }: NetworkOptions): fc.Arbitrary<ScheduleInput> =>
  fc.integer({ min: 1, max: maxTasks }).chain((n) =>
    fc
      .record({
        parents: fc.array(withTree ? fc.option(fc.nat(), { freq: 2 }) : fc.constant(null), { minLength: n, maxLength: n }),
        durations: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 8 })), { minLength: n, maxLength: n }),
        snets: fc.array(withSnet ? fc.option(fc.integer({ min: -5, max: 40 }), { freq: 3 }) : fc.constant(null), {
          minLength: n,
          maxLength: n,
        }),
        ranks: fc.array(fc.nat(), { minLength: n, maxLength: n }),
        links: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), type: fc.constantFrom(...TYPES), lag: fc.integer({ min: -3, max: 3 }) }), {
          maxLength: n * 3,
        }),
        calendar: calendarArb,
        startOffset: fc.integer({ min: 0, max: 1000 }),
      })
      .map(({ parents, durations, snets, ranks, links, calendar, startOffset }) => {
        const projectStart = addCalendarDays('2024-01-01', startOffset);
        const tasks: ScheduleTaskInput[] = parents.map((p, i) => ({
          id: `t${i}`,
          parentId: p === null || i === 0 ? null : `t${p % i}`,
          duration: durations[i],
          startNoEarlierThan: snets[i] === null ? null : addCalendarDays(projectStart, snets[i]),
        }));
        const summaries = new Set(tasks.flatMap((t) => (t.parentId === null ? [] : [t.parentId])));
        const leaves = tasks
          .map((t, i) => ({ id: t.id, rank: ranks[i] * n + i }))
          .filter((t) => !summaries.has(t.id))
          .sort((x, y) => x.rank - y.rank)
          .map((t) => t.id);
        const dependencies: ScheduleDependencyInput[] = [];
        if (leaves.length >= 2) {
          links.forEach((l, k) => {
            const a = l.a % leaves.length;
            const b = l.b % leaves.length;
            if (a === b) return;
            const [p, s] = a < b ? [leaves[a], leaves[b]] : [leaves[b], leaves[a]];
            dependencies.push({ id: `d${k}`, predecessorId: p, successorId: s, type: l.type, lag: l.lag });
          });
        }
        return { tasks, dependencies, calendar, projectStart };
      }),
  );

// ---------------------------------------------------------------------------------------------
// An independent oracle: SPEC §3.1's inequalities, applied literally by repeated relaxation
// until nothing changes (Bellman–Ford style, no topological order, no rewriting).
// ---------------------------------------------------------------------------------------------

type Cpm = { es: number; ef: number; ls: number; lf: number };

/** Index of a date: working days from the project start strictly before it (0 if earlier). */
const indexOfDate = (input: ScheduleInput, date: string): number =>
  date <= input.projectStart ? 0 : countWorkingDays(input.calendar, input.projectStart, addCalendarDays(date, -1));

const ancestors = (input: ScheduleInput, id: string): ScheduleTaskInput[] => {
  const byId = new Map(input.tasks.map((t) => [t.id, t]));
  const chain: ScheduleTaskInput[] = [];
  for (let t = byId.get(id); t !== undefined; t = t.parentId === null ? undefined : byId.get(t.parentId)) chain.push(t);
  return chain;
};

const snetIndex = (input: ScheduleInput, id: string): number =>
  Math.max(0, ...ancestors(input, id).map((t) => (t.startNoEarlierThan === null ? 0 : indexOfDate(input, t.startNoEarlierThan))));

const oracle = (input: ScheduleInput): Map<string, Cpm> => {
  const summaries = new Set(input.tasks.flatMap((t) => (t.parentId === null ? [] : [t.parentId])));
  const leaves = input.tasks.filter((t) => !summaries.has(t.id));
  const d = new Map(input.tasks.map((t) => [t.id, t.duration]));
  const es = new Map(leaves.map((t) => [t.id, snetIndex(input, t.id)]));
  const dur = (id: string): number => d.get(id) ?? 0;
  const get = (m: Map<string, number>, id: string): number => m.get(id) ?? Number.NaN;
  for (let changed = true; changed; ) {
    changed = false;
    for (const dep of input.dependencies) {
      const p = dep.predecessorId;
      const s = dep.successorId;
      const esP = get(es, p);
      const efP = esP + dur(p);
      const L = dep.lag;
      // FS es(s) ≥ ef(p)+L; SS es(s) ≥ es(p)+L; FF ef(s) ≥ ef(p)+L; SF ef(s) ≥ es(p)+L.
      const need = dep.type === 'FS' ? efP + L : dep.type === 'SS' ? esP + L : dep.type === 'FF' ? efP + L - dur(s) : esP + L - dur(s);
      if (need > get(es, s)) {
        es.set(s, need);
        changed = true;
      }
    }
  }
  const F = Math.max(0, ...leaves.map((t) => get(es, t.id) + dur(t.id)));
  const lf = new Map(leaves.map((t) => [t.id, F]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const dep of input.dependencies) {
      const p = dep.predecessorId;
      const s = dep.successorId;
      const lfS = get(lf, s);
      const lsS = lfS - dur(s);
      const L = dep.lag;
      // FS lf(p) ≤ ls(s)−L; SS lf(p) ≤ ls(s)−L+d(p); FF lf(p) ≤ lf(s)−L; SF lf(p) ≤ lf(s)−L+d(p).
      const bound = dep.type === 'FS' ? lsS - L : dep.type === 'SS' ? lsS - L + dur(p) : dep.type === 'FF' ? lfS - L : lfS - L + dur(p);
      if (bound < get(lf, p)) {
        lf.set(p, bound);
        changed = true;
      }
    }
  }
  const result = new Map<string, Cpm>();
  for (const t of leaves) {
    const e = get(es, t.id);
    const l = get(lf, t.id);
    result.set(t.id, { es: e, ef: e + t.duration, ls: l - t.duration, lf: l });
  }
  // Summaries: min es / max ef / min ls / max lf over all leaf descendants.
  for (const s of summaries) {
    const under = leaves.filter((t) => ancestors(input, t.id).some((a) => a.id === s)).map((t) => result.get(t.id));
    const rows = under.filter((r): r is Cpm => r !== undefined);
    result.set(s, {
      es: Math.min(...rows.map((r) => r.es)),
      ef: Math.max(...rows.map((r) => r.ef)),
      ls: Math.min(...rows.map((r) => r.ls)),
      lf: Math.max(...rows.map((r) => r.lf)),
    });
  }
  return result;
};

const byId = (s: Schedule): Map<string, ScheduledTask> => new Map(s.tasks.map((t) => [t.taskId, t]));

const row = (rows: Map<string, ScheduledTask>, id: string): ScheduledTask => {
  const r = rows.get(id);
  if (r === undefined) throw new Error(`no row for ${id}`);
  return r;
};

const isSummaryIn = (input: ScheduleInput): ((id: string) => boolean) => {
  const summaries = new Set(input.tasks.flatMap((t) => (t.parentId === null ? [] : [t.parentId])));
  return (id) => summaries.has(id);
};

/** How far the constraint `dep` leaves its successor's es above the minimum it demands. */
const slack = (dep: ScheduleDependencyInput, p: ScheduledTask, s: ScheduledTask): number => {
  const L = dep.lag;
  switch (dep.type) {
    case 'FS':
      return s.es - (p.ef + L);
    case 'SS':
      return s.es - (p.es + L);
    case 'FF':
      return s.ef - (p.ef + L);
    case 'SF':
      return s.ef - (p.es + L);
  }
};

/** How far the backward constraint `dep` leaves lf(p) below the bound it sets. */
const backwardSlack = (dep: ScheduleDependencyInput, p: ScheduledTask, s: ScheduledTask): number => {
  const L = dep.lag;
  const d = p.ef - p.es;
  switch (dep.type) {
    case 'FS':
      return s.ls - L - p.lf;
    case 'SS':
      return s.ls - L + d - p.lf;
    case 'FF':
      return s.lf - L - p.lf;
    case 'SF':
      return s.lf - L + d - p.lf;
  }
};

const RUNS = { numRuns: 300 };

describe('computeSchedule on random acyclic networks', () => {
  it('agrees exactly with the literal relaxation oracle', () => {
    fc.assert(
      fc.property(networkArb({ withSnet: true, withTree: true, maxTasks: 25 }), (input) => {
        const rows = byId(computeSchedule(input));
        for (const [id, want] of oracle(input)) {
          const got = row(rows, id);
          expect({ id, es: got.es, ef: got.ef, ls: got.ls, lf: got.lf }).toEqual({ id, ...want });
        }
      }),
      RUNS,
    );
  });

  it('satisfies every dependency forward and backward, with ls ≥ es ≥ 0 and F = max ef', () => {
    fc.assert(
      fc.property(networkArb({ withSnet: true, withTree: true, maxTasks: 30 }), (input) => {
        const s = computeSchedule(input);
        const rows = byId(s);
        const isSummary = isSummaryIn(input);
        const leafRows = s.tasks.filter((t) => !isSummary(t.taskId));
        const F = Math.max(0, ...leafRows.map((t) => t.ef));
        // The backward pass starts every lf at F: the latest late finish is F itself.
        if (leafRows.length > 0) expect(Math.max(...leafRows.map((t) => t.lf))).toBe(F);
        for (const dep of input.dependencies) {
          const p = row(rows, dep.predecessorId);
          const succ = row(rows, dep.successorId);
          expect(slack(dep, p, succ)).toBeGreaterThanOrEqual(0);
          expect(backwardSlack(dep, p, succ)).toBeGreaterThanOrEqual(0);
        }
        for (const t of input.tasks) {
          const r = row(rows, t.id);
          expect(r.es).toBeGreaterThanOrEqual(0);
          expect(r.ls).toBeGreaterThanOrEqual(r.es);
          expect(r.lf).toBeLessThanOrEqual(F);
          expect(r.totalFloat).toBe(r.ls - r.es);
          expect(r.critical).toBe(r.totalFloat <= 0);
          if (!isSummary(t.id)) {
            expect(r.ef).toBe(r.es + t.duration);
            expect(r.lf).toBe(r.ls + t.duration);
            expect(r.es).toBeGreaterThanOrEqual(snetIndex(input, t.id));
          }
        }
      }),
      RUNS,
    );
  });

  it('has a critical chain of binding constraints from a task with es = 0 to one with ef = F', () => {
    fc.assert(
      fc.property(networkArb({ withSnet: false, withTree: true, maxTasks: 30 }), (input) => {
        const s = computeSchedule(input);
        const rows = byId(s);
        const isSummary = isSummaryIn(input);
        const leafRows = s.tasks.filter((t) => !isSummary(t.taskId));
        const F = Math.max(...leafRows.map((t) => t.ef));
        const last = leafRows.find((t) => t.ef === F);
        if (last === undefined) throw new Error('no task ends at F');
        // Walk back from the task ending at F through binding constraints with critical
        // predecessors; depth-first so no particular choice is assumed.
        const reachesDayZero = (t: ScheduledTask, seen: Set<string>): boolean => {
          if (!t.critical || seen.has(t.taskId)) return false;
          if (t.es === 0) return true;
          seen.add(t.taskId);
          return input.dependencies.some((dep) => {
            if (dep.successorId !== t.taskId) return false;
            const p = row(rows, dep.predecessorId);
            return slack(dep, p, t) === 0 && reachesDayZero(p, seen);
          });
        };
        expect(reachesDayZero(last, new Set())).toBe(true);
      }),
      RUNS,
    );
  });

  it('with start-no-earlier-than dates, every critical chain starts at day 0 or at such a date', () => {
    fc.assert(
      fc.property(networkArb({ withSnet: true, withTree: true, maxTasks: 30 }), (input) => {
        const s = computeSchedule(input);
        const rows = byId(s);
        for (const t of s.tasks) {
          if (!t.critical || isSummaryIn(input)(t.taskId)) continue;
          // A critical leaf starts at day 0, at its date, or right where a binding constraint
          // from a critical predecessor puts it.
          const explained =
            t.es === 0 ||
            t.es === snetIndex(input, t.taskId) ||
            input.dependencies.some(
              (dep) =>
                dep.successorId === t.taskId && slack(dep, row(rows, dep.predecessorId), t) === 0 && row(rows, dep.predecessorId).critical,
            );
          expect(explained).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('dates tasks on working days, finish = start + duration − 1 working days', () => {
    fc.assert(
      fc.property(networkArb({ withSnet: true, withTree: false, maxTasks: 15 }), (input) => {
        const s = computeSchedule(input);
        const cal = input.calendar;
        expect(s.projectStart).toBe(addWorkingDays(cal, input.projectStart, 0));
        for (const t of s.tasks) {
          const d = t.ef - t.es;
          expect(t.startDate).toBe(addWorkingDays(cal, input.projectStart, t.es));
          expect(isWorkingDay(cal, t.startDate)).toBe(true);
          expect(isWorkingDay(cal, t.finishDate)).toBe(true);
          if (d === 0) expect(t.finishDate).toBe(t.startDate);
          else expect(countWorkingDays(cal, t.startDate, t.finishDate)).toBe(d);
        }
        const latest =
          s.tasks
            .map((t) => t.finishDate)
            .sort()
            .at(-1) ?? s.projectStart;
        expect(s.projectFinish).toBe(latest);
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        networkArb({ withSnet: true, withTree: true, maxTasks: 20 }).chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray([...input.tasks], { minLength: input.tasks.length }),
            fc.shuffledSubarray([...input.dependencies], { minLength: input.dependencies.length }),
          ),
        ),
        ([input, tasks, dependencies]) => {
          const a = computeSchedule(input);
          const b = computeSchedule({ ...input, tasks, dependencies });
          expect(b.tasks.map((t) => t.taskId)).toEqual(tasks.map((t) => t.id));
          expect(new Map(b.tasks.map((t) => [t.taskId, t]))).toEqual(new Map(a.tasks.map((t) => [t.taskId, t])));
          expect([b.projectStart, b.projectFinish]).toEqual([a.projectStart, a.projectFinish]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Cycles on random directed graphs (cyclic or not), against a plain recursive DFS.
// ---------------------------------------------------------------------------------------------

type Edge = { predecessorId: string; successorId: string };

const graphArb = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    tasks: fc.constant(Array.from({ length: n }, (_, i) => ({ id: `n${i}`, parentId: null }))),
    edges: fc.array(
      fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).map(([a, b]): Edge => ({ predecessorId: `n${a}`, successorId: `n${b}` })),
      { maxLength: n * 2 },
    ),
  }),
);

const hasCycle = (ids: string[], edges: Edge[]): boolean => {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (v: string): boolean => {
    if (state.get(v) === 'open') return true;
    if (state.get(v) === 'done') return false;
    state.set(v, 'open');
    const found = edges.some((e) => e.predecessorId === v && visit(e.successorId));
    state.set(v, 'done');
    return found;
  };
  return ids.some((id) => visit(id));
};

const isCycleOf = (cycle: string[], edges: Edge[]): boolean =>
  cycle.length > 0 &&
  new Set(cycle).size === cycle.length &&
  cycle.every((id, i) => edges.some((e) => e.predecessorId === id && e.successorId === cycle[(i + 1) % cycle.length]));

describe('cycle detection on random graphs', () => {
  it('findCycle returns a real cycle exactly when there is one', () => {
    fc.assert(
      fc.property(graphArb, ({ tasks, edges }) => {
        const cycle = findCycle(tasks, edges);
        expect(cycle !== null).toBe(
          hasCycle(
            tasks.map((t) => t.id),
            edges,
          ),
        );
        if (cycle !== null) expect(isCycleOf(cycle, edges)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('computeSchedule throws CYCLE with a real cycle exactly when there is one', () => {
    fc.assert(
      fc.property(graphArb, ({ tasks, edges }) => {
        const input: ScheduleInput = {
          tasks: tasks.map((t) => ({ ...t, duration: 1, startNoEarlierThan: null })),
          dependencies: edges.map((e, k) => ({ ...e, id: `e${k}`, type: 'FS', lag: 0 })),
          calendar: mondayToFridayCalendar(),
          projectStart: '2025-01-06',
        };
        const cyclic = hasCycle(
          tasks.map((t) => t.id),
          edges,
        );
        try {
          computeSchedule(input);
          expect(cyclic).toBe(false);
        } catch (e) {
          if (!(e instanceof ScheduleError)) throw e;
          expect(e.code).toBe('CYCLE');
          expect(cyclic).toBe(true);
          expect(isCycleOf(e.taskIds, edges)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('validateDependency refuses exactly the links that would close a cycle', () => {
    const dagArb = graphArb.map(({ tasks, edges }) => ({
      tasks,
      // Keep only forward edges: an acyclic starting network.
      edges: edges.filter((e) => Number(e.predecessorId.slice(1)) < Number(e.successorId.slice(1))),
    }));
    fc.assert(
      fc.property(dagArb, fc.nat(), fc.nat(), ({ tasks, edges }, a, b) => {
        const candidate = { predecessorId: tasks[a % tasks.length].id, successorId: tasks[b % tasks.length].id };
        const check = validateDependency(tasks, edges, candidate);
        const union = [...edges, candidate];
        const cyclic = hasCycle(
          tasks.map((t) => t.id),
          union,
        );
        expect(check.ok).toBe(!cyclic);
        if (!check.ok) {
          expect(check.code).toBe('CYCLE');
          expect(check.taskIds[0]).toBe(candidate.predecessorId);
          expect(isCycleOf(check.taskIds, union)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('oracle sanity', () => {
  it('indexes dates the way the scheduler documents', () => {
    const input: ScheduleInput = { tasks: [], dependencies: [], calendar: chinaMainlandCalendar(), projectStart: '2025-09-25' };
    expect(indexOfDate(input, '2025-09-25')).toBe(0);
    expect(indexOfDate(input, '2025-10-01')).toBe(5); // holiday → first day back, 10-09
    expect(indexOfDate(input, '2025-10-09')).toBe(5);
    expect(toEpochDay('2025-10-09') - toEpochDay('2025-09-25')).toBe(14);
  });
});
