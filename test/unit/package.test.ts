import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/cli.js';

interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  license: string;
  repository?: { url?: string };
  homepage?: string;
  bugs?: { url?: string };
  engines: { node: string };
}

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Package names imported by src/, split by whether the import survives compilation. */
function imports(): { runtime: Set<string>; typeOnly: Set<string> } {
  const runtime = new Set<string>();
  const typeOnly = new Set<string>();
  const name = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
  for (const file of sources(join(REPO_ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import (type )?[^;]*? from '([^.'][^']*)';/gms)) if (!m[2]!.startsWith('node:')) (m[1] ? typeOnly : runtime).add(name(m[2]!));
    for (const m of text.matchAll(/import\('([^.'][^']*)'\)/g)) if (!m[1]!.startsWith('node:')) runtime.add(name(m[1]!));
  }
  for (const n of runtime) typeOnly.delete(n);
  return { runtime, typeOnly };
}

/** What scripts/bundle.mjs leaves to node_modules: everything else is inside dist/bundle. */
function bundleExternals(): string[] {
  const text = readFileSync(join(REPO_ROOT, 'scripts', 'bundle.mjs'), 'utf8');
  return [.../const EXTERNAL = \[([^\]]*)\]/.exec(text)![1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

const external = (name: string) => bundleExternals().some((e) => (e.endsWith('/*') ? name.startsWith(e.slice(0, -1)) : name === e));

describe('package.json', () => {
  it('declares every package src/ loads at run time, and only those, as dependencies', () => {
    const { runtime } = imports();
    const loadedFromNodeModules = [...runtime].filter(external).sort();
    assert.deepEqual(Object.keys(pkg.dependencies).sort(), loadedFromNodeModules);
  });

  it('keeps bundled and type-only packages in devDependencies', () => {
    const { runtime, typeOnly } = imports();
    for (const name of [...runtime].filter((n) => !external(n))) assert.ok(pkg.devDependencies[name], `${name} is bundled into dist/bundle: a devDependency`);
    for (const name of typeOnly) assert.ok(pkg.devDependencies[name] || pkg.dependencies[name], `${name} (types only) is declared`);
    assert.ok(!pkg.dependencies.commander && !pkg.dependencies.chalk);
  });

  it('has a licence file and says where the project lives', () => {
    assert.equal(pkg.license, 'MIT');
    assert.match(readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8'), /^MIT License\n/);
    assert.match(pkg.repository?.url ?? '', /^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
    assert.match(pkg.homepage ?? '', /^https:\/\//);
    assert.match(pkg.bugs?.url ?? '', /\/issues$/);
  });

  it('npm pack ships the bundle, bin, finding pages, README and LICENSE, nothing else', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 16 << 20 });
    const files = (JSON.parse(out) as [{ files: { path: string }[] }])[0].files.map((f) => f.path);
    const unexpected = files.filter((f) => !/^(bin\/(credcheck|run-bundle)\.cjs|dist\/bundle\/cli\.cjs(\.cache)?|docs\/findings\/CC\d{4}\.md|package\.json|README\.md|LICENSE)$/.test(f));
    assert.deepEqual(unexpected, []);
    for (const required of ['bin/credcheck.cjs', 'bin/run-bundle.cjs', 'dist/bundle/cli.cjs', 'dist/bundle/cli.cjs.cache', 'docs/findings/CC1001.md', 'package.json', 'README.md', 'LICENSE']) assert.ok(files.includes(required), required);
  });

  it('the README names the Node.js release the single executables embed', async () => {
    const { EMBEDDED_NODE } = (await import(pathToFileURL(join(REPO_ROOT, 'scripts', 'dist-node.mjs')).href)) as { EMBEDDED_NODE: string };
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(`Node.js ${EMBEDDED_NODE} (LTS`), `README should name Node.js ${EMBEDDED_NODE}`);
  });
});
