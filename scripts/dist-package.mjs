// The release files around each executable: a .tar.gz, a .deb (dpkg-deb) and SHA256SUMS.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, createReadStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** `${name}.tar.gz` holding the directory `name` (executable, LICENSE, NODE-LICENSE), owned by root. */
export function tarball(dir) {
  const out = `${dir}.tar.gz`;
  execFileSync('tar', ['--owner=0', '--group=0', '--numeric-owner', '--use-compress-program=gzip -n', '-cf', out, '-C', dirname(dir), basename(dir)]);
  return out;
}

/** A Debian package installing the executable as /usr/bin/credcheck. */
export function debian({ executable, dir, debArch, completion }) {
  const root = `${dir}.debroot`;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'DEBIAN'), { recursive: true });
  mkdirSync(join(root, 'usr/bin'), { recursive: true });
  mkdirSync(join(root, 'usr/share/doc/credcheck'), { recursive: true });
  copyFileSync(executable, join(root, 'usr/bin/credcheck'));
  chmodSync(join(root, 'usr/bin/credcheck'), 0o755);
  copyFileSync('LICENSE', join(root, 'usr/share/doc/credcheck/copyright'));
  copyFileSync(join(dir, 'NODE-LICENSE'), join(root, 'usr/share/doc/credcheck/NODE-LICENSE'));
  if (completion) {
    mkdirSync(join(root, 'usr/share/bash-completion/completions'), { recursive: true });
    writeFileSync(join(root, 'usr/share/bash-completion/completions/credcheck'), completion);
  }
  writeFileSync(join(root, 'DEBIAN/control'), [
    'Package: credcheck',
    `Version: ${pkg.version}`,
    `Architecture: ${debArch}`,
    `Maintainer: ${pkg.author}`,
    'Section: utils',
    'Priority: optional',
    `Homepage: ${pkg.homepage}`,
    `Description: ${pkg.description.replace(/:.*$/, '')}`,
    ` ${pkg.description}`,
    ' A single executable: Node.js is embedded, nothing else is needed on the host.',
    '',
  ].join('\n'));
  const out = join(dirname(dir), `credcheck_${pkg.version}_${debArch}.deb`);
  // gzip, not xz: every dpkg reads it, and xz takes a minute on a 120 MB binary for little gain.
  execFileSync('dpkg-deb', ['--root-owner-group', '-Zgzip', '--build', root, out], { stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(root, { recursive: true });
  return out;
}

/** SHA256SUMS in the format `sha256sum -c` reads, next to the files. */
export async function checksums(files) {
  const lines = [];
  for (const file of files) {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk);
    lines.push(`${hash.digest('hex')}  ${basename(file)}`);
  }
  const out = join(dirname(files[0]), 'SHA256SUMS');
  writeFileSync(out, `${lines.join('\n')}\n`);
  return out;
}
