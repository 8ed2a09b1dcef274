import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanIni } from '../../src/areas/files/scan.js';
import { feedSdk, forgetSdk, sdkView } from '../../src/areas/files/sdk-view.js';
import type { FileKind } from '../../src/areas/files/locate.js';

/** Small deterministic PRNG (mulberry32): a failure names its seed and can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['default', 'dev', 'prod', 'a', 'b.c', 'x-y', 'us@corp', 'p%1', 'q:2', 'r/3', 'Dev', '', ' dev', 'dev ', 'two words', '__proto__', 'profile __proto__'];
const PREFIXES = ['profile', 'sso-session', 'services', 'profiles', 'Profile', 'foo'];
const KEYS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'region', 'AWS_ACCESS_KEY_ID', 'aws_secret_key', 's3', 'role_arn', 'source_profile', 'x', 'k-1', 'k.2'];
const VALUES = ['AKIAABCDEFGHIJKLMNOP', 'eu-west-1', '"quoted"', "'q'", 'a#b', 'a #b', 'a;b', 'a ;b', 'x = y', '', ' ', '==', 'v\t#c'];
const NOISE = ['[', ']', '=', '#', ';', ' ', '\t', '"', "'", '.', '\r', '\n', 'a', '\u00e9', '\ufffd'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function line(r: () => number): string {
  const indent = r() < 0.15 ? pick(r, [' ', '  ', '\t']) : '';
  switch (Math.floor(r() * 8)) {
    case 0:
    case 1: {
      const name = pick(r, NAMES);
      const form = Math.floor(r() * 6);
      const sep = pick(r, [' ', ' ', ' ', '  ', '\t', '.']);
      const header = form === 0 ? name : form === 1 ? `${pick(r, PREFIXES)}${sep}${name}` : form === 2 ? `${pick(r, PREFIXES)} "${name}"` : `profile${sep}${name}`;
      return `${indent}[${header}]${r() < 0.1 ? ' # c' : ''}`;
    }
    case 2:
      return `${indent}${pick(r, ['#', ';'])} comment = ${pick(r, VALUES)}`;
    case 3:
      return r() < 0.5 ? '' : `${indent}junk${pick(r, NOISE)}line`;
    default:
      return `${indent}${pick(r, KEYS)}${pick(r, ['=', ' = ', '= ', ' ='])}${pick(r, VALUES)}${r() < 0.1 ? pick(r, [' #c', ';c', ' ; c']) : ''}`;
  }
}

/** A generated file, then a few random byte-level mutations so the generator's grammar is not the limit. */
function text(r: () => number): string {
  const lines = Array.from({ length: 1 + Math.floor(r() * 14) }, () => line(r));
  let t = lines.join(r() < 0.2 ? '\r\n' : '\n');
  const mutations = Math.floor(r() * 4);
  for (let i = 0; i < mutations && t.length > 0; i++) {
    const at = Math.floor(r() * t.length);
    t = r() < 0.5 ? t.slice(0, at) + pick(r, NOISE) + t.slice(at) : t.slice(0, at) + t.slice(at + 1);
  }
  return t;
}

/** What the scanner attributes: "profile\u0000key" for every entry the SDK should keep. */
function scannerView(t: string, kind: FileKind): Set<string> {
  const { lines, sdkThrows } = scanIni(t, kind);
  if (sdkThrows) return new Set();
  const out = new Set<string>();
  for (const l of lines) {
    if (l.type === 'entry' && l.section !== undefined && !l.opensSubsection) out.add(`${l.section}\u0000${l.subsection ? `${l.subsection}.` : ''}${l.key}`);
  }
  return out;
}

function sdkSet(parsed: Record<string, Record<string, string>>): Set<string> {
  const out = new Set<string>();
  for (const [name, section] of Object.entries(parsed)) for (const key of Object.keys(section)) out.add(`${name}\u0000${key}`);
  return out;
}

const SEEDS = 5000;

test(`fuzz: scanIni attributes exactly the profiles and keys the SDK loads (${SEEDS} seeds)`, async (t) => {
  const start = performance.now();
  const credPath = '/nonexistent/credcheck-fuzz/credentials';
  const confPath = '/nonexistent/credcheck-fuzz/config';
  let keysCompared = 0;
  try {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const r = rng(seed);
      const input = text(r);
      feedSdk(credPath, input);
      feedSdk(confPath, input);
      const { credentialsFile, configFile } = await sdkView(credPath, confPath);
      const sdkCred = sdkSet(credentialsFile);
      const sdkConf = sdkSet(configFile);
      assert.deepEqual(scannerView(input, 'credentials'), sdkCred, `credentials view differs for seed ${seed}: ${JSON.stringify(input)}`);
      assert.deepEqual(scannerView(input, 'config'), sdkConf, `config view differs for seed ${seed}: ${JSON.stringify(input)}`);
      keysCompared += sdkCred.size + sdkConf.size;
    }
  } finally {
    forgetSdk(credPath);
    forgetSdk(confPath);
  }
  assert.ok(keysCompared > SEEDS, `the generator produced too few keys to mean anything (${keysCompared})`);
  t.diagnostic(`${SEEDS} seeds, ${keysCompared} (profile, key) pairs compared, ${Math.round(performance.now() - start)} ms`);
});
