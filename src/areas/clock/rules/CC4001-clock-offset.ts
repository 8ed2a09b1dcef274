import { defineRule, need } from '../../../kernel/rule.js';
import { aheadBehind, THRESHOLDS } from '../words.js';

export default defineRule({
  code: 'CC4001',
  severity: 'error',
  title: "This host's clock is off",
  priority: 90,
  reads: ['clock'],
  check(facts) {
    const f = need(facts, 'clock');
    if (f.offsetMs === undefined) return [];
    // Judge the part of the offset we are sure of: a 1.2 s reading ± 0.5 s is not proof of 1 s.
    const sure = Math.max(0, Math.abs(f.offsetMs) - (f.uncertaintyMs ?? 0));
    const severity = sure >= THRESHOLDS.errorMs ? 'error' : sure >= THRESHOLDS.warningMs ? 'warning' : sure >= THRESHOLDS.infoMs ? 'info' : undefined;
    if (!severity) return [];
    const consequence =
      severity === 'error'
        ? 'AWS rejects signed requests more than about 5 minutes off (SignatureDoesNotMatch "Signature expired", RequestExpired, RequestTimeTooSkewed) and fresh credentials can look expired; the JavaScript SDK silently corrects skew past 240 s, so SDK calls may work while other tools fail.'
        : severity === 'warning'
          ? 'Tools with tighter limits than SigV4 and short-lived presigned URLs start failing, and the drift will keep growing without time sync.'
          : 'The clock is not well synchronised; it is harmless for signatures now, but a synchronised host stays within milliseconds.';
    return [
      {
        severity,
        message: `This clock is ${aheadBehind(f.offsetMs)} (offset ${f.offsetMs} ms ± ${f.uncertaintyMs} ms, measured by ${f.basis}). ${consequence}`,
        fix: f.onEc2
          ? 'Enable time sync against Amazon Time Sync: in /etc/chrony.conf add "server 169.254.169.123 prefer iburst minpoll 4 maxpoll 4", then `sudo systemctl restart chronyd` and `sudo chronyc makestep`.'
          : 'Enable time sync: `sudo timedatectl set-ntp true` (systemd) or install chrony with "server time.aws.com iburst" and run `sudo chronyc makestep` to step the clock now.',
      },
    ];
  },
});
