import { defineRule } from '../../../kernel/rule.js';
import { VALID_CREDENTIAL_SOURCES } from '../keys.js';
import { profilesOf, whereKey } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1021',
  severity: 'error',
  title: 'Unknown credential_source value',
  priority: 580,
  reads: ['files'],
  check(facts) {
    return profilesOf(facts)
      .filter((p) => p.credentialSource !== undefined && !(VALID_CREDENTIAL_SOURCES as readonly string[]).includes(p.credentialSource))
      .map((p) => {
        const close = VALID_CREDENTIAL_SOURCES.find((v) => v.toLowerCase() === p.credentialSource!.toLowerCase().replace(/^["']|["']$/g, ''));
        return {
          message: `Profile "${p.name}" has credential_source = ${p.credentialSource}, which the SDK does not know (it accepts exactly ${VALID_CREDENTIAL_SOURCES.join(', ')}, case-sensitive) and fails with "Unsupported credential source".`,
          fix: close ? `Write credential_source = ${close} under [${p.name}].` : `Set credential_source under [${p.name}] to Environment, Ec2InstanceMetadata or EcsContainer.`,
          profile: p.name,
          ...whereKey(p, 'credential_source'),
        };
      });
  },
});
