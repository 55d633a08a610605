import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';
import { testDialects } from '../../test/databases.js';

describe.each(testDialects())('projects on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
  });
  afterAll(() => t.close());

  it('creates a project and reads it back with its ETag', async () => {
    const created = await buildProject(owner, { name: 'Trade show push' });
    const read = await owner.request('GET', `/projects/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ name: 'Trade show push', status: 'planning', version: 1, currency: 'CNY' });
    expect(read.headers.etag).toBe('"1"');
  });
});
