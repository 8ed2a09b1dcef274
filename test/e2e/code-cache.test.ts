import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/cli.js';

/**
 * The V8 code cache bin/run-bundle.cjs loads: made by scripts/code-cache.cjs with the Node that
 * runs these tests (so V8 accepts it), in a copy of the package, and ignored when it was made
 * for another bundle of the same length (V8 itself would accept that one and run stale code).
 */
describe('code cache', () => {
  let root: string;
  const bundle = () => join(root, 'dist', 'bundle', 'cli.cjs');
  const cache = () => `${bundle()}.cache`;
  const help = () => execFileSync(process.execPath, [join(root, 'bin', 'credcheck.cjs'), '--help'], { encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' } });

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'credcheck-code-cache-'));
    for (const dir of ['bin', 'scripts', join('dist', 'bundle')]) mkdirSync(join(root, dir), { recursive: true });
    for (const file of ['bin/credcheck.cjs', 'bin/run-bundle.cjs', 'scripts/code-cache.cjs', 'dist/bundle/cli.cjs', 'package.json']) cpSync(join(REPO_ROOT, file), join(root, file));
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
    execFileSync(process.execPath, [join(root, 'scripts', 'code-cache.cjs'), '--help'], { stdio: 'ignore', env: { PATH: process.env.PATH, NO_COLOR: '1' } });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('is made for this bundle, and V8 accepts it', () => {
    assert.ok(existsSync(cache()));
    const bytes = readFileSync(cache());
    const source = readFileSync(bundle(), 'utf8');
    const script = new Script(Module.wrap(source), { filename: bundle(), cachedData: bytes.subarray(32) });
    assert.equal(script.cachedDataRejected, false);
  });

  it('is ignored when the bundle changed, even at the same length', () => {
    const source = readFileSync(bundle(), 'utf8');
    const line = 'the whole diagnosis, on a failing host';
    assert.equal(source.split(line).length, 2, 'the line is in the bundle once');
    const edited = source.replace(line, line.toUpperCase());
    assert.equal(edited.length, source.length);
    writeFileSync(bundle(), edited);
    assert.ok(help().includes(line.toUpperCase()));
  });

  it('a cache that is not one (truncated, garbage) is ignored too', () => {
    writeFileSync(cache(), 'not a code cache');
    assert.match(help(), /Usage: credcheck/);
  });
});
