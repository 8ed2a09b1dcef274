import { realpath } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { absolute, exeName, fileText, inProc, isFile, listDir, mappedFiles, type ProcView, type SdkIdentity } from './view.js';

const VERSION = /^__version__\s*=\s*['"]([^'"]+)['"]/m;

export function isPython(view: ProcView): boolean {
  return /^python\d*(\.\d+)?$/.test(exeName(view)) || /(^|\/)python\d*(\.\d+)?$/.test(view.argv[0] ?? '') || /\/libpython\d/.test(view.maps);
}

/** X.Y from the interpreter's name, its mapped libpython, or the prefix's lib directory. */
async function pythonVersion(view: ProcView, prefix: string): Promise<string | undefined> {
  const fromName = /python(\d+\.\d+)/.exec(exeName(view)) ?? /libpython(\d+\.\d+)/.exec(view.maps);
  if (fromName) return fromName[1];
  // python3 → python3.11 (a symlink outside /proc, where exe is already resolved).
  const real = view.exe ? await realpath(inProc(view, view.exe)).catch(() => undefined) : undefined;
  const fromReal = real && /python(\d+\.\d+)$/.exec(real);
  if (fromReal) return fromReal[1];
  const libs = (await listDir(view, join(prefix, 'lib'))).filter((n) => /^python\d+\.\d+$/.test(n)).sort();
  return libs.at(-1)?.slice('python'.length);
}

/** The script's directory: argv[1] unless the interpreter ran -m or -c. */
function scriptDir(view: ProcView): string | undefined {
  for (let i = 1; i < view.argv.length; i++) {
    const a = view.argv[i]!;
    if (a === '-m' || a === '-c') return view.cwd;
    if (a.startsWith('-')) continue;
    return dirname(absolute(view, a));
  }
  return undefined;
}

/**
 * botocore is pure Python, so nothing of it is mapped: the candidates are the directories on the
 * interpreter's sys.path in Python's order — script dir, PYTHONPATH, the venv (or the user site),
 * then the prefix's site-packages and Debian's dist-packages — with any site-packages directory
 * seen in /proc/PID/maps (native modules) first, since that one is certainly in use.
 */
export async function identifyPython(view: ProcView): Promise<SdkIdentity> {
  const exe = view.exe ?? '';
  const prefix = dirname(dirname(exe));
  const ver = await pythonVersion(view, prefix);
  const id: SdkIdentity = { runtime: 'python', evidence: [], lookedAt: [] };
  if (ver) id.runtimeVersion = ver;
  const env = view.env ?? {};
  let venv = env.VIRTUAL_ENV;
  const argv0 = view.argv[0] ?? '';
  if (!venv && argv0.startsWith('/') && (await isFile(view, join(dirname(dirname(argv0)), 'pyvenv.cfg')))) venv = dirname(dirname(argv0));
  const py = ver ? `python${ver}` : 'python3';
  const mapped = mappedFiles(view.maps)
    .map((f) => /^(.*\/(?:site|dist)-packages)\//.exec(f)?.[1])
    .filter((d): d is string => Boolean(d));
  const dirs = [
    ...new Set([
      ...mapped,
      scriptDir(view),
      ...(env.PYTHONPATH ?? '').split(':').filter(Boolean),
      venv && join(venv, 'lib', py, 'site-packages'),
      !venv && env.HOME && join(env.HOME, '.local', 'lib', py, 'site-packages'),
      prefix && join(prefix, 'lib', py, 'site-packages'),
      `/usr/local/lib/${py}/dist-packages`,
      '/usr/lib/python3/dist-packages',
    ].filter((d): d is string => typeof d === 'string' && d.length > 0)),
  ];
  for (const dir of dirs) {
    const init = join(dir, 'botocore', '__init__.py');
    id.lookedAt.push(init);
    const text = await fileText(view, init, 16 * 1024);
    const m = text && VERSION.exec(text);
    if (!m) continue;
    id.sdk = 'botocore';
    id.sdkName = 'botocore';
    id.sdkVersion = m[1];
    const boto3 = await fileText(view, join(dir, 'boto3', '__init__.py'), 16 * 1024);
    const b3 = boto3 && VERSION.exec(boto3);
    id.evidence.push(`${init} (__version__ ${m[1]})${b3 ? `, boto3 ${b3[1]} beside it` : ''}${mapped.includes(dir) ? '; this directory has modules mapped into the process' : `; first botocore on the sys.path of ${basename(exe) || 'python'}${venv ? ` in venv ${venv}` : ''}`}`);
    return id;
  }
  return id;
}
