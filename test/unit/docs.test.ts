import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, INTERNAL_CODES, RETIRED_CODES } from '../../src/rules.js';
import { codesOf } from '../../src/kernel/rule.js';
import { REPO_ROOT } from '../helpers/cli.js';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const codes = [...codesOf(RULES).map((c) => c.code), ...INTERNAL_CODES, ...Object.keys(RETIRED_CODES)];

test('every finding code has its page under docs/findings and a README index line', () => {
  const missing: string[] = [];
  for (const code of codes) {
    if (!existsSync(join(REPO_ROOT, 'docs', 'findings', `${code}.md`))) missing.push(`${code}: no docs/findings/${code}.md`);
    if (!new RegExp(`^\\|\\s*\\[?${code}\\b`, 'm').test(readme)) missing.push(`${code}: no line in the README's finding index`);
  }
  assert.deepEqual(missing, []);
});

test('rule codes are unique and every page belongs to a known code', () => {
  assert.equal(new Set(codes).size, codes.length, 'duplicate rule code');
  const pages = readdirSync(join(REPO_ROOT, 'docs', 'findings')).map((f) => f.replace(/\.md$/, ''));
  assert.deepEqual(pages.filter((p) => !codes.includes(p as never)), []);
});

test('each page states the problem and the fix, and its title matches the rule', () => {
  for (const rule of codesOf(RULES)) {
    const page = readFileSync(join(REPO_ROOT, 'docs', 'findings', `${rule.code}.md`), 'utf8');
    assert.match(page, new RegExp(`^# ${rule.code}`), `${rule.code} page must start with "# ${rule.code}"`);
    assert.match(page, /^## Fix/m, `${rule.code} page needs a "## Fix" section`);
  }
});

test('a retired code keeps its page and README line, both naming the replacement, and is no rule', () => {
  const live = new Set(codesOf(RULES).map((c) => c.code));
  for (const [old, now] of Object.entries(RETIRED_CODES)) {
    assert.ok(!live.has(old), `${old} is retired but still a rule code`);
    assert.ok(live.has(now), `${old} is replaced by ${now}, which is no rule code`);
    const page = readFileSync(join(REPO_ROOT, 'docs', 'findings', `${old}.md`), 'utf8');
    assert.match(page, new RegExp(`^# ${old}`));
    assert.match(page, new RegExp(`[Rr]etired.*\\b${now}\\b`), `${old} page must name ${now}`);
    assert.match(readme, new RegExp(`^\\|\\s*\\[?${old}\\b.*retired.*${now}`, 'm'), `${old} README line must name ${now}`);
  }
});
