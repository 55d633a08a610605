import Fastify from 'fastify';
const body = Buffer.from(JSON.stringify({ tasks: Array.from({ length: 2000 }, (_, i) => ({ taskId: `01j0000000t0a4p36szjyfg8y${i}`, es: i, ef: i + 3, ls: i, lf: i + 3, totalFloat: 0, critical: true, startDate: '2025-01-02', finishDate: '2025-01-05', parentId: '01j0000000t0a4p36szjyfg8y9', isSummary: false, rollup: null })) }));
const app = Fastify();
app.get('/', (_req, reply) => reply.type('application/json').send(body));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('bytes', body.length);
process.send?.('ready');
