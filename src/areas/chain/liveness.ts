import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * Whether anything answers HTTP at `url` within `deadlineMs`: any status counts (IMDS says 401 to a
 * tokenless GET when v2 is required, and that is an answer). Used to tell a remote link that is
 * merely still working (wait for it) from a black hole (report it as not reached). Never throws.
 */
export function answersHttp(url: string, deadlineMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let req: ReturnType<typeof httpRequest>;
    try {
      const u = new URL(url);
      req = (u.protocol === 'https:' ? httpsRequest : httpRequest)(u, { method: 'GET', agent: false, headers: { 'user-agent': 'credcheck-liveness' } });
    } catch {
      resolve(false);
      return;
    }
    const done = (alive: boolean) => {
      clearTimeout(timer);
      req.destroy();
      resolve(alive);
    };
    const timer = setTimeout(() => done(false), deadlineMs);
    req.on('response', (res) => {
      res.resume();
      done(true);
    });
    req.on('error', () => done(false));
    req.end();
  });
}
