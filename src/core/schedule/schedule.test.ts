import { describe, expect, it } from 'vitest';
import { chinaMainlandCalendar, mondayToFridayCalendar, type WorkingCalendar } from '../calendar/calendar';
import {
  computeSchedule,
  type DependencyType,
  findCycle,
  type Schedule,
  type ScheduleDependencyInput,
  ScheduleError,
  type ScheduleTaskInput,
  validateDependency,
} from './schedule';

// Working-day indices of the Monday–Friday calendar from Monday 2025-03-03:
//   0 Mon 03-03 | 1 Tue 03-04 | 2 Wed 03-05 | 3 Thu 03-06 | 4 Fri 03-07
//   5 Mon 03-10 | 6 Tue 03-11 | 7 Wed 03-12 | 8 Thu 03-13 | 9 Fri 03-14 | 10 Mon 03-17
const weekdays = mondayToFridayCalendar();

const task = (id: string, duration: number, opts: { parentId?: string; snet?: string } = {}): ScheduleTaskInput => ({
  id,
  parentId: opts.parentId ?? null,
  duration,
  startNoEarlierThan: opts.snet ?? null,
});

const link = (predecessorId: string, successorId: string, type: DependencyType = 'FS', lag = 0): ScheduleDependencyInput => ({
  id: `${predecessorId}>${successorId}`,
  predecessorId,
  successorId,
  type,
  lag,
});

const schedule = (
  tasks: ScheduleTaskInput[],
  dependencies: ScheduleDependencyInput[],
  projectStart = '2025-03-03',
  calendar: WorkingCalendar = weekdays,
): Schedule => computeSchedule({ tasks, dependencies, calendar, projectStart });

/** id → [es, ef, ls, lf, totalFloat] */
const cpm = (s: Schedule): Record<string, number[]> =>
  Object.fromEntries(s.tasks.map((t) => [t.taskId, [t.es, t.ef, t.ls, t.lf, t.totalFloat]]));

const critical = (s: Schedule): string[] => s.tasks.filter((t) => t.critical).map((t) => t.taskId);

/** id → [startDate, finishDate] */
const dates = (s: Schedule): Record<string, string[]> => Object.fromEntries(s.tasks.map((t) => [t.taskId, [t.startDate, t.finishDate]]));

describe('computeSchedule: finish-to-start', () => {
  it('solves the textbook diamond A → {B, C} → D', () => {
    // Forward:  A [0,3); B [3,5); C [3,7); D es = max(ef B, ef C) = 7 → [7,8). F = 8.
    // Backward: D lf = 8, ls = 7; B lf = ls D = 7, ls = 5; C lf = 7, ls = 3;
    //           A lf = min(ls B, ls C) = min(5, 3) = 3, ls = 0.
    // Float = ls − es: A 0, B 2, C 0, D 0 → critical path A–C–D.
    const s = schedule(
      [task('A', 3), task('B', 2), task('C', 4), task('D', 1)],
      [link('A', 'B'), link('A', 'C'), link('B', 'D'), link('C', 'D')],
    );
    expect(cpm(s)).toEqual({
      A: [0, 3, 0, 3, 0],
      B: [3, 5, 5, 7, 2],
      C: [3, 7, 3, 7, 0],
      D: [7, 8, 7, 8, 0],
    });
    expect(critical(s)).toEqual(['A', 'C', 'D']);
    // Dates: A days 0..2, B days 3..4, C days 3..6, D day 7.
    expect(dates(s)).toEqual({
      A: ['2025-03-03', '2025-03-05'],
      B: ['2025-03-06', '2025-03-07'],
      C: ['2025-03-06', '2025-03-11'],
      D: ['2025-03-12', '2025-03-12'],
    });
    expect(s.projectStart).toBe('2025-03-03');
    expect(s.projectFinish).toBe('2025-03-12');
  });

  it('applies a positive lag forward and backward', () => {
    // A(3) —FS+2→ B(2); C(10) alone sets F.
    // Forward: A [0,3); B es = 3 + 2 = 5 → [5,7); C [0,10). F = 10.
    // Backward: B lf = 10, ls = 8; A lf = ls B − 2 = 6, ls = 3. Floats: A 3, B 3, C 0.
    const s = schedule([task('A', 3), task('B', 2), task('C', 10)], [link('A', 'B', 'FS', 2)]);
    expect(cpm(s)).toEqual({ A: [0, 3, 3, 6, 3], B: [5, 7, 8, 10, 3], C: [0, 10, 0, 10, 0] });
    expect(critical(s)).toEqual(['C']);
    expect(dates(s).B).toEqual(['2025-03-10', '2025-03-11']); // days 5..6 (Mon, Tue)
  });

  it('applies a negative lag (lead)', () => {
    // A(5) —FS−2→ B(3); C(8) alone.
    // Forward: A [0,5); B es = 5 − 2 = 3 → [3,6); C [0,8). F = 8.
    // Backward: B lf = 8, ls = 5; A lf = ls B − (−2) = 7, ls = 2. Floats: A 2, B 2, C 0.
    const s = schedule([task('A', 5), task('B', 3), task('C', 8)], [link('A', 'B', 'FS', -2)]);
    expect(cpm(s)).toEqual({ A: [0, 5, 2, 7, 2], B: [3, 6, 5, 8, 2], C: [0, 8, 0, 8, 0] });
  });

  it('never lets a lead pull a start before day 0', () => {
    // A(1) —FS−3→ B(2): es B = max(0, 1 − 3) = 0 → [0,2). F = 2.
    // Backward: B lf = 2, ls = 0; A lf = min(F, ls B + 3) = min(2, 3) = 2, ls = 1 → float 1.
    const s = schedule([task('A', 1), task('B', 2)], [link('A', 'B', 'FS', -3)]);
    expect(cpm(s)).toEqual({ A: [0, 1, 1, 2, 1], B: [0, 2, 0, 2, 0] });
    expect(critical(s)).toEqual(['B']);
  });

  it('puts a milestone on working day es', () => {
    // A(2) → M(0) → B(3); M sits on day 2 (Wed 03-05): start = finish = day es.
    // Forward: A [0,2); M [2,2); B [2,5). F = 5. All critical.
    const s = schedule([task('A', 2), task('M', 0), task('B', 3)], [link('A', 'M'), link('M', 'B')]);
    expect(cpm(s)).toEqual({ A: [0, 2, 0, 2, 0], M: [2, 2, 2, 2, 0], B: [2, 5, 2, 5, 0] });
    expect(dates(s).M).toEqual(['2025-03-05', '2025-03-05']);
    expect(dates(s).B).toEqual(['2025-03-05', '2025-03-07']);
  });

  it('dates a final milestone on day F, after the last working task', () => {
    // A(2) → M(0): A [0,2) finishes on day 1; M on day 2, which is the project finish.
    const s = schedule([task('A', 2), task('M', 0)], [link('A', 'M')]);
    expect(dates(s)).toEqual({ A: ['2025-03-03', '2025-03-04'], M: ['2025-03-05', '2025-03-05'] });
    expect(s.projectFinish).toBe('2025-03-05');
  });
});

describe('computeSchedule: start-to-start', () => {
  it('drives the successor from the predecessor start, and the predecessor late finish from it', () => {
    // A(2) —SS+1→ B(5).
    // Forward: A [0,2); B es = es A + 1 = 1 → [1,6). F = 6.
    // Backward: B lf = 6, ls = 1; A lf = min(F, ls B − L + d A) = min(6, 1 − 1 + 2) = 2, ls = 0.
    const s = schedule([task('A', 2), task('B', 5)], [link('A', 'B', 'SS', 1)]);
    expect(cpm(s)).toEqual({ A: [0, 2, 0, 2, 0], B: [1, 6, 1, 6, 0] });
    expect(critical(s)).toEqual(['A', 'B']);
  });

  it('handles a negative SS lag in a chain X → A ⇉ B → Y', () => {
    // X(4) —FS→ A(3) —SS−2→ B(2) —FS→ Y(4).
    // Forward: X [0,4); A [4,7); B es = es A − 2 = 2 → [2,4); Y es = ef B = 4 → [4,8). F = 8.
    // Backward: Y lf = 8, ls = 4; B lf = min(8, ls Y) = 4, ls = 2;
    //           A lf = min(8, ls B − (−2) + d A) = min(8, 2 + 2 + 3) = 7, ls = 4;
    //           X lf = ls A = 4, ls = 0. Every float is 0: the chain X, A, B, Y is critical.
    const s = schedule(
      [task('X', 4), task('A', 3), task('B', 2), task('Y', 4)],
      [link('X', 'A'), link('A', 'B', 'SS', -2), link('B', 'Y')],
    );
    expect(cpm(s)).toEqual({
      X: [0, 4, 0, 4, 0],
      A: [4, 7, 4, 7, 0],
      B: [2, 4, 2, 4, 0],
      Y: [4, 8, 4, 8, 0],
    });
    expect(critical(s)).toEqual(['X', 'A', 'B', 'Y']);
  });
});

describe('computeSchedule: finish-to-finish', () => {
  it('holds the successor finish L days after the predecessor finish', () => {
    // A(3) —FF+2→ B(2): ef B ≥ ef A + 2 = 5 → es B = 3 → [3,5). F = 5.
    // Backward: B lf = 5, ls = 3; A lf = min(5, lf B − 2) = 3, ls = 0. Both critical.
    const s = schedule([task('A', 3), task('B', 2)], [link('A', 'B', 'FF', 2)]);
    expect(cpm(s)).toEqual({ A: [0, 3, 0, 3, 0], B: [3, 5, 3, 5, 0] });
  });

  it('handles a negative FF lag', () => {
    // A(5) —FF−1→ B(2): ef B ≥ 5 − 1 = 4 → es B = 2 → [2,4). F = 5.
    // Backward: B lf = 5, ls = 3 (float 1); A lf = min(5, lf B + 1) = 5, ls = 0.
    const s = schedule([task('A', 5), task('B', 2)], [link('A', 'B', 'FF', -1)]);
    expect(cpm(s)).toEqual({ A: [0, 5, 0, 5, 0], B: [2, 4, 3, 5, 1] });
    expect(critical(s)).toEqual(['A']);
  });

  it('clamps a long successor to day 0', () => {
    // A(2) —FF→ B(6): ef B ≥ 2 → es B ≥ −4 → 0, [0,6). F = 6.
    // Backward: B lf = 6, ls = 0; A lf = min(6, lf B − 0) = 6, ls = 4 → float 4.
    const s = schedule([task('A', 2), task('B', 6)], [link('A', 'B', 'FF')]);
    expect(cpm(s)).toEqual({ A: [0, 2, 4, 6, 4], B: [0, 6, 0, 6, 0] });
  });
});

describe('computeSchedule: start-to-finish', () => {
  it('holds the successor finish L days after the predecessor start', () => {
    // A(3) —SF+4→ B(2): ef B ≥ es A + 4 = 4 → es B = 2 → [2,4). F = max(3, 4) = 4.
    // Backward: B lf = 4, ls = 2; A lf = min(4, lf B − 4 + d A) = min(4, 3) = 3, ls = 0.
    const s = schedule([task('A', 3), task('B', 2)], [link('A', 'B', 'SF', 4)]);
    expect(cpm(s)).toEqual({ A: [0, 3, 0, 3, 0], B: [2, 4, 2, 4, 0] });
    expect(critical(s)).toEqual(['A', 'B']);
  });

  it('handles a negative SF lag in a chain X → A ⇉ B → Z', () => {
    // X(5) —FS→ A(2) —SF−1→ B(3) —FS→ Z(4).
    // Forward: X [0,5); A [5,7); ef B ≥ es A − 1 = 4 → es B = 1 → [1,4); Z [4,8). F = 8.
    // Backward: Z lf = 8, ls = 4; B lf = min(8, ls Z) = 4, ls = 1;
    //           A lf = min(8, lf B − (−1) + d A) = min(8, 4 + 1 + 2) = 7, ls = 5;
    //           X lf = ls A = 5, ls = 0. All floats 0.
    const s = schedule(
      [task('X', 5), task('A', 2), task('B', 3), task('Z', 4)],
      [link('X', 'A'), link('A', 'B', 'SF', -1), link('B', 'Z')],
    );
    expect(cpm(s)).toEqual({
      X: [0, 5, 0, 5, 0],
      A: [5, 7, 5, 7, 0],
      B: [1, 4, 1, 4, 0],
      Z: [4, 8, 4, 8, 0],
    });
  });
});

describe('computeSchedule: mixed types', () => {
  it('takes the binding constraint among several predecessors', () => {
    // A(4), B(2) —FS+3→ C(3) and A —SS+1→ C and A —FF+2→ C.
    // Candidates for es C: FS from B: 2 + 3 = 5; SS from A: 0 + 1 = 1; FF from A: 4 + 2 − 3 = 3.
    // es C = 5 → [5,8). F = 8.
    // Backward: C lf = 8, ls = 5. B lf = ls C − 3 = 2, ls = 0 (critical).
    //   A: SS bound ls C − 1 + d A = 8; FF bound lf C − 2 = 6; F = 8 → lf 6, ls 2 (float 2).
    const s = schedule(
      [task('A', 4), task('B', 2), task('C', 3)],
      [link('B', 'C', 'FS', 3), link('A', 'C', 'SS', 1), link('A', 'C', 'FF', 2)],
    );
    expect(cpm(s)).toEqual({ A: [0, 4, 2, 6, 2], B: [0, 2, 0, 2, 0], C: [5, 8, 5, 8, 0] });
    expect(critical(s)).toEqual(['B', 'C']);
  });
});

describe('computeSchedule: start-no-earlier-than', () => {
  it('holds a task to its date and makes its chain critical from there', () => {
    // A(3) SNET Thu 03-06 = day 3 → [3,6); A → C(1) → [6,7); B(2) free → [0,2). F = 7.
    // Backward: C lf 7 ls 6; A lf 6 ls 3 (float 0); B lf 7 ls 5 (float 5).
    const s = schedule([task('A', 3, { snet: '2025-03-06' }), task('B', 2), task('C', 1)], [link('A', 'C')]);
    expect(cpm(s)).toEqual({ A: [3, 6, 3, 6, 0], B: [0, 2, 5, 7, 5], C: [6, 7, 6, 7, 0] });
    expect(critical(s)).toEqual(['A', 'C']);
    // A: days 3..5 = Thu 03-06 .. Mon 03-10 (over the weekend).
    expect(dates(s).A).toEqual(['2025-03-06', '2025-03-10']);
  });

  it('counts a non-working date from the next working day and ignores dates before the start', () => {
    // SNET Saturday 03-08 → Monday 03-10 = day 5. SNET 2025-02-01 is before the start → day 0.
    const s = schedule([task('A', 1, { snet: '2025-03-08' }), task('B', 1, { snet: '2025-02-01' })], []);
    expect(cpm(s)).toEqual({ A: [5, 6, 5, 6, 0], B: [0, 1, 5, 6, 5] });
  });

  it('keeps the later of the date and the dependencies', () => {
    // X(4) → Y(1) with Y SNET Wed 03-05 (day 2): es Y = max(2, ef X = 4) = 4.
    const s = schedule([task('X', 4), task('Y', 1, { snet: '2025-03-05' })], [link('X', 'Y')]);
    expect(cpm(s).Y).toEqual([4, 5, 4, 5, 0]);
  });

  it("applies a summary task's date to everything under it", () => {
    // P SNET Mon 03-10 (day 5) holds Q(2) and, one level down, R ⊃ S(1).
    const s = schedule(
      [
        task('P', 0, { snet: '2025-03-10' }),
        task('Q', 2, { parentId: 'P' }),
        task('R', 0, { parentId: 'P' }),
        task('S', 1, { parentId: 'R' }),
      ],
      [],
    );
    expect(cpm(s).Q).toEqual([5, 7, 5, 7, 0]);
    expect(cpm(s).S).toEqual([5, 6, 6, 7, 1]);
  });
});

describe('computeSchedule: summary tasks', () => {
  it('rolls children up and decides criticality by float', () => {
    // P ⊃ {A(3), B(2)} with A → B; C(4) alone; G ⊃ {H ⊃ {C}, M(0)} with B → M.
    // Leaves: A [0,3); B [3,5); C [0,4); M [5,5). F = 5.
    // Backward: M lf 5 ls 5; B lf = ls M = 5, ls 3; A lf = ls B = 3, ls 0; C lf 5, ls 1 (float 1).
    // P = (es min 0, ef max 5, ls min 0, lf max 5) → float 0, critical. P's own duration 99
    // is ignored and does not move F.
    // H = C's values. G = (es 0, ef 5, ls min(1, 5) = 1, lf 5) → float 1: NOT critical although
    // its child M is (float-based rule). G's finish date is M's date, day 5.
    const s = schedule(
      [
        task('P', 99),
        task('A', 3, { parentId: 'P' }),
        task('B', 2, { parentId: 'P' }),
        task('G', 0),
        task('H', 0, { parentId: 'G' }),
        task('C', 4, { parentId: 'H' }),
        task('M', 0, { parentId: 'G' }),
      ],
      [link('A', 'B'), link('B', 'M')],
    );
    expect(cpm(s)).toEqual({
      P: [0, 5, 0, 5, 0],
      A: [0, 3, 0, 3, 0],
      B: [3, 5, 3, 5, 0],
      G: [0, 5, 1, 5, 1],
      H: [0, 4, 1, 5, 1],
      C: [0, 4, 1, 5, 1],
      M: [5, 5, 5, 5, 0],
    });
    expect(critical(s)).toEqual(['P', 'A', 'B', 'M']);
    expect(dates(s).P).toEqual(['2025-03-03', '2025-03-07']);
    expect(dates(s).G).toEqual(['2025-03-03', '2025-03-10']);
    expect(s.projectFinish).toBe('2025-03-10');
  });

  it('returns tasks in input order, whatever the hierarchy order', () => {
    const s = schedule([task('child', 2, { parentId: 'parent' }), task('parent', 0)], []);
    expect(s.tasks.map((t) => t.taskId)).toEqual(['child', 'parent']);
    expect(cpm(s).parent).toEqual([0, 2, 0, 2, 0]);
  });
});

describe('computeSchedule: across the 2025 National Day holiday (mainland China)', () => {
  // From Thursday 2025-09-25, working days are:
  //   0 Thu 09-25 | 1 Fri 09-26 | 2 Sun 09-28 (调休) | 3 Mon 09-29 | 4 Tue 09-30 |
  //   (10-01 .. 10-08 off) | 5 Thu 10-09 | 6 Fri 10-10 | 7 Sat 10-11 (调休) | (Sun 10-12 off) |
  //   8 Mon 10-13 | 9 Tue 10-14 | 10 Wed 10-15
  const china = chinaMainlandCalendar();

  it('schedules a chain through the holiday on working-day indices', () => {
    // A(3) → B(4) → M(0) —FS+1→ D(2).
    // A [0,3): 09-25 .. 09-28 (the make-up Sunday). B [3,7): 09-29 .. 10-10 (skips Oct 1–8).
    // M at day 7 = Saturday 10-11 (make-up day). D es = 7 + 1 = 8 → [8,10): 10-13 .. 10-14.
    // F = 10; every task critical.
    const s = schedule(
      [task('A', 3), task('B', 4), task('M', 0), task('D', 2)],
      [link('A', 'B'), link('B', 'M'), link('M', 'D', 'FS', 1)],
      '2025-09-25',
      china,
    );
    expect(cpm(s)).toEqual({
      A: [0, 3, 0, 3, 0],
      B: [3, 7, 3, 7, 0],
      M: [7, 7, 7, 7, 0],
      D: [8, 10, 8, 10, 0],
    });
    expect(dates(s)).toEqual({
      A: ['2025-09-25', '2025-09-28'],
      B: ['2025-09-29', '2025-10-10'],
      M: ['2025-10-11', '2025-10-11'],
      D: ['2025-10-13', '2025-10-14'],
    });
    expect(s.projectFinish).toBe('2025-10-14');
  });

  it('moves a start-no-earlier-than on a holiday to the first day back', () => {
    // SNET 2025-10-01 (holiday) → day 5 = Thursday 10-09. Project start Saturday 09-27 → day 0
    // is the make-up Sunday 09-28.
    const s = schedule([task('A', 2, { snet: '2025-10-01' })], [], '2025-09-27', china);
    expect(s.projectStart).toBe('2025-09-28');
    expect(cpm(s).A).toEqual([3, 5, 3, 5, 0]);
    expect(dates(s).A).toEqual(['2025-10-09', '2025-10-10']);
  });

  it('is different on a plain Monday–Friday calendar', () => {
    // Same A(3) → B(4) on Mon–Fri: A 09-25, 09-26, 09-29; B 09-30 .. 10-03.
    const s = schedule([task('A', 3), task('B', 4)], [link('A', 'B')], '2025-09-25', weekdays);
    expect(dates(s)).toEqual({ A: ['2025-09-25', '2025-09-29'], B: ['2025-09-30', '2025-10-03'] });
  });
});

describe('computeSchedule: edge cases', () => {
  it('handles an empty project', () => {
    expect(schedule([], [], '2025-03-08')).toEqual({ projectStart: '2025-03-10', projectFinish: '2025-03-10', tasks: [] });
  });

  it('grows the calendar index for long schedules', () => {
    // 3 × 400 working days on Mon–Fri = 1200 working days = 240 weeks from 2025-03-03.
    const s = schedule([task('A', 400), task('B', 400), task('C', 400)], [link('A', 'B'), link('B', 'C')]);
    expect(cpm(s).C).toEqual([800, 1200, 800, 1200, 0]);
    expect(s.projectFinish).toBe('2029-10-05'); // day 1199 = Friday of week 239 (counting from 0) = 2025-03-03 + 239 × 7 + 4 days
  });
});

describe('computeSchedule: refusals', () => {
  const expectError = (f: () => unknown, code: string, taskIds?: string[]): void => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ScheduleError);
      if (!(e instanceof ScheduleError)) return;
      expect(e.code).toBe(code);
      if (taskIds !== undefined) expect(e.taskIds).toEqual(taskIds);
      return;
    }
    expect.fail(`expected ScheduleError ${code}`);
  };

  it('names the tasks of a cycle in order', () => {
    // X → A → B → C → A, and C → Y: the cycle is A → B → C.
    expectError(
      () =>
        schedule(
          [task('X', 1), task('A', 1), task('B', 1), task('C', 1), task('Y', 1)],
          [link('X', 'A'), link('A', 'B'), link('B', 'C'), link('C', 'A'), link('C', 'Y')],
        ),
      'CYCLE',
      ['A', 'B', 'C'],
    );
  });

  it('refuses a task depending on itself', () => {
    expectError(() => schedule([task('A', 1)], [link('A', 'A')]), 'CYCLE', ['A']);
  });

  it('refuses dependencies on summary tasks, naming the summary end', () => {
    const tasks = [task('P', 0), task('A', 1, { parentId: 'P' }), task('B', 1), task('Q', 0), task('C', 1, { parentId: 'Q' })];
    expectError(() => schedule(tasks, [link('P', 'B')]), 'SUMMARY_DEPENDENCY', ['P']);
    expectError(() => schedule(tasks, [link('B', 'P')]), 'SUMMARY_DEPENDENCY', ['P']);
    expectError(() => schedule(tasks, [link('P', 'Q')]), 'SUMMARY_DEPENDENCY', ['P', 'Q']);
    // A child linked to its own parent is a summary dependency too.
    expectError(() => schedule(tasks, [link('A', 'P')]), 'SUMMARY_DEPENDENCY', ['P']);
  });

  it('refuses unknown tasks and malformed input', () => {
    expectError(() => schedule([task('A', 1)], [link('A', 'nope')]), 'UNKNOWN_TASK', ['nope']);
    expectError(() => schedule([task('A', 1, { parentId: 'nope' })], []), 'UNKNOWN_TASK', ['nope']);
    expectError(() => schedule([task('A', 1), task('A', 2)], []), 'INVALID_INPUT', ['A']);
    expectError(() => schedule([task('A', 1.5)], []), 'INVALID_INPUT');
    expectError(() => schedule([task('A', -1)], []), 'INVALID_INPUT');
    expectError(() => schedule([task('A', 1), task('B', 1)], [link('A', 'B', 'FS', 0.5)]), 'INVALID_INPUT');
    expectError(() => schedule([task('A', 1), task('B', 1)], [{ ...link('A', 'B'), type: 'XX' as DependencyType }]), 'INVALID_INPUT');
    expectError(() => schedule([task('A', 1, { snet: '2025-02-30' })], []), 'INVALID_INPUT', ['A']);
    expectError(() => schedule([task('A', 1)], [], '2025/03/03'), 'INVALID_INPUT');
    expectError(() => schedule([task('A', 1, { parentId: 'B' }), task('B', 1, { parentId: 'A' })], []), 'INVALID_INPUT');
    expectError(() => schedule([task('A', 1)], [], '2025-03-03', { workingWeekdays: [], holidays: [], workdays: [] }), 'INVALID_INPUT');
    expectError(() => schedule([task('A', 1)], [], '2025-03-03', { workingWeekdays: [1, 7], holidays: [], workdays: [] }), 'INVALID_INPUT');
    expectError(
      () => schedule([task('A', 1)], [], '2025-03-03', { workingWeekdays: [1], holidays: ['2025-13-01'], workdays: [] }),
      'INVALID_INPUT',
    );
  });
});

describe('findCycle', () => {
  const tasks = ['A', 'B', 'C', 'D'].map((id) => ({ id }));

  it('returns null for an acyclic network', () => {
    expect(findCycle(tasks, [link('A', 'B'), link('B', 'C'), link('A', 'C'), link('C', 'D')])).toBeNull();
    expect(findCycle([], [])).toBeNull();
  });

  it('returns one cycle, in order', () => {
    expect(findCycle(tasks, [link('A', 'B'), link('B', 'C'), link('C', 'D'), link('D', 'B')])).toEqual(['B', 'C', 'D']);
    expect(findCycle(tasks, [link('C', 'C')])).toEqual(['C']);
    expect(findCycle(tasks, [link('A', 'B'), link('B', 'A')])).toEqual(['A', 'B']);
  });

  it('counts ids that only appear in dependencies', () => {
    expect(findCycle([], [link('x', 'y'), link('y', 'x')])).toEqual(['x', 'y']);
  });
});

describe('validateDependency', () => {
  const tasks = [
    { id: 'P', parentId: null },
    { id: 'A', parentId: 'P' },
    { id: 'B', parentId: 'P' },
    { id: 'C', parentId: null },
  ];
  const existing = [link('A', 'B'), link('B', 'C')];

  it('accepts a link that keeps the network acyclic', () => {
    expect(validateDependency(tasks, existing, link('A', 'C'))).toEqual({ ok: true });
  });

  it('refuses a link that closes a cycle, naming the cycle from the new link on', () => {
    // C → A closes C → A → B → C.
    expect(validateDependency(tasks, existing, link('C', 'A'))).toEqual({ ok: false, code: 'CYCLE', taskIds: ['C', 'A', 'B'] });
    expect(validateDependency(tasks, existing, link('B', 'A'))).toEqual({ ok: false, code: 'CYCLE', taskIds: ['B', 'A'] });
    expect(validateDependency(tasks, existing, link('A', 'A'))).toEqual({ ok: false, code: 'CYCLE', taskIds: ['A'] });
  });

  it('refuses summary tasks and unknown tasks', () => {
    expect(validateDependency(tasks, existing, link('P', 'C'))).toEqual({ ok: false, code: 'SUMMARY_DEPENDENCY', taskIds: ['P'] });
    expect(validateDependency(tasks, existing, link('C', 'zz'))).toEqual({ ok: false, code: 'UNKNOWN_TASK', taskIds: ['zz'] });
  });
});
