import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A /proc look-alike with `count` processes for `doctor --processes` (CREDCHECK_PROC_ROOT): mostly
 * shells and daemons, every 20th with AWS variables, every 50th a Python/Node interpreter whose HOME
 * has a credentials file. Executables link to real binaries so the ELF/Go checks do real reads.
 */
export function fakeProc(count: number, home: string): string {
  const root = mkdtempSync(join(tmpdir(), 'credcheck-fakeproc-'));
  const bootSec = Math.floor(Date.now() / 1000) - 86_400;
  writeFileSync(join(root, 'stat'), `cpu  1 2 3 4\nbtime ${bootSec}\n`);
  const exes = ['/bin/bash', process.execPath, '/usr/bin/python3', '/usr/sbin/sshd', '/bin/sleep'];
  for (let i = 0; i < count; i++) {
    const pid = 1000 + i;
    const dir = join(root, String(pid));
    mkdirSync(join(dir, 'fd'), { recursive: true });
    const exe = i % 50 === 0 ? (i % 100 === 0 ? '/usr/bin/python3' : process.execPath) : exes[i % exes.length]!;
    symlinkSync(exe, join(dir, 'exe'));
    symlinkSync('/dev/null', join(dir, 'fd', '0'));
    symlinkSync('/dev/null', join(dir, 'fd', '1'));
    const argv = [exe, i % 50 === 0 ? '/srv/app/main' : `--worker=${i}`];
    writeFileSync(join(dir, 'cmdline'), `${argv.join('\0')}\0`);
    writeFileSync(join(dir, 'comm'), `${exe.split('/').pop()}\n`);
    const env = [`HOME=${i % 50 === 0 ? home : '/nonexistent'}`, 'PATH=/usr/bin:/bin', `LANG=C.UTF-8`, `X_PADDING=${'x'.repeat(i % 7 === 0 ? 4000 : 100)}`];
    if (i % 20 === 0) env.push('AWS_PROFILE=default', 'AWS_REGION=us-east-1');
    writeFileSync(join(dir, 'environ'), `${env.join('\0')}\0`);
    writeFileSync(join(dir, 'stat'), `${pid} (${exe.split('/').pop()}) S 1 ${pid} ${pid} 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 ${100 * (i + 10)} 1000 100\n`);
    writeFileSync(join(dir, 'status'), `Name:\tx\nUid:\t0\t0\t0\t0\n`);
    writeFileSync(join(dir, 'maps'), '');
  }
  return root;
}
