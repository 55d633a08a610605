import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Calendar } from '../../../core/calendar/schemas';
import type { ProjectSchedule, Task } from '../../../core/tasks/schemas.js';
import { testDialects } from '../../test/databases.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';
import { buildDependency, buildTask, expectError } from '../tasks/test-factories.js';

// The mainland-China calendar around the 2026 Spring Festival (春节): 02-15 (Sun) .. 02-23 (Mon) off,
// Saturdays 02-14 and 02-28 are make-up working days (调休). Working-day indices from Mon 2026-02-09:
//   0 Mon 02-09 | 1 Tue 02-10 | 2 Wed 02-11 | 3 Thu 02-12 | 4 Fri 02-13 | 5 Sat 02-14 (make-up)
//   — 02-15 .. 02-23 holiday —
//   6 Tue 02-24 | 7 Wed 02-25 | 8 Thu 02-26 | 9 Fri 02-27 | 10 Sat 02-28 (make-up) | 11 Mon 03-02
//
// The network (all four types, a lag, a lead, a start-no-earlier-than), by hand:
//   A  3 d                         es 0          ef 3   → 02-09 .. 02-11
//   B  4 d   FS A +1               es ≥ 3+1 = 4  ef 8   → 02-13 .. 02-25 (across the holiday)
//   C  2 d   SS A +2               es ≥ 0+2 = 2  ef 4   → 02-11 .. 02-12
//   D  3 d   FF B +1               ef ≥ 8+1 = 9  es 6   → 02-24 .. 02-26
//   E  0 d   SF C +3               ef ≥ 2+3 = 5  es 5   → 02-14 (the make-up Saturday)
//   F  2 d   FS D −1, FS E         es ≥ 9−1 = 8  ef 10  → 02-26 .. 02-27
//   G  1 d   FS C, SNET 02-26      es ≥ 8        ef 9   → 02-26
//   Project finish F = max ef = 10 → working day 9 = 02-27.
// Backward pass (lf starts at 10):
//   G lf 10 ls 9 | F lf 10 ls 8 | E lf ≤ ls F = 8 → ls 8 | D lf ≤ ls F + 1 = 9 → ls 6
//   C lf ≤ min(lf E − 3 + 2 = 7 (SF), ls G = 9) = 7 → ls 5 | B lf ≤ lf D − 1 = 8 → ls 4
//   A lf ≤ min(ls B − 1 = 3 (FS), ls C − 2 + 3 = 6 (SS)) = 3 → ls 0
// Float = ls − es: A 0, B 0, C 3, D 0, E 3, F 0, G 1 → critical path A → B → D → F.
// Summary "Prep" = {A, B, C}: es 0, ef 8, ls 0, lf 8, float 0 (critical), 02-09 .. 02-25.

describe.each(testDialects())('the schedule on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let gus: Session;
  let outsider: Session;
  let projectId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    gus = await inviteUser(t.app, owner, 'guest', 'Gus Guest');
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd' });
    const calendars = (await owner.request('GET', '/calendars')).json().items as Calendar[];
    const china = calendars.find((c) => c.holidays.includes('2026-02-16') && c.workdays.includes('2026-02-14'));
    expect(china).toBeDefined();
    projectId = (await buildProject(owner, { name: 'Spring push', startDate: '2026-02-09', endDate: '2026-03-31', calendarId: china?.id }))
      .id;
    const prep = await buildTask(owner, projectId, { title: 'Prep' });
    ids.Prep = prep.id;
    const specs: [string, number, Record<string, unknown>][] = [
      ['A', 3, { parentId: prep.id, percentComplete: 100, estimateHours: 8, plannedCost: 1_000 }],
      ['B', 4, { parentId: prep.id, percentComplete: 50, estimateHours: 16, plannedCost: 2_500 }],
      ['C', 2, { parentId: prep.id, estimateHours: 4.5 }],
      ['D', 3, {}],
      ['E', 0, {}],
      ['F', 2, {}],
      ['G', 1, { startNoEarlierThan: '2026-02-26' }],
    ];
    for (const [title, duration, extra] of specs) ids[title] = (await buildTask(owner, projectId, { title, duration, ...extra })).id;
    const links: [string, string, string, number][] = [
      ['A', 'B', 'FS', 1],
      ['A', 'C', 'SS', 2],
      ['B', 'D', 'FF', 1],
      ['C', 'E', 'SF', 3],
      ['D', 'F', 'FS', -1],
      ['E', 'F', 'FS', 0],
      ['C', 'G', 'FS', 0],
    ];
    for (const [from, to, type, lag] of links) await buildDependency(owner, projectId, ids[from], ids[to], { type, lag });
  });
  afterAll(() => t?.close());

  const schedule = async (session = owner, project = projectId) => {
    const response = await session.request('GET', `/projects/${project}/schedule`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ProjectSchedule;
  };
  const byTitle = (s: ProjectSchedule) => {
    const titleOf = new Map(Object.entries(ids).map(([title, id]) => [id, title]));
    return Object.fromEntries(s.tasks.map((x) => [titleOf.get(x.taskId) ?? x.taskId, x]));
  };

  it('computes the textbook network on the China calendar across the Spring Festival, as by hand', async () => {
    const s = await schedule();
    expect([s.projectStart, s.projectFinish]).toEqual(['2026-02-09', '2026-02-27']);
    const rows = Object.fromEntries(
      Object.entries(byTitle(s)).map(([title, x]) => [
        title,
        [x.es, x.ef, x.ls, x.lf, x.totalFloat, x.critical, x.startDate, x.finishDate],
      ]),
    );
    expect(rows).toEqual({
      Prep: [0, 8, 0, 8, 0, true, '2026-02-09', '2026-02-25'],
      A: [0, 3, 0, 3, 0, true, '2026-02-09', '2026-02-11'],
      B: [4, 8, 4, 8, 0, true, '2026-02-13', '2026-02-25'],
      C: [2, 4, 5, 7, 3, false, '2026-02-11', '2026-02-12'],
      D: [6, 9, 6, 9, 0, true, '2026-02-24', '2026-02-26'],
      E: [5, 5, 8, 8, 3, false, '2026-02-14', '2026-02-14'],
      F: [8, 10, 8, 10, 0, true, '2026-02-26', '2026-02-27'],
      G: [8, 9, 9, 10, 1, false, '2026-02-26', '2026-02-26'],
    });
    // WBS order, the summary first.
    expect(s.tasks.map((x) => x.taskId)).toEqual(['Prep', 'A', 'B', 'C', 'D', 'E', 'F', 'G'].map((k) => ids[k]));
  });

  it('rolls summaries and the whole plan up: hours and cost summed, progress weighted by duration', async () => {
    const s = await schedule();
    const prep = byTitle(s).Prep;
    expect(prep).toMatchObject({ isSummary: true, parentId: null });
    // (3 × 100 + 4 × 50 + 2 × 0) / (3 + 4 + 2) = 500 / 9 = 55.6
    expect(prep.rollup).toEqual({ duration: 8, estimateHours: 28.5, plannedCost: 3_500, percentComplete: 55.6, leafCount: 3 });
    expect(byTitle(s).A).toMatchObject({ isSummary: false, parentId: ids.Prep, rollup: null });
    // Whole plan: leaves A..G weigh 3+4+2+3+0+2+1 = 15; done 300 + 200 = 500 → 33.3.
    expect(s.totals).toEqual({ duration: 10, estimateHours: 28.5, plannedCost: 3_500, percentComplete: 33.3, leafCount: 7 });
    expect(s.calendarId).not.toBeNull();
  });

  it('reflects every change at once: a longer task, a new link, a moved start and a removed link', async () => {
    // B 4 → 5 days: B [4, 9); D by FF +1 ends at 10 → [7, 10); F by FS −1 → [9, 11), finishing on the make-up Saturday 02-28.
    expect((await owner.request('PATCH', `/tasks/${ids.B}`, { duration: 5 })).statusCode).toBe(200);
    let s = await schedule();
    expect(s.projectFinish).toBe('2026-02-28');
    expect(byTitle(s).F).toMatchObject({ es: 9, ef: 11, startDate: '2026-02-27', finishDate: '2026-02-28', critical: true });

    // A cycle through the API is refused with its tasks named, and the schedule is unchanged.
    const cycle = await owner.request('POST', `/projects/${projectId}/dependencies`, { predecessorId: ids.F, successorId: ids.A });
    expectError(cycle, 422, 'RULE_VIOLATION');
    expect(cycle.json().error.message).toBe('This dependency would close a cycle: F → A → B → D → F.');
    expect((await schedule()).projectFinish).toBe('2026-02-28');

    // G must now wait for F (FS): G [11, 12) → Mon 03-02 becomes the finish; F is no longer last.
    const gAfterF = await buildDependency(owner, projectId, ids.F, ids.G);
    s = await schedule();
    expect([s.projectFinish, byTitle(s).G.startDate, byTitle(s).G.critical]).toEqual(['2026-03-02', '2026-03-02', true]);

    // The project starts a day later: everything shifts by one working day.
    const project = (await owner.request('GET', `/projects/${projectId}`)).json();
    expect((await owner.request('PATCH', `/projects/${projectId}`, { startDate: '2026-02-10', version: project.version })).statusCode).toBe(
      200,
    );
    s = await schedule();
    expect([s.projectStart, byTitle(s).A.startDate, s.projectFinish]).toEqual(['2026-02-10', '2026-02-10', '2026-03-03']);

    // Back as it was.
    expect((await owner.request('DELETE', `/dependencies/${gAfterF.id}`)).statusCode).toBe(204);
    expect((await owner.request('PATCH', `/projects/${projectId}`, { startDate: '2026-02-09' })).statusCode).toBe(200);
    expect((await owner.request('PATCH', `/tasks/${ids.B}`, { duration: 4 })).statusCode).toBe(200);
    expect((await schedule()).projectFinish).toBe('2026-02-27');
  });

  it('uses the built-in Monday–Friday week for a project without a calendar', async () => {
    const plain = (await buildProject(owner, { name: 'Plain', startDate: '2026-02-13', endDate: '2026-03-31' })).id;
    const a = await buildTask(owner, plain, { title: 'Across the festival', duration: 3 });
    const s = await schedule(owner, plain);
    expect(s.calendarId).toBeNull();
    // Fri 02-13, Mon 02-16, Tue 02-17: no holiday and no make-up day on a plain calendar.
    expect(s.tasks).toEqual([
      {
        taskId: a.id,
        es: 0,
        ef: 3,
        ls: 0,
        lf: 3,
        totalFloat: 0,
        critical: true,
        startDate: '2026-02-13',
        finishDate: '2026-02-17',
        parentId: null,
        isSummary: false,
        rollup: null,
      },
    ]);
    // An empty project has a schedule too: it starts and finishes on its first working day.
    const empty = (await buildProject(owner, { name: 'Empty', startDate: '2026-02-14', endDate: '2026-03-31' })).id;
    expect(await schedule(owner, empty)).toEqual({
      projectStart: '2026-02-16',
      projectFinish: '2026-02-16',
      calendarId: null,
      tasks: [],
      totals: { duration: 0, estimateHours: 0, plannedCost: 0, percentComplete: 0, leafCount: 0 },
    });
  });

  it('follows an edited calendar at once', async () => {
    const project = (await buildProject(owner, { name: 'Own calendar', startDate: '2027-03-01', endDate: '2027-03-31' })).id;
    const calendar = (
      await owner.request('POST', '/calendars', { name: 'Four-day week', workingWeekdays: [1, 2, 3, 4], holidays: [], workdays: [] })
    ).json() as Calendar;
    await owner.request('PATCH', `/projects/${project}`, { calendarId: calendar.id });
    const task: Task = await buildTask(owner, project, { title: 'Five days', duration: 5 });
    // Mon 03-01 .. Thu 03-04, then Mon 03-08.
    expect(byId(await schedule(owner, project), task.id).finishDate).toBe('2027-03-08');
    await owner.request('PATCH', `/calendars/${calendar.id}`, { ...calendar, holidays: ['2027-03-02'], version: 1 });
    // Tuesday 03-02 off: the fifth working day is Tuesday 03-09.
    expect(byId(await schedule(owner, project), task.id).finishDate).toBe('2027-03-09');
  });

  it('names the plan state in an ETag: If-None-Match answers 304 until the plan, the project or its calendar changes', async () => {
    const first = await owner.request('GET', `/projects/${projectId}/schedule`);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"plan-/);
    const again = await owner.request('GET', `/projects/${projectId}/schedule`, undefined, { 'if-none-match': etag });
    expect([again.statusCode, again.body]).toEqual([304, '']);
    // Any change of the plan (here only a title) gives a new state.
    expect((await owner.request('PATCH', `/tasks/${ids.G}`, { title: 'G renamed' })).statusCode).toBe(200);
    const changed = await owner.request('GET', `/projects/${projectId}/schedule`, undefined, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.json()).toEqual(first.json());
    // Refused writes leave the state as it was.
    const state = changed.headers.etag as string;
    expectError(
      await owner.request('POST', `/projects/${projectId}/dependencies`, { predecessorId: ids.F, successorId: ids.A }),
      422,
      'RULE_VIOLATION',
    );
    expect((await owner.request('GET', `/projects/${projectId}/schedule`, undefined, { 'if-none-match': state })).statusCode).toBe(304);
  });

  it('answers 404 for another workspace, a guest outside the project, or an unknown project', async () => {
    for (const session of [outsider, gus]) expectError(await session.request('GET', `/projects/${projectId}/schedule`), 404, 'NOT_FOUND');
    expectError(await owner.request('GET', '/projects/nope/schedule'), 404, 'NOT_FOUND');
  });
});

const byId = (s: ProjectSchedule, id: string) => s.tasks.find((x) => x.taskId === id) as ProjectSchedule['tasks'][number];
