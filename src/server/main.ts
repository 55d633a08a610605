import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { connect } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';

/** `npm start`: open the database, apply migrations, listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = connect(config.databaseUrl, { readers: config.sqliteReaders });
  await migrateToLatest(database.db);
  const app = await buildApp({ config, database });
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  // A parent process (the benchmark) waits for this.
  process.send?.('ready');
  app.log.info(`Quarterdeck on http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port} (${database.dialect})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
