import http from 'node:http';
import https from 'node:https';
import type { ClockReference } from './facts.js';

/**
 * AWS's own clock from the Date header, with 1 s resolution, refined by bracketing.
 *
 * Each request gives: send time s and receive time r (local, ms) and the header's whole second S.
 * The server stamped the header at some local moment in [s, r] when its clock read in [S, S+1000),
 * so offset = local − server lies in (s − S − 1000, r − S]. Intersecting these intervals over
 * several requests narrows it. To make each request informative we time it so that, by the current
 * midpoint estimate, it reaches the server right at a second boundary (bisection): whichever side
 * of the boundary the server lands on halves the interval, down to about one round trip.
 */
export interface AwsDateOptions {
  /** Most requests to send (first one included). */
  maxRequests?: number;
  /** True when refining this bracket further could not change any verdict: stop asking. */
  settled?: (bracket: Bracket) => boolean;
  /** Something `settled` depends on (another reference): while waiting for a second boundary, ask again when it resolves. */
  recheckOn?: Promise<unknown>;
}

export interface Bracket {
  lo: number;
  hi: number;
}

function requestOnce(url: URL, agent: http.Agent, timeoutMs: number): Promise<{ sent: number; received: number; date?: string; status: number }> {
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const sent = Date.now();
    const req = mod.request(url, { method: 'GET', agent, timeout: timeoutMs, headers: { 'user-agent': 'credcheck-clock' } }, (res) => {
      const received = Date.now();
      res.resume();
      resolve({ sent, received, date: res.headers.date, status: res.statusCode ?? 0 });
    });
    req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

// Not unref(): while we wait for a second boundary nothing else may be keeping the process alive.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Never throws: failures become the reference's error. */
export async function probeAwsDate(endpoint: string, deadlineMs: number, opts: AwsDateOptions = {}): Promise<ClockReference> {
  const ref: ClockReference = { name: 'AWS Date header', kind: 'aws-date', server: endpoint };
  let url: URL;
  try {
    url = new URL(endpoint);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    ref.error = { kind: 'bad-response', message: `"${endpoint}" is not an http(s) URL` };
    return ref;
  }
  const start = Date.now();
  const left = () => deadlineMs - (Date.now() - start);
  const agent = new (url.protocol === 'https:' ? https.Agent : http.Agent)({ keepAlive: true, maxSockets: 1 });
  const max = opts.maxRequests ?? 6;
  let bracket: Bracket | undefined;
  let bestRtt = Infinity;
  let count = 0;
  try {
    for (let i = 0; i < max; i++) {
      if (bracket) {
        // Aim the next request's arrival at a server second boundary under the midpoint estimate.
        const mid = (bracket.lo + bracket.hi) / 2;
        const oneWay = Number.isFinite(bestRtt) ? bestRtt / 2 : 0;
        const now = Date.now();
        const serverNow = now - mid + oneWay;
        const nextBoundary = Math.ceil(serverNow / 1000) * 1000;
        const wait = nextBoundary - serverNow;
        if (wait + 2 * bestRtt + 50 > left()) break;
        const wakeAt = Date.now() + wait;
        if (opts.settled && opts.recheckOn) {
          await Promise.race([sleep(wait), opts.recheckOn]);
          if (opts.settled(bracket)) break;
        }
        await sleep(wakeAt - Date.now());
      }
      const budget = left();
      if (budget < 50) break;
      const r = await requestOnce(url, agent, budget);
      const server = r.date ? Date.parse(r.date) : NaN;
      if (!Number.isFinite(server)) {
        if (!bracket) {
          ref.error = { kind: 'http', message: `HTTP ${r.status} without a usable Date header` };
          return ref;
        }
        continue;
      }
      count++;
      bestRtt = Math.min(bestRtt, r.received - r.sent);
      const s: Bracket = { lo: r.sent - server - 1000, hi: r.received - server };
      bracket = bracket ? { lo: Math.max(bracket.lo, s.lo), hi: Math.min(bracket.hi, s.hi) } : s;
      if (bracket.lo > bracket.hi) {
        // Inconsistent answers (load balancer across servers with different clocks): keep the latest.
        bracket = s;
      }
      if (bracket.hi - bracket.lo <= Math.max(bestRtt, 5) || opts.settled?.(bracket)) break;
    }
  } catch (error) {
    if (!bracket) {
      const msg = (error as Error).message;
      ref.error = { kind: /within/.test(msg) ? 'timeout' : 'http', message: `${url.host}: ${msg}` };
      return ref;
    }
  } finally {
    agent.destroy();
  }
  if (!bracket) {
    ref.error = { kind: 'timeout', message: `no response within ${deadlineMs} ms` };
    return ref;
  }
  ref.offsetMs = Math.round((bracket.lo + bracket.hi) / 2);
  ref.uncertaintyMs = Math.ceil((bracket.hi - bracket.lo) / 2);
  ref.delayMs = bestRtt;
  ref.samples = count;
  return ref;
}
