import { describe, expect, it } from 'vitest';
import { SmartSchema } from './schemas';
import { type CheckSmartInput, checkSmart, textWeight } from './smart';

const base: CheckSmartInput = {
  goal: {
    description: 'Signed contracts with new customers in East China',
    metric: 'revenue',
    target: 1_000_000_000, // ¥10M in fen
    currency: 'CNY',
    startDate: '2025-01-01',
    dueDate: '2025-03-31',
    ownerId: 'u1',
    parentId: null,
    relevance: 'East China is our largest growth region this year',
  },
  project: { startDate: '2025-01-01', endDate: '2025-06-30' },
  forecast: { probability: 0.6, weightedPipeline: 800_000_000, pace: 1, elapsedWorkingDays: 30, periodWorkingDays: 60 },
  today: '2025-02-14',
  hasParent: false,
};

type Case = {
  name: string;
  input: Partial<Omit<CheckSmartInput, 'goal'>> & { goal?: Partial<CheckSmartInput['goal']> };
  expected: [string, string];
};

function run(input: Case['input']) {
  return checkSmart({ ...base, ...input, goal: { ...base.goal, ...input.goal } });
}

describe('textWeight', () => {
  it.each([
    ['', 0],
    ['Signed contracts', 15], // 6 + 9 letters
    ['Q1 2025', 6],
    ['华东 签约!', 12], // 4 Han × 3
    ['华东区新签合同金额', 27], // 9 Han × 3
  ])('%j weighs %d', (text, weight) => expect(textWeight(text)).toBe(weight));
});

const sCases: Case[] = [
  { name: 'a description of what counts, project scope', input: {}, expected: ['pass', 'smart.s.pass'] },
  {
    name: 'Chinese description of 9 characters (27 ≥ 20)',
    input: { goal: { description: '华东区新签合同金额' } },
    expected: ['pass', 'smart.s.pass'],
  },
  {
    name: 'short English (Revenue Q1 = 9 < 20)',
    input: { goal: { description: 'Revenue Q1' } },
    expected: ['warn', 'smart.s.shortDescription'],
  },
  {
    name: 'short Chinese (华东签约 = 12 < 20)',
    input: { goal: { description: '华东签约' } },
    expected: ['warn', 'smart.s.shortDescription'],
  },
  { name: 'empty description', input: { goal: { description: '' } }, expected: ['fail', 'smart.s.noDescription'] },
  { name: 'blank description', input: { goal: { description: '  \n ' } }, expected: ['fail', 'smart.s.noDescription'] },
];

const mCases: Case[] = [
  { name: 'revenue with currency and target', input: {}, expected: ['pass', 'smart.m.pass'] },
  { name: 'deals won', input: { goal: { metric: 'deals_won', target: 12, currency: null } }, expected: ['pass', 'smart.m.pass'] },
  { name: 'target 0', input: { goal: { target: 0 } }, expected: ['fail', 'smart.m.noTarget'] },
  { name: 'negative target', input: { goal: { target: -5 } }, expected: ['fail', 'smart.m.noTarget'] },
  { name: 'NaN target', input: { goal: { target: Number.NaN } }, expected: ['fail', 'smart.m.noTarget'] },
  { name: 'revenue without currency', input: { goal: { currency: null } }, expected: ['fail', 'smart.m.noCurrency'] },
  { name: 'custom metric', input: { goal: { metric: 'custom', currency: null, target: 3 } }, expected: ['warn', 'smart.m.manual'] },
];

const started = { elapsedWorkingDays: 30, periodWorkingDays: 60, weightedPipeline: 0, pace: 1 };
const aCases: Case[] = [
  { name: 'probability 1', input: { forecast: { ...started, probability: 1 } }, expected: ['pass', 'smart.a.probability.pass'] },
  {
    name: 'probability .5 (boundary)',
    input: { forecast: { ...started, probability: 0.5 } },
    expected: ['pass', 'smart.a.probability.pass'],
  },
  { name: 'probability .4999', input: { forecast: { ...started, probability: 0.4999 } }, expected: ['warn', 'smart.a.probability.warn'] },
  {
    name: 'probability .2 (boundary)',
    input: { forecast: { ...started, probability: 0.2 } },
    expected: ['warn', 'smart.a.probability.warn'],
  },
  { name: 'probability .1999', input: { forecast: { ...started, probability: 0.1999 } }, expected: ['fail', 'smart.a.probability.fail'] },
  { name: 'probability 0', input: { forecast: { ...started, probability: 0 } }, expected: ['fail', 'smart.a.probability.fail'] },
  {
    name: 'started today uses the probability',
    input: { today: '2025-01-01', forecast: { ...started, probability: 0.1 } },
    expected: ['fail', 'smart.a.probability.fail'],
  },
  // Not started: coverage = weighted pipeline ÷ target (1e9)
  {
    name: 'not started, coverage 1',
    input: { today: '2024-12-20', forecast: { ...started, probability: 0.1, weightedPipeline: 1_000_000_000 } },
    expected: ['pass', 'smart.a.coverage.pass'],
  },
  {
    name: 'not started, coverage .5',
    input: { today: '2024-12-20', forecast: { ...started, probability: 0.9, weightedPipeline: 500_000_000 } },
    expected: ['warn', 'smart.a.coverage.warn'],
  },
  {
    name: 'not started, coverage .4999',
    input: { today: '2024-12-20', forecast: { ...started, probability: 0.9, weightedPipeline: 499_900_000 } },
    expected: ['fail', 'smart.a.coverage.fail'],
  },
  { name: 'no forecast', input: { forecast: null }, expected: ['warn', 'smart.a.unknown'] },
  {
    name: 'pipeline metric without probability',
    input: { forecast: { ...started, probability: null } },
    expected: ['warn', 'smart.a.unknown'],
  },
  { name: 'no target', input: { goal: { target: 0 } }, expected: ['warn', 'smart.a.noTarget'] },
  // Metrics without a pipeline: pace after a quarter of the period (15 of 60 days)
  {
    name: 'activities reached',
    input: { goal: { metric: 'activities', currency: null, target: 100 }, forecast: { ...started, probability: 1 } },
    expected: ['pass', 'smart.a.probability.pass'],
  },
  {
    name: 'activities, pace .8 at a quarter',
    input: {
      goal: { metric: 'activities', currency: null, target: 100 },
      forecast: { ...started, probability: null, pace: 0.8, elapsedWorkingDays: 15 },
    },
    expected: ['pass', 'smart.a.pace.pass'],
  },
  {
    name: 'activities, pace .79',
    input: { goal: { metric: 'activities', currency: null, target: 100 }, forecast: { ...started, probability: null, pace: 0.79 } },
    expected: ['warn', 'smart.a.pace.warn'],
  },
  {
    name: 'activities, pace .5',
    input: { goal: { metric: 'activities', currency: null, target: 100 }, forecast: { ...started, probability: null, pace: 0.5 } },
    expected: ['warn', 'smart.a.pace.warn'],
  },
  {
    name: 'activities, pace .49',
    input: { goal: { metric: 'activities', currency: null, target: 100 }, forecast: { ...started, probability: null, pace: 0.49 } },
    expected: ['fail', 'smart.a.pace.fail'],
  },
  {
    name: 'activities, before a quarter (14 of 60)',
    input: {
      goal: { metric: 'activities', currency: null, target: 100 },
      forecast: { ...started, probability: null, pace: 0.1, elapsedWorkingDays: 14 },
    },
    expected: ['warn', 'smart.a.tooEarly'],
  },
  {
    name: 'custom, pace unknown',
    input: { goal: { metric: 'custom', currency: null, target: 100 }, forecast: { ...started, probability: null, pace: null } },
    expected: ['warn', 'smart.a.tooEarly'],
  },
  {
    name: 'new customers, not started',
    input: {
      today: '2024-12-20',
      goal: { metric: 'new_customers', currency: null, target: 10 },
      forecast: { ...started, probability: null, pace: null, elapsedWorkingDays: 0 },
    },
    expected: ['warn', 'smart.a.tooEarly'],
  },
];

const rCases: Case[] = [
  { name: 'a parent goal', input: { hasParent: true, goal: { parentId: 'g0', relevance: '' } }, expected: ['pass', 'smart.r.parent'] },
  { name: 'a relevance note', input: {}, expected: ['pass', 'smart.r.note'] },
  { name: 'a Chinese note (扩大华东份额 = 18 ≥ 12)', input: { goal: { relevance: '扩大华东份额' } }, expected: ['pass', 'smart.r.note'] },
  { name: 'a short note (Growth = 6 < 12)', input: { goal: { relevance: 'Growth' } }, expected: ['warn', 'smart.r.shortNote'] },
  {
    name: 'a parent that no longer exists',
    input: { hasParent: false, goal: { parentId: 'gone', relevance: '' } },
    expected: ['fail', 'smart.r.parentMissing'],
  },
  { name: 'neither', input: { goal: { relevance: ' ' } }, expected: ['fail', 'smart.r.none'] },
];

const tCases: Case[] = [
  { name: 'within the project', input: {}, expected: ['pass', 'smart.t.pass'] },
  { name: 'due on the project end date', input: { goal: { dueDate: '2025-06-30' } }, expected: ['pass', 'smart.t.pass'] },
  {
    name: 'due before start',
    input: { goal: { startDate: '2025-03-01', dueDate: '2025-02-28' } },
    expected: ['fail', 'smart.t.dueBeforeStart'],
  },
  {
    name: 'due before the project starts',
    input: { goal: { startDate: '2024-10-01', dueDate: '2024-12-31' } },
    expected: ['fail', 'smart.t.beforeProjectStart'],
  },
  { name: 'due after the project ends', input: { goal: { dueDate: '2025-07-01' } }, expected: ['fail', 'smart.t.afterProjectEnd'] },
  {
    name: 'project without end date',
    input: { project: { startDate: '2025-01-01', endDate: null } },
    expected: ['warn', 'smart.t.projectOpenEnded'],
  },
  {
    name: 'goal starts before the project',
    input: { goal: { startDate: '2024-12-01' } },
    expected: ['warn', 'smart.t.startsBeforeProject'],
  },
];

describe.each([
  ['S', 's', sCases],
  ['M', 'm', mCases],
  ['A', 'a', aCases],
  ['R', 'r', rCases],
  ['T', 't', tCases],
] as const)('SMART %s', (_letter, key, cases) => {
  it.each(cases)('$name → $expected', ({ input, expected }) => {
    const smart = run(input);
    expect([smart[key].result, smart[key].reasonKey]).toEqual(expected);
    expect(smart[key].reason.length).toBeGreaterThan(10);
  });
});

describe('checkSmart output', () => {
  it('carries params for translation and matches the API schema', () => {
    const smart = checkSmart(base);
    expect(SmartSchema.parse(smart)).toEqual(smart);
    expect(smart.s.params).toEqual({ scope: 'project', region: null });
    expect(smart.a.params).toEqual({ probability: 0.6, percent: 60 });
    expect(smart.a.reason).toContain('60%');
    expect(smart.t.params).toMatchObject({ dueDate: '2025-03-31', projectEndDate: '2025-06-30' });
  });

  it('reports member scope for a child goal with an owner', () => {
    const smart = run({ hasParent: true, goal: { parentId: 'g0' } });
    expect(smart.s.params.scope).toBe('member');
  });

  it('never rounds a warn up to the pass threshold in words', () => {
    // .4999 → 49%, not 50%
    const smart = run({ forecast: { ...started, probability: 0.4999 } });
    expect(smart.a.params.percent).toBe(49);
    // .29 × 100 = 28.999999999999996 in floating point, still 29%
    expect(run({ forecast: { ...started, probability: 0.29 } }).a.params.percent).toBe(29);
  });
});
