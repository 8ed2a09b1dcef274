import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Check } from '../../src/commands/preflight/checks.js';
import type { Finding } from '../../src/kernel/finding.js';
import type { Report } from '../../src/kernel/report.js';
import { makeStyle } from '../../src/kernel/style.js';
import { clearSecrets, registerSecret } from '../../src/kernel/secrets.js';
import { sanitizeOutput, setColorAllowed, type OutputFormat } from '../../src/kernel/sanitize.js';
import { registerUrlSecrets } from '../../src/kernel/userinfo.js';
import { renderText } from '../../src/render/text.js';
import { renderJson } from '../../src/render/json.js';
import { renderJunit } from '../../src/render/junit.js';
import { renderAnnotations, renderStepSummary } from '../../src/render/github.js';
import { renderPrometheus } from '../../src/render/prometheus.js';
import { toNdjson, toText } from '../../src/commands/watch/events.js';
import { findLeaks, findRawControls, findWorkflowCommands, INJECT, INJECT_LINE, leakIndex, makeCanaries } from '../helpers/attack.js';

/**
 * The in-process half of the attack suite: every renderer credcheck has, fed hostile values in
 * every field, through the exit's sanitizer for its format. The values are the canaries in every
 * shape they can arrive in (whole, cut short, escaped, encoded, base64 at each alignment, inside a
 * URL, a header or a JSON body) and hostile text (control characters, workflow commands).
 * A few thousand combinations run in well under a second; the CLI half (trust-attack) proves the
 * same through real processes and servers.
 */
const c = makeCanaries();

/** Every shape a secret takes on its way to an output. */
function secretShapes(name: string, s: string): string[] {
  const half = Math.floor(s.length / 2);
  return [
    s,
    s.slice(0, 166),
    s.slice(half, half + 200),
    s.slice(-9),
    `aws_session_token = "${s}"`,
    JSON.stringify({ Token: s }),
    JSON.stringify(JSON.stringify({ message: `quoted "${s}"` })),
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
    encodeURIComponent(s),
    ...['alice', 'bob', 'dave'].map((u) => `Proxy-Authorization was Basic ${Buffer.from(`${u}:${s}`).toString('base64')}`),
    ...[0, 1, 2].map((k) => `body ${Buffer.from(`${'x'.repeat(k)}${s}`).toString('base64')} end`),
    Buffer.from(s).toString('base64url'),
    `http://u:${s}@proxy:3128`,
    `u:${s}@proxy:3128`,
    `Authorization: ${s}`,
    `${name}${INJECT}${s.slice(10, 60)}`,
  ];
}

const HOSTILE: string[] = [
  INJECT,
  INJECT_LINE,
  `us-east-1${INJECT}`,
  `arn:aws:sts::123456789012:assumed-role/ci${INJECT}/run`,
  '\n::error::forged\n',
  '%0A::warning::encoded newline',
  '\u0085::warning::NEL',
  '\x1b[8mhidden\x1b[28m',
  '\x1b]8;;http://evil/\x07link\x1b]8;;\x07',
];

type Renderer = { name: string; format: OutputFormat; annotations?: boolean; render(v: string): string; check?(out: string): void };

function finding(v: string): Finding {
  return { code: 'CC1001', severity: 'error', title: `title ${v}`, message: `message ${v}`, fix: `fix ${v}`, file: `/home/${v}/credentials`, line: 3, profile: `p ${v}`, docs: 'docs/findings/CC1001.md' };
}

function report(v: string): Report {
  return {
    command: 'doctor',
    json: { profile: v, [`key ${v}`]: { arn: v, list: [v, 1, null] } },
    findings: [finding(v), { ...finding(v), severity: 'warning', code: 'CC1002' }],
    body: () => [`Profile  ${v}`, `Region   ${v}`],
  };
}

function checks(v: string): Check[] {
  return [
    { id: 'identity', name: `identity ${v}`, status: 'fail', reason: `STS said ${v}` },
    { id: 'ttl', name: 'ttl', status: 'warn', reason: v },
    { id: 'region', name: 'region', status: 'skip', reason: v },
    { id: 'account', name: 'account', status: 'pass', reason: v },
  ];
}

const PROM_LINE = /^(# (HELP|TYPE) .*|[a-z_]+(\{[a-z_]+="(?:\\.|[^"\\\n])*"(,[a-z_]+="(?:\\.|[^"\\\n])*")*\})? -?[0-9.e+-]+)$/;

const RENDERERS: Renderer[] = [
  { name: 'text', format: 'text', render: (v) => renderText(report(v), makeStyle({ color: false, verbose: true }), 'error') },
  { name: 'text (colour)', format: 'text', render: (v) => renderText(report(v), makeStyle({ color: true, verbose: true }), 'error') },
  { name: 'json', format: 'json', render: (v) => renderJson(report(v), '2026-01-01T00:00:00Z'), check: (out) => void JSON.parse(out) },
  { name: 'junit', format: 'xml', render: (v) => renderJunit(checks(v), { timestamp: '2026-01-01T00:00:00Z', hostname: v }), check: (out) => assert.doesNotMatch(out, /&(?!(amp|lt|gt|quot|apos|#\d+);)/) },
  { name: 'github annotations', format: 'github-commands', annotations: true, render: (v) => renderAnnotations(report(v).findings) },
  { name: 'github check lines', format: 'text', render: (v) => checks(v).map((k) => `${k.status.toUpperCase()} ${k.name}: ${k.reason}`).join('\n') },
  { name: 'step summary', format: 'markdown', render: (v) => renderStepSummary(checks(v), report(v).findings) },
  { name: 'textfile', format: 'prometheus', render: (v) => renderPrometheus({ sources: [{ labels: { source: v, profile: v }, rotationsTotal: 1, expirySeconds: 60 }], staleProcesses: [{ labels: { process: v }, count: 1 }] }), check: (out) => out.trim().split('\n').forEach((l) => assert.match(l, PROM_LINE)) },
  { name: 'watch text', format: 'text', render: (v) => toText({ event: 'file-unreadable', time: '2026-01-01T00:00:00Z', source: `file:${v}`, profile: v, detail: v }) },
  { name: 'watch ndjson', format: 'json', render: (v) => toNdjson({ event: 'started', time: '2026-01-01T00:00:00Z', source: `file:${v}`, profile: v, keyId: v, detail: v }), check: (out) => void JSON.parse(out) },
  { name: '--debug stderr', format: 'text', render: (v) => `credcheck: internal error: ${v}\n${new Error(v).stack}\n[library] ${v}\n` },
];

test('attack (in-process): every renderer × every hostile value: no secret, raw control character or workflow command', () => {
  clearSecrets();
  const secrets: Record<string, string> = { ...c };
  for (const s of Object.values(secrets)) registerSecret(s);
  registerUrlSecrets(`alice:${c.proxyPassword}@proxy:3128`);
  // Leak detection counts the secrets themselves; the deliberately short slice (9 chars) is
  // below the window that counts and is only there to show nothing breaks.
  const index = leakIndex(secrets);
  const values = [...Object.entries(secrets).flatMap(([n, s]) => secretShapes(n, s)), ...HOSTILE];
  const problems: string[] = [];
  let runs = 0;
  for (const colour of [false, true]) {
    setColorAllowed(colour);
    for (const r of RENDERERS) {
      if (r.name === 'text (colour)' && !colour) continue;
      for (const v of values) {
        runs += 1;
        const out = sanitizeOutput(r.render(v), r.format);
        const where = `${r.name}${colour ? ' (colour allowed)' : ''} ← ${JSON.stringify(v.slice(0, 50))}`;
        for (const leak of findLeaks(out, index)) problems.push(`${where}: leaks ${leak}`);
        const raw = colour && r.format === 'text' ? out.replace(/\x1b\[(?:[0-4]|2[234]|3[0-7]|39|4[0-7]|49|9[0-7])m/g, '') : out;
        for (const ctl of findRawControls(raw)) problems.push(`${where}: raw control ${ctl}`);
        for (const cmd of findWorkflowCommands(out, Boolean(r.annotations))) problems.push(`${where}: workflow command ${JSON.stringify(cmd)}`);
        try {
          r.check?.(out);
        } catch (error) {
          problems.push(`${where}: invalid ${r.format}: ${(error as Error).message.slice(0, 200)}`);
        }
      }
    }
  }
  setColorAllowed(false);
  const count = (what: string) => problems.filter((p) => p.includes(what)).length;
  const summary = `${runs} runs, ${count(': leaks ')} leaks, ${count('raw control')} raw control chars, ${count('workflow command')} workflow commands, ${count(': invalid ')} invalid documents`;
  console.log(`attack suite (in-process): ${summary}`);
  assert.deepEqual(problems.slice(0, 30), [], summary);
  assert.ok(runs > 1000, `only ${runs} combinations ran`);
});

test('attack (in-process): the annotations credcheck writes survive, one per finding, data escaped', () => {
  clearSecrets();
  const out = sanitizeOutput(renderAnnotations(report(INJECT).findings), 'github-commands');
  const lines = out.trim().split('\n');
  assert.equal(lines.length, 2);
  for (const l of lines) assert.match(l, /^::(error|warning) title=CC100[12] [^:\n]*::message .*%0AFix: fix /);
});
