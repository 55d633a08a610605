import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Baseline, BaselineDetail, BaselineVariance } from '../../../core/baselines/schemas.js';
import type { Calendar } from '../../../core/calendar/schemas';
import { newId } from '../../ids.js';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor, countRows } from '../../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';
import { buildDependency, buildTask, expectError, invalidPaths } from '../tasks/test-factories.js';

// China calendar, from Mon 2026-02-09 (Spring Festival 02-15 .. 02-23 off, Saturdays 02-14 and 02-28 worked):
//   0 02-09 | 1 02-10 | 2 02-11 | 3 02-12 | 4 02-13 | 5 Sat 02-14 | 6 02-24 | 7 02-25 | 8 02-26 | 9 02-27 | 10 Sat 02-28
// Baseline plan: Prep {A 3 d, B 4 d FS A}, C milestone FS B, E 1 d.
//   A [0,3) 02-09..02-11 | B [3,7) 02-12..02-24 | C 7 → 02-25 | E [0,1) 02-09 | Prep [0,7) 02-09..02-24 | finish 02-25
// Then A grows to 6 days, E is deleted and D (2 d) is added:
//   A [0,6) 02-09..02-14 | B [6,10) 02-24..02-27 | C 10 → Sat 02-28 | Prep [0,10) 02-09..02-27 | finish 02-28
// Variance (working days; calendar days):
//   A finish 02-11 → 02-14: +3; +3, duration +3 | B start 02-12 → 02-24: +3; +12, finish 02-24 → 02-27: +3; +3
//   C 02-25 → 02-28: +3; +3 | Prep finish +3; +3, duration 7 → 10 | project finish 02-25 → 02-28: +3; +3

describe.each(testDialects())('baselines on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let sam: Session;
  let outsider: Session;
  let projectId: string;
  const ids: Record<string, string> = {};
  let baseline: Baseline;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    sam = await inviteUser(t.app, owner, 'member', 'Sam Sales');
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd' });
    const china = ((await owner.request('GET', '/calendars')).json().items as Calendar[]).find((c) => c.holidays.includes('2026-02-16'));
    projectId = (await buildProject(owner, { name: 'Baselined', startDate: '2026-02-09', endDate: '2026-03-31', calendarId: china?.id }))
      .id;
    await owner.request('POST', `/projects/${projectId}/members`, { userId: sam.userId, role: 'sales' });
    ids.Prep = (await buildTask(owner, projectId, { title: 'Prep' })).id;
    ids.A = (await buildTask(owner, projectId, { title: 'A', parentId: ids.Prep, duration: 3, plannedCost: 1_000 })).id;
    ids.B = (await buildTask(owner, projectId, { title: 'B', parentId: ids.Prep, duration: 4, plannedCost: 2_000 })).id;
    ids.C = (await buildTask(owner, projectId, { title: 'C', duration: 0 })).id;
    ids.E = (await buildTask(owner, projectId, { title: 'E', duration: 1 })).id;
    await buildDependency(owner, projectId, ids.A, ids.B);
    await buildDependency(owner, projectId, ids.B, ids.C);
  });
  afterAll(() => t?.close());

  it('saves the current schedule under a name, answers 201 and records it', async () => {
    const response = await owner.request('POST', `/projects/${projectId}/baselines`, { name: '  Approved plan ' });
    expect(response.statusCode, response.body).toBe(201);
    baseline = response.json();
    expect(baseline).toEqual({
      id: expect.any(String),
      projectId,
      name: 'Approved plan',
      projectStart: '2026-02-09',
      projectFinish: '2026-02-25',
      taskCount: 5,
      createdBy: owner.userId,
      createdAt: expect.stringMatching(/Z$/),
    });
    expect(await auditRowsFor(t.database.db, baseline.id)).toMatchObject([{ entity_type: 'baseline', action: 'create', after: baseline }]);
  });

  it('keeps per task the early indices and dates, duration and planned cost (a summary: its span and its sum)', async () => {
    const detail = (await sam.request('GET', `/baselines/${baseline.id}`)).json() as BaselineDetail;
    expect({ ...detail, tasks: undefined }).toEqual({ ...baseline, tasks: undefined });
    expect(detail.tasks.map((x) => [x.title, x.isSummary, x.es, x.ef, x.startDate, x.finishDate, x.duration, x.plannedCost])).toEqual([
      ['Prep', true, 0, 7, '2026-02-09', '2026-02-24', 7, 3_000],
      ['A', false, 0, 3, '2026-02-09', '2026-02-11', 3, 1_000],
      ['B', false, 3, 7, '2026-02-12', '2026-02-24', 4, 2_000],
      ['C', false, 7, 7, '2026-02-25', '2026-02-25', 0, 0],
      ['E', false, 0, 1, '2026-02-09', '2026-02-09', 1, 0],
    ]);
    expect(detail.tasks[1]).toMatchObject({ taskId: ids.A, parentId: ids.Prep });
  });

  it('shows the variance of the current plan against it, per task and for the project, as computed by hand', async () => {
    const unchanged = (await owner.request('GET', `/baselines/${baseline.id}/variance`)).json() as BaselineVariance;
    expect(unchanged.project).toMatchObject({ finishSlip: 0, finishSlipCalendarDays: 0 });
    expect(unchanged.tasks.every((x) => x.startSlip === 0 && x.finishSlip === 0 && x.durationChange === 0)).toBe(true);

    expect((await owner.request('PATCH', `/tasks/${ids.A}`, { duration: 6 })).statusCode).toBe(200);
    expect((await owner.request('DELETE', `/tasks/${ids.E}`)).statusCode).toBe(204);
    ids.D = (await buildTask(owner, projectId, { title: 'D', duration: 2 })).id;

    const response = await sam.request('GET', `/baselines/${baseline.id}/variance`);
    expect(response.statusCode, response.body).toBe(200);
    const v = response.json() as BaselineVariance;
    expect([v.baselineId, v.baselineName]).toEqual([baseline.id, 'Approved plan']);
    expect(v.project).toEqual({
      baselineStart: '2026-02-09',
      currentStart: '2026-02-09',
      baselineFinish: '2026-02-25',
      currentFinish: '2026-02-28',
      startSlip: 0,
      startSlipCalendarDays: 0,
      finishSlip: 3,
      finishSlipCalendarDays: 3,
    });
    const rows = v.tasks.map((x) => [
      x.title,
      x.state,
      x.currentStart,
      x.currentFinish,
      x.startSlip,
      x.startSlipCalendarDays,
      x.finishSlip,
      x.finishSlipCalendarDays,
      x.baselineDuration,
      x.currentDuration,
      x.durationChange,
    ]);
    expect(rows).toEqual([
      ['Prep', 'planned', '2026-02-09', '2026-02-27', 0, 0, 3, 3, 7, 10, 3],
      ['A', 'planned', '2026-02-09', '2026-02-14', 0, 0, 3, 3, 3, 6, 3],
      ['B', 'planned', '2026-02-24', '2026-02-27', 3, 12, 3, 3, 4, 4, 0],
      ['C', 'planned', '2026-02-28', '2026-02-28', 3, 3, 3, 3, 0, 0, 0],
      ['D', 'added', '2026-02-09', '2026-02-10', null, null, null, null, null, 2, null],
      ['E', 'removed', null, null, null, null, null, null, 1, null, null],
    ]);
    expect(v.tasks.find((x) => x.title === 'E')).toMatchObject({ baselineStart: '2026-02-09', baselineFinish: '2026-02-09' });
  });

  it('lists baselines newest first; a second baseline starts from the plan as it is now', async () => {
    const second = (await owner.request('POST', `/projects/${projectId}/baselines`, { name: 'Re-planned' })).json() as Baseline;
    expect(second).toMatchObject({ projectFinish: '2026-02-28', taskCount: 5 });
    const listed = (await sam.request('GET', `/projects/${projectId}/baselines`)).json();
    expect(listed.items.map((b: Baseline) => b.name)).toEqual(['Re-planned', 'Approved plan']);
    expect(listed.nextCursor).toBeNull();
    const v = (await owner.request('GET', `/baselines/${second.id}/variance`)).json() as BaselineVariance;
    expect(v.project.finishSlip).toBe(0);
  });

  it('lets only project managers and workspace admins save and delete baselines (403 for sales)', async () => {
    const before = await countRows(t.database.db, 'baselines');
    expectError(await sam.request('POST', `/projects/${projectId}/baselines`, { name: 'Mine' }), 403, 'FORBIDDEN');
    expectError(await sam.request('DELETE', `/baselines/${baseline.id}`), 403, 'FORBIDDEN');
    expect(await countRows(t.database.db, 'baselines')).toBe(before);
  });

  it('validates the name (400) and keeps at most 50 baselines a project (422)', async () => {
    expect(invalidPaths(await owner.request('POST', `/projects/${projectId}/baselines`, { name: '   ' }))).toEqual({
      status: 400,
      paths: ['name'],
    });
    expect(invalidPaths(await owner.request('POST', `/projects/${projectId}/baselines`, {}))).toEqual({ status: 400, paths: ['name'] });
    const project = (await buildProject(owner, { name: 'Many baselines' })).id;
    const now = new Date().toISOString();
    await t.database.db
      .insertInto('baselines')
      .values(
        Array.from({ length: 50 }, (_, i) => ({
          workspace_id: owner.workspaceId,
          id: newId(),
          project_id: project,
          name: `B${i}`,
          project_start: '2027-01-04',
          project_finish: '2027-01-04',
          created_by: owner.userId,
          created_at: now,
        })),
      )
      .execute();
    const refused = await owner.request('POST', `/projects/${project}/baselines`, { name: 'One more' });
    expectError(refused, 422, 'RULE_VIOLATION');
    expect(refused.json().error.details).toEqual({ max: 50 });
  });

  it('deletes a baseline with its tasks and records it; another workspace gets 404 everywhere', async () => {
    for (const response of [
      await outsider.request('GET', `/baselines/${baseline.id}`),
      await outsider.request('GET', `/baselines/${baseline.id}/variance`),
      await outsider.request('DELETE', `/baselines/${baseline.id}`),
      await outsider.request('GET', `/projects/${projectId}/baselines`),
      await outsider.request('POST', `/projects/${projectId}/baselines`, { name: 'Theirs' }),
    ]) {
      expectError(response, 404, 'NOT_FOUND');
    }
    const rowsBefore = await countRows(t.database.db, 'baseline_tasks');
    expect((await owner.request('DELETE', `/baselines/${baseline.id}`)).statusCode).toBe(204);
    expect(await countRows(t.database.db, 'baseline_tasks')).toBe(rowsBefore - 5);
    for (const url of [`/baselines/${baseline.id}`, `/baselines/${baseline.id}/variance`])
      expectError(await owner.request('GET', url), 404, 'NOT_FOUND');
    expectError(await owner.request('DELETE', `/baselines/${baseline.id}`), 404, 'NOT_FOUND');
    expect((await auditRowsFor(t.database.db, baseline.id)).map((r) => r.action)).toEqual(['create', 'delete']);
  });
});
