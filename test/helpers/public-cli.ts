import { chmodSync, cpSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './cli.js';

/**
 * Not copied: build-time packages the CLI never loads at run time, and node_modules/.cache, where
 * other tests unpack Node releases while this copy runs (a half-written `.partial` directory that
 * vanished mid-copy failed the copy once).
 */
const NOT_COPIED = new Set(['typescript', 'esbuild', '@esbuild', '@types', '.cache']);

let copied: string | undefined;

/**
 * A copy of the built CLI (bin, dist/bundle, runtime node_modules) in a world-readable temp
 * directory, for tests that run it as another user (uid 65534): a checkout in a private 0700
 * directory is unreadable to that user, and `npm test` must pass from one. Made once per process.
 */
export function publicCliRoot(): string {
  publicCli();
  return join(copied!, '..', '..');
}

export function publicCli(): string {
  if (copied) return copied;
  const root = mkdtempSync(join(tmpdir(), 'credcheck-public-'));
  chmodSync(root, 0o755);
  cpSync(join(REPO_ROOT, 'bin'), join(root, 'bin'), { recursive: true });
  cpSync(join(REPO_ROOT, 'dist', 'bundle'), join(root, 'dist', 'bundle'), { recursive: true });
  cpSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
  cpSync(join(REPO_ROOT, 'docs'), join(root, 'docs'), { recursive: true });
  cpSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), {
    recursive: true,
    filter: (src) => !NOT_COPIED.has(src.slice(join(REPO_ROOT, 'node_modules').length + 1).split('/')[0] ?? ''),
  });
  // mkdtemp makes 0700 directories and the copies keep the checkout's modes (0700/0600 under umask 077): open them all up.
  const open = (path: string) => {
    const s = statSync(path);
    if (s.isDirectory()) {
      chmodSync(path, 0o755);
      for (const name of readdirSync(path)) open(join(path, name));
    } else chmodSync(path, s.mode & 0o111 ? 0o755 : 0o644);
  };
  open(root);
  copied = join(root, 'bin', 'credcheck.cjs');
  return copied;
}
