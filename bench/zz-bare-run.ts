import { load, startServer, stopServer } from './load.js';
const s = await startServer('zz-bare-big.ts', { PORT: '3931' });
console.log('bare 470KB', await load(3931, ['/'], { connections: 16, seconds: 5 }));
await stopServer(s);
