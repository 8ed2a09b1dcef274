import { stat } from 'node:fs/promises';
import { identifyGo } from './go.js';
import { identifyJava, isJava } from './java.js';
import { identifyNode, isNode } from './node.js';
import { identifyPython, isPython } from './python.js';
import { identifyRuby, isRuby } from './ruby.js';
import type { ProcView, SdkIdentity } from './view.js';

/** Binaries shared by many processes are parsed once per run (keyed by device, inode, mtime). */
const goCache = new Map<string, Promise<SdkIdentity | undefined>>();

async function goIdentity(view: ProcView): Promise<SdkIdentity | undefined> {
  const s = await stat(`${view.root}/${view.pid}/exe`).catch(() => undefined);
  if (!s) return undefined;
  const key = `${s.dev}:${s.ino}:${s.mtimeMs}`;
  let hit = goCache.get(key);
  if (!hit) {
    hit = identifyGo(view).catch(() => undefined);
    goCache.set(key, hit);
  }
  const id = await hit;
  // A copy: the evidence names this process's exe path.
  return id && { ...id, evidence: [...id.evidence], lookedAt: [...id.lookedAt] };
}

/** Which runtime runs the process and which AWS SDK (and version) it would load. */
export async function identifyRuntime(view: ProcView): Promise<SdkIdentity> {
  if (isPython(view)) return identifyPython(view);
  if (isRuby(view)) return identifyRuby(view);
  if (isNode(view)) return identifyNode(view);
  if (isJava(view)) return identifyJava(view);
  const go = await goIdentity(view);
  if (go) return go;
  return { runtime: 'unknown', evidence: [], lookedAt: [`${view.exe ?? `/proc/${view.pid}/exe`} (not Python, Ruby, Node or Java by name or mapped library; no Go build info)`] };
}
