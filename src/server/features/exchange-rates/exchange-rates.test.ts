import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Forecast } from '../../../core/goals/schemas';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor, countRows } from '../../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';

describe.each(testDialects())('exchange rates on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let member: Session;
  let outsider: Session;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    member = await inviteUser(t.app, owner, 'member', 'Mats Member');
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd' });
  });
  afterAll(() => t?.close());

  const table = {
    baseCurrency: 'CNY',
    rates: [
      { currency: 'USD', rate: 7.2, effectiveDate: '2026-01-01' },
      { currency: 'USD', rate: 7.0, effectiveDate: '2025-01-01' },
      { currency: 'JPY', rate: 0.05, effectiveDate: '2025-01-01' },
      { currency: 'USD', rate: 9.9, effectiveDate: '2099-01-01' },
    ],
  };

  it('starts empty, is replaced whole by admins (sorted, versioned, audited), and stays per workspace', async () => {
    expect((await owner.request('GET', '/exchange-rates')).json()).toEqual({ baseCurrency: null, rates: [], version: 0, updatedAt: null });
    expect((await member.request('PUT', '/exchange-rates', table)).statusCode).toBe(403);
    const put = await owner.request('PUT', '/exchange-rates', { ...table, version: 0 });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.headers.etag).toBe('"1"');
    expect(put.json()).toMatchObject({
      baseCurrency: 'CNY',
      version: 1,
      rates: [
        { currency: 'JPY', rate: 0.05, effectiveDate: '2025-01-01' },
        { currency: 'USD', rate: 7.0, effectiveDate: '2025-01-01' },
        { currency: 'USD', rate: 7.2, effectiveDate: '2026-01-01' },
        { currency: 'USD', rate: 9.9, effectiveDate: '2099-01-01' },
      ],
    });
    expect((await member.request('GET', '/exchange-rates')).json()).toEqual(put.json());
    expect((await outsider.request('GET', '/exchange-rates')).json().version).toBe(0);
    // The same table again changes nothing; a stale version is refused and writes nothing.
    expect((await owner.request('PUT', '/exchange-rates', table)).json().version).toBe(1);
    const rows = await countRows(t.database.db, 'exchange_rates');
    const stale = await owner.request('PUT', '/exchange-rates', { baseCurrency: 'USD', rates: [], version: 0 });
    expect(stale.statusCode).toBe(409);
    expect((await owner.request('PUT', '/exchange-rates', { baseCurrency: 'USD', rates: [] }, { 'if-match': '"0"' })).statusCode).toBe(412);
    expect(
      (
        await owner.request('PUT', '/exchange-rates', {
          baseCurrency: 'CNY',
          rates: [{ currency: 'CNY', rate: 1, effectiveDate: '2025-01-01' }],
        })
      ).statusCode,
    ).toBe(400);
    expect(await countRows(t.database.db, 'exchange_rates')).toBe(rows);
    const audit = (await auditRowsFor(t.database.db, owner.workspaceId)).filter((r) => r.entity_type === 'exchange_rates');
    expect(audit.map((r) => [r.action, r.before, r.after?.version])).toEqual([['create', null, 1]]);
  });

  it('converts deals in other currencies to the goal currency at the rate in effect today', async () => {
    const project = await buildProject(owner, { startDate: '2030-01-01', endDate: '2030-12-31' });
    const deal = async (body: Record<string, unknown>) => {
      const response = await owner.request('POST', `/projects/${project.id}/deals`, body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    // Won $1,000.00 at 7.2 (the 2026 rate; 2099's is not in effect yet) = ¥7,200.00 = 720,000 fen.
    await deal({ title: 'USD won', amount: 100_000, currency: 'USD', stage: 'won', closeDate: '2030-03-05' });
    // Won ¥200,000 (JPY has no minor unit) at 0.05 = ¥10,000.00 = 1,000,000 fen.
    await deal({ title: 'JPY won', amount: 200_000, currency: 'JPY', stage: 'won', closeDate: '2030-03-06' });
    // Open €500.00: no EUR rate, so it is left out and named.
    const euro = await deal({ title: 'EUR open', amount: 50_000, currency: 'EUR', stage: 'proposal', expectedCloseDate: '2030-03-10' });
    // Open ¥3,000.00 at 0.4.
    await deal({ title: 'CNY open', amount: 300_000, stage: 'proposal', expectedCloseDate: '2030-03-10' });
    const cny = (
      await owner.request('POST', `/projects/${project.id}/goals`, {
        title: 'CNY goal',
        metric: 'revenue',
        currency: 'CNY',
        target: 2_000_000,
        startDate: '2030-03-04',
        dueDate: '2030-03-15',
      })
    ).json();
    const forecast = (await owner.request('GET', `/goals/${cny.id}/forecast`)).json() as Forecast;
    // 1,720,000 attained; need 280,000 of the 300,000 deal at 0.4.
    expect(forecast).toMatchObject({
      attained: 1_720_000,
      weightedPipeline: 120_000,
      bestCase: 2_020_000,
      excludedDealIds: [euro],
      probability: 0.4,
    });
    // The same deals for a USD goal: through the base, ¥ → $ at 1 / 7.2.
    const usd = (
      await owner.request('POST', `/projects/${project.id}/goals`, {
        title: 'USD goal',
        metric: 'revenue',
        currency: 'USD',
        target: 30_000,
        startDate: '2030-03-04',
        dueDate: '2030-03-15',
      })
    ).json();
    const inUsd = (await owner.request('GET', `/goals/${usd.id}/forecast`)).json() as Forecast;
    // $1,000.00 + ¥10,000.00 / 7.2 = $1,388.89 → 100,000 + 138,889 cents; open ¥3,000 / 7.2 = $416.67 → 41,667 cents.
    expect(inUsd).toMatchObject({ attained: 238_889, bestCase: 238_889 + 41_667, excludedDealIds: [euro], probability: 1 });
  });
});
