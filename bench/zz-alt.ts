import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { connect } from '../src/server/db/connect.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { generateWorkspace } from './generate.js';
import { prepareScheduleProject, measureSchedule } from './schedule-scenario.js';
import { load, startServer, stopServer } from './load.js';
const url = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qd-s-')), 'b.sqlite');
const database = connect(url); await migrateToLatest(database.db);
const data = await generateWorkspace(database.db, 10); const projectId = await prepareScheduleProject(database.db, data); await database.close();
const app = await startServer('server.ts', { DATABASE_URL: url, PORT: '3951' });
const bare = await startServer('zz-bare-big.ts', { PORT: '3952' });
await new Promise((r) => setTimeout(r, 1500));
for (let i = 0; i < 4; i++) {
  const b = await load(3952, ['/'], { connections: 16, seconds: 5 });
  const s = await measureSchedule('SQLite', 3951, data.token, projectId, 5);
  console.log(`bare ${Math.round(b.rps)} req/s p50 ${b.p50} p99 ${b.p99} | schedule ${s.value} p50 ${s.p50} p99 ${s.p99}`);
}
await stopServer(app); await stopServer(bare);
