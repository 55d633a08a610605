import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

export type Expected = { version?: number; ifMatch?: number | 'invalid' };

/** The version a write expects: the body's `version` (409 when stale) and/or `If-Match` (412). */
export function expectedFrom(request: FastifyRequest, bodyVersion: number | undefined): Expected {
  const header = request.headers['if-match'];
  if (typeof header !== 'string' || header.trim() === '*') return { version: bodyVersion };
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  return { version: bodyVersion, ifMatch: match ? Number(match[1]) : 'invalid' };
}

export function assertCurrent(current: number, expected: Expected): void {
  if (expected.ifMatch !== undefined && expected.ifMatch !== current) {
    throw new AppError('PRECONDITION_FAILED', 'If-Match does not match the current version.', { currentVersion: current });
  }
  if (expected.version !== undefined && expected.version !== current) {
    throw new AppError('STALE_VERSION', 'Someone else changed this in the meantime; reload and try again.', { currentVersion: current });
  }
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/** The fields of `patch` whose values differ from `current` (only these bump the version). */
export function changedFields<T extends Record<string, unknown>>(current: T, patch: Partial<T>): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(patch) as (keyof T)[]) {
    if (patch[key] !== undefined && patch[key] !== current[key]) changed[key] = patch[key];
  }
  return changed;
}

/**
 * After a conditional `update … where version = ?`: no row means a concurrent write won between
 * the read and the write (409, and the transaction rolls back).
 */
export function assertUpdated(result: { numUpdatedRows: bigint | number }, noun: string): void {
  if (Number(result.numUpdatedRows) !== 1) {
    throw new AppError('STALE_VERSION', `Someone else changed this ${noun}; reload and try again.`);
  }
}
