import { formatDuration } from '../../kernel/duration.js';
import type { ProbeResult } from '../../kernel/probe.js';
import { paintSeverity, SYMBOL, type Style } from '../../kernel/style.js';
import { firstContact, notOnEc2Reason, secondsUntil } from './classify.js';
import type { ImdsFacts, ImdsStep } from './facts.js';

/** The --json facts of `credcheck imds` (documented in the README). */
export function imdsJson(result: ProbeResult<ImdsFacts>): Record<string, unknown> {
  if (result.status !== 'ok') return { reachable: false, imdsVersion: null, steps: [], probe: result };
  const f = result.value;
  return {
    reachable: f.reachable,
    imdsVersion: f.imdsVersion,
    diagnosis: notOnEc2Reason(f) ?? firstContact(f),
    endpoint: f.config.endpoint,
    endpointSource: f.config.endpointSource,
    settings: { disabled: f.config.disabled, v1Disabled: f.config.v1Disabled, ...(f.config.v1DisabledSource ? { v1DisabledSource: f.config.v1DisabledSource } : {}) },
    dmi: f.dmi,
    ...(f.skipped ? { skipped: f.skipped } : {}),
    ...(f.tokensRequired !== undefined ? { tokensRequired: f.tokensRequired } : {}),
    steps: f.steps,
    role: f.role ?? null,
    credentials: f.credentials
      ? { code: f.credentials.code ?? null, type: f.credentials.type ?? null, accessKeyId: f.credentials.accessKeyId ?? null, lastUpdated: f.credentials.lastUpdated ?? null, expiration: f.credentials.expiration ?? null }
      : null,
    instance: f.instance ? { region: null, accountId: null, instanceId: null, instanceProfileArn: null, ...f.instance } : null,
    container: f.container ?? null,
    proxy: f.proxy ?? null,
  };
}

function stepLine(s: ImdsStep, sdkTimeoutMs: number, style: Style): string {
  const { c } = style;
  const sev = s.status === 'ok' ? (s.ms > sdkTimeoutMs ? 'warning' : 'ok') : s.status === 'skipped' ? 'info' : 'error';
  const what = s.status === 'ok' ? `HTTP ${s.httpStatus}` : s.error ?? s.status;
  return `  ${paintSeverity(style, sev, SYMBOL[sev])} ${s.name.padEnd(12)} ${what.padEnd(28)} ${c.dim(`${s.ms} ms`)}`;
}

export function imdsBody(result: ProbeResult<ImdsFacts>, now: string, style: Style): string[] {
  const { c } = style;
  if (result.status !== 'ok') {
    return [`${paintSeverity(style, 'error', SYMBOL.error)} Could not probe the metadata service: ${result.status === 'unavailable' ? result.reason : result.error}`];
  }
  const f = result.value;
  const lines = [
    `${c.bold('Endpoint')}  ${f.config.endpoint} ${c.dim(`(${f.config.endpointSource})`)}`,
    `${c.bold('DMI')}       ${f.dmi.verdict} ${c.dim(`(${f.dmi.evidence})`)}`,
  ];
  if (f.config.v1DisabledSource) lines.push(`${c.bold('IMDSv1')}    ${f.config.v1Disabled ? 'fallback blocked' : 'fallback allowed'} ${c.dim(`(${f.config.v1DisabledSource})`)}`);
  const verdict = notOnEc2Reason(f);
  lines.push(`${c.bold('Verdict')}   ${verdict ?? `reachable, ${f.imdsVersion ?? 'no usable version'}${f.tokensRequired ? ' (tokens required)' : ''}`}`);
  if (f.steps.length) {
    lines.push('', c.bold('Steps:'));
    for (const s of f.steps) lines.push(stepLine(s, f.sdkTimeoutMs, style));
  }
  if (f.role) lines.push('', `${c.bold('Role')}      ${f.role}`);
  const cr = f.credentials;
  if (cr) {
    const left = secondsUntil(cr.expiration, now);
    const leftText = left === undefined ? '' : left <= 0 ? `expired ${formatDuration(-left * 1000)} ago` : `${formatDuration(left * 1000)} left${left < 300 ? ' (rotation late)' : ''}`;
    lines.push(`${c.bold('Creds')}     Code ${cr.code ?? '?'} · ${cr.type ?? '?'} · ${cr.accessKeyId ?? 'no key'} · LastUpdated ${cr.lastUpdated ?? '?'} · Expiration ${cr.expiration ?? '?'}${leftText ? ` · ${leftText}` : ''}`);
  }
  if (f.instance) {
    const i = f.instance;
    lines.push(`${c.bold('Instance')}  ${[i.instanceId, i.accountId && `account ${i.accountId}`, i.region, i.instanceProfileArn].filter(Boolean).join(c.dim(' · '))}`);
  }
  if (f.container) {
    const k = f.container;
    const s = k.step;
    lines.push('', `${c.bold('Container')} ${k.source} → ${k.url} ${c.dim(`(${k.kind}${k.tokenSource ? `, token from ${k.tokenSource}` : ''})`)}`);
    if (s) lines.push(stepLine(s, f.sdkTimeoutMs, style));
    if (k.credentials) {
      const left = secondsUntil(k.credentials.expiration, now);
      lines.push(`            ${k.credentials.accessKeyId ?? 'no key'}${k.credentials.roleArn ? ` · ${k.credentials.roleArn}` : ''}${left !== undefined ? ` · ${left <= 0 ? `expired ${formatDuration(-left * 1000)} ago` : `${formatDuration(left * 1000)} left`}` : ''}`);
    }
  }
  return lines;
}
