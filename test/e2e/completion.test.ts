import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';

describe('credcheck completion', () => {
  let script = '';
  before(async () => {
    const r = await runCli(['completion', 'bash']);
    assert.equal(r.code, 0, r.stderr);
    script = join(mkdtempSync(join(tmpdir(), 'credcheck-completion-')), 'credcheck.bash');
    writeFileSync(script, r.stdout);
  });

  /** Loads the script into a real bash and asks it to complete `line` (the cursor at its end). */
  function complete(line: string): string[] {
    const words = line.split(' ');
    const program = [
      'source "$1"',
      'complete -p credcheck >&2',
      'COMP_WORDS=("${@:2}")',
      'COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))',
      'COMP_LINE="${COMP_WORDS[*]}"',
      'COMP_POINT=${#COMP_LINE}',
      '_credcheck',
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    const out = execFileSync('bash', ['--norc', '--noprofile', '-c', program, 'bash', script, ...words], { encoding: 'utf8', cwd: join(script, '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    return out.split('\n').filter(Boolean).sort();
  }

  it('registers _credcheck for credcheck in bash', () => {
    const registered = execFileSync('bash', ['--norc', '--noprofile', '-c', 'source "$1"; complete -p credcheck', 'bash', script], { encoding: 'utf8' });
    assert.equal(registered.trim(), 'complete -F _credcheck credcheck');
  });

  it('completes subcommands, then that command\'s flags, then fixed values', () => {
    assert.deepEqual(complete('credcheck d'), ['doctor']);
    assert.ok(complete('credcheck ').includes('completion'));
    assert.deepEqual(complete('credcheck preflight --min'), ['--min-ttl']);
    assert.deepEqual(complete('credcheck preflight --format j'), ['json', 'junit']);
    assert.deepEqual(complete('credcheck doctor --fail-on '), ['error', 'info', 'warning']);
    assert.deepEqual(complete('credcheck completion --h'), ['--help']);
    // Flags of one command are not offered for another.
    assert.deepEqual(complete('credcheck doctor --min'), []);
  });

  it('completes file names where an option takes a file', () => {
    writeFileSync(join(script, '..', 'report.xml'), '');
    assert.deepEqual(complete('credcheck preflight --junit rep'), ['report.xml']);
  });

  it('zsh and fish scripts cover the same commands; an unknown shell is a usage error', async () => {
    const zsh = await runCli(['completion', 'zsh']);
    assert.match(zsh.stdout, /^#compdef credcheck\n/);
    assert.match(zsh.stdout, /complete -F _credcheck credcheck/);
    const fish = await runCli(['completion', 'fish']);
    assert.match(fish.stdout, /^complete -c credcheck -n "not __fish_seen_subcommand_from [^"]*" -a preflight -d /m);
    assert.match(fish.stdout, /^complete -c credcheck -n "__fish_seen_subcommand_from preflight" -l format -x -a 'text json junit github' /m);
    const bad = await runCli(['completion', 'tcsh']);
    assert.equal(bad.code, 2);
  });
});
