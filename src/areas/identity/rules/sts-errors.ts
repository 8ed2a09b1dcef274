import { defineRule, need } from '../../../kernel/rule.js';
import { describeStsError } from '../diagnose.js';

/**
 * Why STS refused (or could not be asked): one failure has one diagnosis, so one rule owns the
 * sixteen codes and identity/diagnose.ts picks the one that applies.
 */
const CODES = [
    { code: 'CC3001', severity: 'error', title: 'The session token has expired (ExpiredToken)', priority: 790 },
    { code: 'CC3002', severity: 'error', title: 'STS does not recognise the access key (InvalidClientTokenId)', priority: 820 },
    { code: 'CC3003', severity: 'error', title: 'Temporary (ASIA) key sent without its session token', priority: 800 },
    { code: 'CC3004', severity: 'error', title: 'Global-endpoint session token used in an opt-in region', priority: 810 },
    { code: 'CC3005', severity: 'error', title: 'The secret key does not match the access key (SignatureDoesNotMatch)', priority: 840 },
    { code: 'CC3006', severity: 'error', title: 'STS rejected the request time: the clock is off', priority: 830 },
    { code: 'CC3007', severity: 'error', title: 'STS is not activated in this region (RegionDisabledException)', priority: 850 },
    { code: 'CC3008', severity: 'warning', title: 'STS is throttling this account', priority: 880 },
    { code: 'CC3009', severity: 'error', title: 'STS answered with a server error', priority: 860 },
    { code: 'CC3010', severity: 'error', title: 'The STS host name does not resolve', priority: 760 },
    { code: 'CC3011', severity: 'error', title: 'The connection to STS was refused or reset', priority: 770 },
    { code: 'CC3012', severity: 'error', title: 'STS did not answer in time', priority: 780 },
    { code: 'CC3013', severity: 'error', title: 'The STS certificate is not trusted (TLS interception?)', priority: 750 },
    { code: 'CC3014', severity: 'error', title: 'The proxy in the environment made the STS call fail', priority: 740 },
    { code: 'CC3015', severity: 'error', title: 'No credentials could be resolved to ask STS', priority: 730 },
    { code: 'CC3016', severity: 'error', title: 'STS call failed with an unexpected answer', priority: 870 },
] as const;
const OWNED = new Set<string>(CODES.map((c) => c.code));

export default defineRule({
  name: 'sts-errors',
  reads: ['identity'],
  codes: CODES,
  check(facts) {
    const d = describeStsError(need(facts, 'identity'), facts.now);
    return d && OWNED.has(d.code) ? [{ ...d, source: 'sts' }] : [];
  },
});
