import { noteUnparsed, safeIso } from '../../kernel/untrusted.js';

/** AWS's Date header is how credcheck and the SDK learn the clock offset; one that cannot be read is a finding. */
export function noteStsDate(date: unknown): void {
  if (typeof date !== 'string' || safeIso(date) !== undefined) return;
  noteUnparsed({
    what: 'The Date header of the STS answer',
    value: date,
    why: 'not an HTTP date',
    effect: 'Neither credcheck nor the SDK can compare the clock with AWS through it (the SDK skips its clock-skew correction); the STS error itself is reported as it came.',
    fix: 'Check what answers at the STS endpoint: a proxy or emulator that rewrites headers. AWS always sends an RFC 7231 date.',
  });
}
