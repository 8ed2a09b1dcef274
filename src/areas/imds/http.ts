import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ImdsStep, StepName } from './facts.js';

export interface StepResult {
  step: ImdsStep;
  body?: string;
  headers?: Record<string, string | string[] | undefined>;
}

const MAX_BODY = 64 * 1024;

/**
 * One request with a hard deadline covering connect, headers and body (a socket timeout alone
 * would let a server that trickles bytes keep us forever). Never throws; never follows proxies,
 * like the SDK's own node:http call.
 */
export function step(name: StepName, url: string, init: { method?: string; headers?: Record<string, string>; deadlineMs: number }): Promise<StepResult> {
  const start = performance.now();
  const ms = () => Math.round(performance.now() - start);
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: StepResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve(r);
    };
    let req: ReturnType<typeof httpRequest>;
    try {
      const u = new URL(url);
      const fn = u.protocol === 'https:' ? httpsRequest : httpRequest;
      req = fn(u, { method: init.method ?? 'GET', headers: init.headers, agent: false });
    } catch (error) {
      resolve({ step: { name, status: 'error', ms: ms(), error: (error as Error).message } });
      return;
    }
    const timer = setTimeout(() => finish({ step: { name, status: 'timeout', ms: ms(), error: `no answer within ${init.deadlineMs} ms` } }), init.deadlineMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      const refused = error.code === 'ECONNREFUSED';
      finish({ step: { name, status: refused ? 'refused' : 'error', ms: ms(), error: refused ? 'connection refused' : `${error.code ?? ''} ${error.message}`.trim() } });
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_BODY) chunks.push(c);
        // No metadata answer is this big: stop reading instead of downloading the rest.
        else finish({ step: { name, status: 'invalid', ms: ms(), httpStatus: res.statusCode, error: `response body over ${MAX_BODY / 1024} KiB: not read further` } });
      });
      // Something answered (a status line came) and then broke off: an invalid answer, not "no IMDS".
      const aborted = () => finish({ step: { name, status: 'invalid', ms: ms(), httpStatus: res.statusCode, error: 'connection reset in the middle of the response' } });
      res.on('error', aborted);
      res.on('aborted', aborted);
      res.on('close', () => { if (!res.complete) aborted(); });
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        finish({
          step: { name, status: ok ? 'ok' : 'http-error', httpStatus: status, ms: ms(), ...(ok ? {} : { error: `HTTP ${status}` }) },
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        });
      });
    });
    req.end();
  });
}
