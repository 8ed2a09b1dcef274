import type { Facts } from '../../kernel/facts.js';
import { okValue } from '../../kernel/probe.js';
import type { ImdsFacts, ImdsStep, StepName } from './facts.js';

/** Pure look-ups shared by the CC5xxx rules and the renderer. */
export function imdsFacts(facts: Facts): ImdsFacts | undefined {
  return okValue(facts.imds);
}

export function stepOf(f: ImdsFacts, name: StepName): ImdsStep | undefined {
  return f.steps.find((s) => s.name === name);
}

export const answered = (s: ImdsStep | undefined) => s?.status === 'ok' || s?.status === 'http-error';
export const silent = (s: ImdsStep | undefined) => s?.status === 'timeout';

/** The one-line verdict of the first contact (token PUT + tokenless GET). */
export type Contact = 'skipped' | 'no-answer' | 'refused' | 'unreachable' | 'hop-limit' | 'token-refused' | 'disabled' | 'v2' | 'bad-token-request' | 'garbled';

export function firstContact(f: ImdsFacts): Contact {
  if (f.skipped) return 'skipped';
  const tok = stepOf(f, 'token');
  const v1 = stepOf(f, 'v1-get');
  // A status line and then a reset, or a body no IMDS sends: something is there (CC5012 says what).
  if (tok?.status !== 'ok' && (tok?.status === 'invalid' || v1?.status === 'invalid')) return 'garbled';
  if (!answered(tok) && !answered(v1)) {
    if (tok?.status === 'refused' && v1?.status === 'refused') return 'refused';
    if (silent(tok) && silent(v1)) return 'no-answer';
    return 'unreachable';
  }
  if (tok?.status === 'ok') return 'v2';
  if (tok?.httpStatus === 403 && v1?.httpStatus === 403) return 'disabled';
  if (tok?.httpStatus === 400) return 'bad-token-request';
  if (silent(tok) && answered(v1)) return 'hop-limit';
  return 'token-refused';
}

export function notOnEc2Reason(f: ImdsFacts): string | undefined {
  switch (firstContact(f)) {
    case 'skipped':
      return `skipped: ${f.skipped}`;
    case 'no-answer':
      return 'not on EC2 (no answer)';
    case 'refused':
      return 'not on EC2 (connection refused)';
    case 'unreachable':
      return `not on EC2 (${stepOf(f, 'token')?.error ?? 'unreachable'})`;
    default:
      return undefined;
  }
}

/** Seconds from `now` to an ISO time; undefined when unparsable. */
export function secondsUntil(iso: string | undefined, now: string): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : Math.round((t - Date.parse(now)) / 1000);
}

/** AWS makes new instance-profile credentials available at least 5 minutes before expiry. */
export const ROTATION_LEAD_S = 300;
