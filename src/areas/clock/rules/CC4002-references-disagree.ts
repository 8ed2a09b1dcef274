import { defineRule, need } from '../../../kernel/rule.js';
import { arbitrate } from '../arbitrate.js';
import { aheadBehind, THRESHOLDS } from '../words.js';

/**
 * A time reference that disagrees with the others is its own problem, with its own fix: a wrong
 * NTP server must be fixed or dropped, and this host's clock must not be stepped to it.
 */
/** offByMs = reference − truth: positive → the reference runs fast. */
function fastSlow(offByMs: number): string {
  return aheadBehind(offByMs).replace(/ahead$/, 'fast').replace(/behind$/, 'slow');
}

export default defineRule({
  code: 'CC4002',
  severity: 'warning',
  title: 'A time reference is wrong',
  priority: 110,
  reads: ['clock'],
  check(facts) {
    const f = need(facts, 'clock');
    const verdict = arbitrate(f.references);
    const truth = verdict.basis;
    if (!truth) return [];
    const hostFine = f.offsetMs !== undefined && Math.abs(f.offsetMs) - (f.uncertaintyMs ?? 0) < THRESHOLDS.warningMs;
    const judgedBy = verdict.judge === 'aws-date'
      ? `AWS's own clock (the Date header of ${f.stsEndpoint ?? 'the STS endpoint'}, which is what judges signatures)`
      : `the other references, which agree with each other`;
    return verdict.wrong.map(({ ref, offByMs }) => {
      const host = hostFine ? `This host agrees with ${verdict.judge === 'aws-date' ? 'AWS' : 'them'}, so the server is wrong, not this clock` : `This host's clock is off too (see CC4001), but by its own amount`;
      if (ref.kind === 'aws-date') {
        return {
          message: `The Date header of ${ref.server} runs ${fastSlow(offByMs)} against ${judgedBy}. An endpoint that is not AWS (a proxy, an emulator) may be rewriting Date.`,
          fix: `Check what answers at ${ref.server}; pass the real STS endpoint (unset AWS_ENDPOINT_URL_STS or fix the proxy) and re-run \`credcheck clock\`.`,
          source: ref.server,
        };
      }
      return {
        message: `NTP server ${ref.server} is wrong: it runs ${fastSlow(offByMs)} against ${judgedBy}. ${host}. A time daemon syncing from ${ref.server} would pull this clock off by as much, and every signature with it.`,
        fix: `Do not step this clock to ${ref.server}. Fix that server, or remove it from your time daemon's sources (/etc/chrony.conf or /etc/chrony/sources.d, timesyncd's NTP=) in favour of Amazon Time Sync (169.254.169.123 on EC2) or time.aws.com; \`chronyc sources -v\` shows what the daemon uses.`,
        source: ref.server,
      };
    });
  },
});
