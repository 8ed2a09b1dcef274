import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { codesOf, type Rule } from '../../src/kernel/rule.js';
import { RULES } from '../../src/rules.js';
import { REPO_ROOT } from '../helpers/cli.js';

/**
 * Walks the rule folders the way ESLint's checkRuleFiles does: every rule module is registered,
 * every registered rule lives in a rule folder, and every code it owns is named by a test.
 * (Pages and README lines: docs.test.ts.)
 */
const SRC = join(REPO_ROOT, 'src');
const DIST_SRC = join(REPO_ROOT, 'dist', 'src');

function ruleFolders(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const path = join(dir, e.name);
      if (e.name === 'rules') out.push(path);
      else walk(path);
    }
  };
  walk(SRC);
  return out;
}

const ruleFiles = ruleFolders().flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'helpers.ts').map((f) => join(dir, f)));

function testSources(): string {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      // Test files and the case tables they run (test/incidents/cases); not helpers or servers.
      if (e.isDirectory()) { if (e.name !== 'helpers' && e.name !== 'servers') walk(path); }
      else if (e.name.endsWith('.ts') && e.name !== 'rule-files.test.ts' && e.name !== 'docs.test.ts') texts.push(readFileSync(path, 'utf8'));
    }
  };
  walk(join(REPO_ROOT, 'test'));
  return texts.join('\n');
}

test('every module in a rules folder is a registered rule, and every registered rule is in a rules folder', async () => {
  assert.ok(ruleFiles.length > 20, `found only ${ruleFiles.length} rule files`);
  const registered = new Set<Rule>(RULES);
  const seen = new Set<Rule>();
  for (const file of ruleFiles) {
    const compiled = join(DIST_SRC, relative(SRC, file)).replace(/\.ts$/, '.js');
    const mod = (await import(pathToFileURL(compiled).href)) as { default?: Rule };
    assert.ok(mod.default && registered.has(mod.default), `${relative(REPO_ROOT, file)} is not in RULES (src/rules.generated.ts is stale: run npm run build, or node scripts/gen-rules.mjs before tsc)`);
    seen.add(mod.default);
  }
  assert.deepEqual(RULES.filter((r) => !seen.has(r)).map((r) => r.name), [], 'registered rules outside a rules folder');
});

test('a one-code rule file is named after its code; every rule declares what it reads', () => {
  for (const file of ruleFiles) {
    const name = file.split('/').pop()!;
    const code = /^(CC\d{4})-/.exec(name)?.[1];
    if (code) assert.match(readFileSync(file, 'utf8'), new RegExp(`code: '${code}'`), `${name} must define ${code}`);
  }
  for (const rule of RULES) assert.ok(rule.reads.length > 0, `${rule.name} reads nothing`);
});

test('no two codes of one severity share a priority: the order rules are listed in never decides the output', () => {
  const seen = new Map<string, string>();
  for (const c of codesOf(RULES)) {
    const key = `${c.severity} ${c.priority}`;
    assert.ok(!seen.has(key), `${c.code} and ${seen.get(key)} are both ${c.severity} with priority ${c.priority}`);
    seen.set(key, c.code);
  }
});

test('every code is named by at least one test', () => {
  const tests = testSources();
  const untested = codesOf(RULES).map((c) => c.code).filter((code) => !tests.includes(code));
  assert.deepEqual(untested, []);
});
