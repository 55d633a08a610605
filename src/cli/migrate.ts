import { loadConfig } from '../server/config.js';
import { connect } from '../server/db/connect.js';
import { migrateToLatest } from '../server/db/migrate.js';

/** `npm run db:migrate`: apply pending migrations to DATABASE_URL (the server also does this at start). */
const config = loadConfig();
const database = connect(config.databaseUrl);
await migrateToLatest(database.db);
await database.close();
console.log(`migrations applied (${database.dialect})`);
