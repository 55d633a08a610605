import Fastify from 'fastify';

/** The baseline: a bare Fastify JSON route, no plugins, no database. */
const app = Fastify({ logger: false });
app.get('/', async () => ({ status: 'ok', version: '0.1.0', database: { dialect: 'none', ok: true } }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
