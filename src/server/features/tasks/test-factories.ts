import { expect } from 'vitest';
import type { Dependency } from '../../../core/dependencies/schemas.js';
import type { Task } from '../../../core/tasks/schemas.js';
import type { Session } from '../../test/harness.js';

/** Factory: a task created through the API. */
export async function buildTask(session: Session, projectId: string, overrides: Record<string, unknown> = {}): Promise<Task> {
  const response = await session.request('POST', `/projects/${projectId}/tasks`, { title: 'Call the buyer', ...overrides });
  if (response.statusCode !== 201) throw new Error(`task failed: ${response.statusCode} ${response.body}`);
  return response.json() as Task;
}

/** Factory: a dependency created through the API. */
export async function buildDependency(
  session: Session,
  projectId: string,
  predecessorId: string,
  successorId: string,
  overrides: Record<string, unknown> = {},
): Promise<Dependency> {
  const response = await session.request('POST', `/projects/${projectId}/dependencies`, { predecessorId, successorId, ...overrides });
  if (response.statusCode !== 201) throw new Error(`dependency failed: ${response.statusCode} ${response.body}`);
  return response.json() as Dependency;
}

/** The distinct paths a 400 names, e.g. `['duration']`. */
export function invalidPaths(response: { statusCode: number; json: () => unknown }): { status: number; paths: string[] } {
  const body = response.json() as { error: { details?: { path: string }[] } };
  return { status: response.statusCode, paths: [...new Set((body.error.details ?? []).map((d) => d.path))] };
}

export function expectError(response: { statusCode: number; json: () => unknown }, status: number, code: string): void {
  expect({ status: response.statusCode, code: (response.json() as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
}
