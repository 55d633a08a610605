let t0 = performance.now(); let x = 0;
for (let i = 0; i < 1e8; i++) x += i & 7;
console.log('1e8 loop ms', (performance.now() - t0).toFixed(0), x);
