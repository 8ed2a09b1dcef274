import { readdir, readlink, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { SdkId } from '../../../sdk/refresh.js';
import { readHead } from './bounded.js';

/** What the runtime detectors may look at: all read-only, all bounded. */
export interface ProcView {
  root: string;
  pid: number;
  exe?: string;
  argv: string[];
  /** The process's environment; absent when it belongs to another user. */
  env?: Record<string, string>;
  /** /proc/PID/root when readable: the process's own view of the file system (containers). */
  fsPrefix: string;
  cwd?: string;
  /** The first MAX_MAPS bytes of /proc/PID/maps. */
  maps: string;
}

export type Runtime = 'go' | 'python' | 'ruby' | 'node' | 'java' | 'unknown';

/** Which runtime and AWS SDK a process uses, and what that conclusion rests on. */
export interface SdkIdentity {
  runtime: Runtime;
  runtimeVersion?: string;
  /** A modelled SDK (src/sdk/refresh.ts). */
  sdk?: SdkId;
  /** Display name, also for SDKs found but not modelled (Go v1, JavaScript v2, Ruby v2). */
  sdkName?: string;
  sdkVersion?: string;
  /** Where the SDK was found: the file or build record the version came from. */
  evidence: string[];
  /** What was examined, so "unknown" says where credcheck looked. */
  lookedAt: string[];
}

export const MAX_MAPS = 512 * 1024;

/** A path as the process sees it, read through /proc/PID/root when that is readable. */
export function inProc(view: ProcView, path: string): string {
  return view.fsPrefix ? join(view.fsPrefix, path) : path;
}

export async function fileText(view: ProcView, path: string, max = 64 * 1024): Promise<string | undefined> {
  return readHead(inProc(view, path), max);
}

export async function isFile(view: ProcView, path: string): Promise<boolean> {
  return stat(inProc(view, path)).then((s) => s.isFile(), () => false);
}

export async function isDir(view: ProcView, path: string): Promise<boolean> {
  return stat(inProc(view, path)).then((s) => s.isDirectory(), () => false);
}

const MAX_DIR_ENTRIES = 20_000;

export async function listDir(view: ProcView, path: string): Promise<string[]> {
  const names = await readdir(inProc(view, path)).catch(() => [] as string[]);
  return names.slice(0, MAX_DIR_ENTRIES);
}

/** Distinct mapped file paths (the last column of /proc/PID/maps). */
export function mappedFiles(maps: string): string[] {
  const out = new Set<string>();
  for (const line of maps.split('\n')) {
    const i = line.indexOf('/');
    if (i > 0) out.add(line.slice(i).replace(/ \(deleted\)$/, ''));
  }
  return [...out];
}

export function exeName(view: ProcView): string {
  return basename(view.exe ?? view.argv[0] ?? '');
}

/** An argv path made absolute against the process's working directory. */
export function absolute(view: ProcView, p: string): string {
  return isAbsolute(p) || !view.cwd ? p : join(view.cwd, p);
}

/** Directories from `start` up to the root, at most `levels` of them. */
export function upwards(start: string, levels = 8): string[] {
  const out: string[] = [];
  let d = start;
  for (let i = 0; i < levels; i++) {
    out.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return out;
}

export async function readCwd(root: string, pid: number): Promise<string | undefined> {
  return readlink(`${root}/${pid}/cwd`).catch(() => undefined);
}

/** Compares dotted versions numerically (3.168.1 < 3.242.0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
