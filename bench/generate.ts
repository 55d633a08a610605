import { createHash } from 'node:crypto';
import type { Db, ProjectTable } from '../src/server/db/database.js';

/** A deterministic PRNG (mulberry32) so every run generates the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type BenchData = { token: string; workspaceId: string; userId: string; projectIds: string[] };

const STATUSES = ['planning', 'active', 'on_hold', 'completed', 'cancelled'];
const REGIONS = ['East China', 'North China', 'South China', '华东', '华北', '华南', 'West', 'Central'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const dateFrom = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

/** A workspace with an owner, an API token and `projects` projects, written straight to the database. */
export async function generateWorkspace(db: Db, projects: number): Promise<BenchData> {
  const random = prng(42);
  const now = new Date().toISOString();
  const workspaceId = 'bench-ws';
  const userId = 'bench-user';
  const token = 'qd_bench_token_secret_value_0123456789';
  await db.insertInto('workspaces').values({ id: workspaceId, name: 'Bench', created_at: now }).execute();
  await db
    .insertInto('users')
    .values({
      id: userId,
      email: 'bench@example.com',
      name: 'Bench',
      password_hash: null,
      locale: 'en',
      time_zone: 'UTC',
      created_at: now,
      version: 1,
    })
    .execute();
  await db.insertInto('workspace_users').values({ workspace_id: workspaceId, user_id: userId, role: 'owner', created_at: now }).execute();
  await db
    .insertInto('api_tokens')
    .values({
      workspace_id: workspaceId,
      id: 'bench-token',
      user_id: userId,
      name: 'bench',
      token_hash: createHash('sha256').update(token).digest('base64url'),
      created_at: now,
      last_used_at: now,
      expires_at: null,
      revoked_at: null,
    })
    .execute();
  const projectIds: string[] = [];
  const rows: ProjectTable[] = [];
  for (let i = 0; i < projects; i++) {
    const id = `p${pad(i, 6)}`;
    projectIds.push(id);
    const start = Math.floor(random() * 700);
    rows.push({
      workspace_id: workspaceId,
      id,
      name: `${REGIONS[i % REGIONS.length]} push ${pad(i, 5)}`,
      description: 'Generated for the benchmark.',
      status: STATUSES[Math.floor(random() * STATUSES.length)],
      methodology: 'hybrid',
      start_date: dateFrom(start),
      end_date: dateFrom(start + 30 + Math.floor(random() * 150)),
      currency: 'CNY',
      calendar_id: null,
      archived_at: null,
      created_at: now,
      updated_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      version: 1,
    });
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('projects')
        .values(rows.slice(i, i + 500))
        .execute();
  });
  return { token, workspaceId, userId, projectIds };
}
