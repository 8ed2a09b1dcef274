import type { ProbeResult } from '../../kernel/probe.js';
import { paintSeverity, SYMBOL, type Style } from '../../kernel/style.js';
import { skewText } from './diagnose.js';
import type { IdentityFacts } from './facts.js';

/** The --json facts of `credcheck identity` (documented in the README). */
export function identityJson(result: ProbeResult<IdentityFacts>): Record<string, unknown> {
  if (result.status !== 'ok') return { probe: result };
  return { identity: result.value };
}

function principalText(f: IdentityFacts): string {
  const c = f.caller!;
  switch (c.principalType) {
    case 'assumed-role':
      return `assumed role ${c.roleName}, session ${c.sessionName}`;
    case 'iam-user':
      return `IAM user ${c.userName}`;
    case 'federated-user':
      return `federated user ${c.userName}`;
    case 'root':
      return 'ROOT user of the account';
    default:
      return 'unrecognised principal';
  }
}

/** Text body: who, with what, where, how fast, and whose clock. Findings follow it. */
export function identityBody(result: ProbeResult<IdentityFacts>, style: Style): string[] {
  const { c } = style;
  if (result.status !== 'ok') {
    return [`${paintSeverity(style, 'error', SYMBOL.error)} Could not ask STS: ${result.status === 'unavailable' ? result.reason : result.error}`];
  }
  const f = result.value;
  const lines: string[] = [];
  if (f.ok && f.caller) {
    lines.push(`${paintSeverity(style, 'ok', SYMBOL.ok)} ${c.bold('Account')}  ${f.caller.account}`);
    lines.push(`  ${c.bold('ARN')}      ${f.caller.arn}`);
    lines.push(`  ${c.bold('User id')}  ${f.caller.userId}`);
    lines.push(`  ${c.bold('Type')}     ${principalText(f)}`);
  } else {
    const what = f.credentialsError !== undefined ? 'no credentials' : `${f.error?.code ?? f.error?.kind ?? 'failed'}`;
    lines.push(`${paintSeverity(style, 'error', SYMBOL.error)} ${c.bold('STS GetCallerIdentity failed')}: ${what}`);
    if (f.error) lines.push(`  ${c.dim('message')}  ${f.error.message}`);
  }
  if (f.credentials) {
    const k = f.credentials;
    lines.push(`  ${c.bold('Key')}      ${k.keyId} ${c.dim(`(${k.keyType}${k.hasSessionToken ? ', session token' : ''}; from ${k.source}${k.expiration ? `; expires ${k.expiration}` : ''})`)}`);
  }
  lines.push(`  ${c.bold('Profile')}  ${f.profile}${f.profileNotUsed ? ' (selected, but NOT the source of these credentials: see CC3024)' : ''}`);
  lines.push(`  ${c.bold('Region')}   ${f.region} ${c.dim(`(${f.regionWhy})`)}`);
  lines.push(`  ${c.bold('Endpoint')} ${f.endpoint} ${c.dim(`(${f.endpointSource})`)}`);
  if (f.proxy) lines.push(`  ${c.bold('Proxy')}    ${f.proxy.url} ${c.dim(`(from ${f.proxy.variable})`)}`);
  else if (f.proxyBypassedBy) lines.push(`  ${c.bold('Proxy')}    bypassed ${c.dim(`(${f.proxyBypassedBy.variable} entry ${f.proxyBypassedBy.entry})`)}`);
  if (f.latencyMs !== undefined) lines.push(`  ${c.bold('Latency')}  ${f.latencyMs} ms ${c.dim(`(${f.attempts ?? 1} attempt${(f.attempts ?? 1) === 1 ? '' : 's'})`)}`);
  if (f.clockOffsetMs !== undefined) {
    const near = Math.abs(f.clockOffsetMs) < 2000;
    lines.push(
      `  ${c.bold('Clock')}    AWS ${f.serverDate}, here ${f.localDate}: ${near ? 'in step (±1 s)' : `this host is ${skewText(f.clockOffsetMs)}`}` +
        (f.clockSkewCorrected ? ' — the SDK corrected it to succeed' : ''),
    );
  }
  return lines;
}
