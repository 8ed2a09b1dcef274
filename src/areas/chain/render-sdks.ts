/**
 * Text for the other SDKs' answers. Without --sdk: one line for each SDK that would end up with
 * different credentials than Node. With --sdk: each asked SDK in full (winner, key, expiry,
 * refresh, and why every other link loses).
 */
import { paintSeverity, SYMBOL, type Style } from '../../kernel/style.js';
import { SDKS } from '../../sdk/models/catalog.js';
import { describeAnswer } from './sdks.js';
import type { ChainFacts } from './facts.js';
import type { SdkAnswer } from '../../sdk/models/world.js';

const labelOf = (sdk: string) => SDKS.find((s) => s.sdk === sdk)?.label ?? sdk;
/** In the one-line summary, an answer no real SDK confirmed (Java) says so. */
const summaryLabel = (a: SdkAnswer) => `${labelOf(a.sdk)}${a.verifiedBy === 'model' ? ' [model of the source]' : ''}`;
const VERDICT: Record<string, string> = { won: 'wins', skip: 'skipped', fell: 'fails, chain goes on', stop: 'fails and stops the chain' };

export function sdkLines(chain: ChainFacts | undefined, style: Style): string[] {
  const answers = chain?.sdks;
  if (!answers) return [];
  const asked = chain.sdkAsked;
  const { c } = style;
  if (!asked) {
    const differ = answers.filter((a) => a.sdk !== 'js' && a.differsFrom.includes('js'));
    if (differ.length === 0) return ['', c.dim('Other SDKs (boto3/AWS CLI, Ruby, Go, Java) would use the same credentials; see --sdk all')];
    return ['', c.bold('Other SDKs end up elsewhere:'), ...differ.map((a) => `  ${paintSeverity(style, 'warning', SYMBOL.warning)} ${describeAnswer(a, summaryLabel(a))}`), c.dim('  details: credcheck chain --sdk all')];
  }
  const lines: string[] = [];
  // --profile: every model was given the profile as that SDK's own option (a program naming it in code).
  if (chain.profile.source === '--profile') lines.push('', c.dim(`Each SDK as a program that names profile ${chain.profile.name} in code (--profile)`));
  for (const a of answers) {
    lines.push('', `${c.bold(labelOf(a.sdk))} ${c.dim(`(${a.version}, ${a.verifiedBy === 'oracle' ? 'model checked against the real SDK' : 'model only'})`)}`);
    lines.push(`  ${a.active ? paintSeverity(style, 'ok', SYMBOL.ok) : paintSeverity(style, 'error', SYMBOL.error)} ${describeAnswer(a, 'uses')}`);
    if (a.active?.expiration) lines.push(`  expires ${a.active.expiration}`);
    lines.push(`  refresh: ${a.refresh}`);
    for (const l of a.links) lines.push(c.dim(`    ${l.link.padEnd(24)} ${VERDICT[l.status]}: ${l.why}`));
    if (a.differsFrom.length) lines.push(`  differs from: ${a.differsFrom.map(labelOf).join('; ')}`);
  }
  return lines;
}
