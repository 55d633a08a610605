import { describe, expect, it } from 'vitest';
import { parseWrk } from './load.js';

// wrk 4.1's own output (--latency), with a "+/- Stdev" column that ends in "87.50%" on the Req/Sec line:
// the latency percentiles are the distribution's lines, not that.
const printed = `Running 3s test @ http://127.0.0.1:3905
  1 threads and 1 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   227.06us  458.32us   4.12ms   92.50%
    Req/Sec     8.89k     1.11k   10.48k    87.50%
  Latency Distribution
     50%  659.00us
     75%  810.00us
     90%    1.20ms
     99%   11.50ms
  24000 requests in 3.00s, 12.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 7
Requests/sec:   8000.12
Transfer/sec:      4.00MB
`;

describe('parseWrk', () => {
  it('reads rate, percentiles, errors, non-2xx answers and bytes per request', () => {
    expect(parseWrk(printed)).toEqual({
      rps: 8000.12,
      p50: 0.659,
      p99: 11.5,
      errors: 3,
      non2xx: 7,
      bytesPerReq: (12 * 1024 * 1024) / 24000,
    });
  });

  it('reads seconds and milliseconds alike', () => {
    const slow = printed.replace('     50%  659.00us', '     50%    1.50s').replace('     99%   11.50ms', '     99%    2.00s');
    expect(parseWrk(slow)).toMatchObject({ p50: 1500, p99: 2000 });
  });
});
