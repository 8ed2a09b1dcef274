import { defineRule, need } from '../../../kernel/rule.js';

export default defineRule({
  code: 'CC5014',
  severity: 'warning',
  title: 'An HTTP proxy would carry metadata requests and credentials',
  priority: 270,
  reads: ['imds'],
  check(facts) {
    const f = need(facts, 'imds');
    const p = f.proxy;
    if (!p || p.bypassed) return [];
    return [{
      message: `${p.variable}=${p.proxy} is set and NO_PROXY ${p.noProxy === undefined ? 'is not set' : `("${p.noProxy}") does not list 169.254.169.254 literally`}: ${p.tools.join(' and ')} will send requests for 169.254.169.254 — including the role credentials in the answer — through the proxy, which usually cannot reach link-local addresses (timeouts) and may log them. The JavaScript SDK v3 ignores proxy variables and is not affected.`,
      fix: 'export NO_PROXY="169.254.169.254,169.254.170.2,${NO_PROXY}" and the same in lowercase no_proxy (list the addresses literally: CIDR ranges are not understood by every client).',
    }];
  },
});
