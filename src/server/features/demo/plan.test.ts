import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaselineVariance } from '../../../core/baselines/schemas.js';
import type { Dependency } from '../../../core/dependencies/schemas.js';
import type { ProjectSchedule, TaskListItem } from '../../../core/tasks/schemas.js';
import type { TimeEntry } from '../../../core/time-entries/schemas.js';
import { testDialects } from '../../test/databases.js';
import { type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';

describe.each(testDialects())('the demo plan on %s', (dialect) => {
  let t: TestApp;
  const owners: Record<'en' | 'zh-CN', Session> = {} as Record<'en' | 'zh-CN', Session>;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owners.en = await signupOwner(t.app, { demo: true, locale: 'en' });
    owners['zh-CN'] = await signupOwner(t.app, { demo: true, locale: 'zh-CN', email: 'zh.owner@example.com' });
  });
  afterAll(() => t?.close());

  const demoOf = async (session: Session) => {
    const project = (await session.request('GET', '/projects')).json().items[0];
    const get = async <T>(url: string) => {
      const response = await session.request('GET', url);
      expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
      return response.json() as T;
    };
    return {
      project,
      tasks: (await get<{ items: TaskListItem[] }>(`/projects/${project.id}/tasks`)).items,
      dependencies: (await get<{ items: Dependency[] }>(`/projects/${project.id}/dependencies`)).items,
      schedule: await get<ProjectSchedule>(`/projects/${project.id}/schedule`),
      baselines: (await get<{ items: { id: string; name: string }[] }>(`/projects/${project.id}/baselines`)).items,
      entries: (await get<{ items: TimeEntry[] }>(`/projects/${project.id}/time-entries`)).items,
      members: (await get<{ items: { userId: string }[] }>(`/projects/${project.id}/members`)).items,
      get,
    };
  };

  it('plans about forty tasks across the five phases, with milestones, assignees, costs and progress', async () => {
    const demo = await demoOf(owners.en);
    expect(demo.tasks.length).toBeGreaterThanOrEqual(35);
    expect(demo.tasks.length).toBeLessThanOrEqual(50);
    expect(demo.tasks.filter((x) => x.depth === 0).map((x) => [x.title, x.phase])).toEqual([
      ['Planning', 'planning'],
      ['Organizing', 'organizing'],
      ['Execution', 'execution'],
      ['Control', 'control'],
      ['Evaluation', 'evaluation'],
    ]);
    const milestones = demo.tasks.filter((x) => !x.isSummary && x.duration === 0).map((x) => x.title);
    for (const words of [/trade show/i, /proposal deadline/i, /contract signing/i])
      expect(milestones.some((m) => words.test(m))).toBe(true);
    const team = new Set(demo.members.map((m) => m.userId));
    expect(new Set(demo.tasks.flatMap((x) => x.assigneeIds)).size).toBe(team.size);
    expect(demo.tasks.flatMap((x) => x.assigneeIds).every((id) => team.has(id))).toBe(true);
    expect(demo.tasks.some((x) => x.plannedCost > 0)).toBe(true);
    expect(demo.tasks.some((x) => x.status === 'done') && demo.tasks.some((x) => x.status === 'in_progress')).toBe(true);
    expect(demo.tasks.some((x) => x.depth === 2)).toBe(true);
  });

  it('links them with all four dependency types, lags and a lead, on the mainland-China calendar', async () => {
    const demo = await demoOf(owners.en);
    expect(new Set(demo.dependencies.map((d) => d.type))).toEqual(new Set(['FS', 'SS', 'FF', 'SF']));
    expect(demo.dependencies.some((d) => d.lag > 0) && demo.dependencies.some((d) => d.lag < 0)).toBe(true);
    expect(demo.schedule.calendarId).toBe(demo.project.calendarId);
    expect(demo.schedule.tasks.some((x) => x.critical)).toBe(true);
    expect(demo.schedule.projectFinish > demo.schedule.projectStart).toBe(true);
  });

  it('has a saved baseline the plan has slipped from, and time logged by the team', async () => {
    const demo = await demoOf(owners.en);
    expect(demo.baselines.map((b) => b.name)).toEqual(['Plan approved']);
    const variance = await demo.get<BaselineVariance>(`/baselines/${demo.baselines[0].id}/variance`);
    expect(variance.project.finishSlip).toBeGreaterThan(0);
    expect(variance.tasks.filter((x) => !x.isSummary && (x.durationChange ?? 0) > 0).length).toBe(3);
    expect(demo.entries.length).toBeGreaterThan(0);
    expect(demo.entries.length).toBeLessThanOrEqual(10);
  });

  it('speaks Chinese in a zh-CN workspace', async () => {
    const demo = await demoOf(owners['zh-CN']);
    expect(demo.tasks.filter((x) => x.depth === 0).map((x) => x.title)).toEqual(['规划', '组织', '执行', '控制', '评估']);
    expect(demo.tasks.some((x) => x.title.includes('合同签署'))).toBe(true);
    expect(demo.baselines.map((b) => b.name)).toEqual(['计划批准版']);
  });
});
