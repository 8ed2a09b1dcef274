import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';

/**
 * Caps every HTTP response body in the process, the SDK's included: IMDS (credential-provider-imds
 * reads the whole body into a string), the container endpoint (fromHttp), STS and SSO
 * (NodeHttpHandler's stream collector). None of those answers is more than a few KiB; a hostile or
 * broken endpoint sending 1 GB used to take RSS past 2 GB. Installed with fs-guard, before the SDK
 * loads. The cap works on the response's push() so it never changes how the consumer reads
 * (adding a 'data' listener would switch the stream to flowing mode under the SDK's feet).
 */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

type RequestFn = typeof http.request;

function capped(original: RequestFn): RequestFn {
  return function cappedRequest(this: unknown, ...args: Parameters<RequestFn>) {
    const req = (original as (...a: unknown[]) => http.ClientRequest).apply(this, args);
    req.prependListener('response', (res: http.IncomingMessage) => {
      let size = 0;
      const push = res.push.bind(res);
      res.push = (chunk: unknown, encoding?: BufferEncoding) => {
        if (chunk !== null && chunk !== undefined) {
          size += (chunk as Buffer).length ?? 0;
          if (size > MAX_RESPONSE_BYTES) {
            res.destroy(new Error(`response body over ${MAX_RESPONSE_BYTES / (1024 * 1024)} MiB from ${req.host ?? 'the server'}: credcheck stopped reading it`));
            return false;
          }
        }
        return push(chunk, encoding);
      };
    });
    return req;
  } as RequestFn;
}

let installed = false;

export function installNetGuard(): void {
  if (installed) return;
  installed = true;
  http.request = capped(http.request);
  https.request = capped(https.request);
  // http.get/https.get call the module-internal request, not the exported one: wrap them as well.
  for (const mod of [http, https]) {
    const request = mod.request;
    mod.get = function cappedGet(this: unknown, ...args: Parameters<RequestFn>) {
      const req = (request as (...a: unknown[]) => http.ClientRequest).apply(this, args);
      req.end();
      return req;
    } as typeof http.get;
  }
  syncBuiltinESMExports();
}
