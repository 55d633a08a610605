import { buildApp } from '../src/server/app.js';
import { connect } from '../src/server/db/connect.js';

/** Child process of the benchmark: the full application on DATABASE_URL, listening on PORT. */
const database = connect(process.env.DATABASE_URL as string);
const app = await buildApp({
  config: { signupMode: 'first-user', publicUrl: null, trustProxy: false, logLevel: 'warn' },
  database,
  serveWeb: false,
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
