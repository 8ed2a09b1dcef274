import { readdir, readlink } from 'node:fs/promises';
import { basename } from 'node:path';
import { exeName, mappedFiles, type ProcView, type SdkIdentity } from './view.js';

export function isJava(view: ProcView): boolean {
  return exeName(view) === 'java' || /\/libjvm\.so/.test(view.maps);
}

const MAX_FDS = 4096;

/** Jars named on the command line (-cp, -jar), open (fd) or mapped. */
async function jars(view: ProcView): Promise<string[]> {
  const out = new Set<string>();
  for (let i = 1; i < view.argv.length; i++) {
    const a = view.argv[i]!;
    if (a === '-cp' || a === '-classpath' || a === '--class-path' || a === '-jar') {
      for (const p of (view.argv[i + 1] ?? '').split(':')) if (p) out.add(p);
    }
  }
  const fds = (await readdir(`${view.root}/${view.pid}/fd`).catch(() => [] as string[])).slice(0, MAX_FDS);
  for (const fd of fds) {
    const target = await readlink(`${view.root}/${view.pid}/fd/${fd}`).catch(() => undefined);
    if (target?.endsWith('.jar')) out.add(target);
  }
  for (const f of mappedFiles(view.maps)) if (f.endsWith('.jar')) out.add(f);
  return [...out];
}

const V2_ARTIFACT = /^(sdk-core|aws-core|auth|profiles|regions|sts)-(2\.\d+\.\d+)\.jar$/;
const V2_MAVEN = /software\/amazon\/awssdk\/[^/]+\/(2\.\d+\.\d+)\//;
const V1_ARTIFACT = /^aws-java-sdk-(?:core|bundle)-(1\.\d+\.\d+)\.jar$/;

export async function identifyJava(view: ProcView): Promise<SdkIdentity> {
  const id: SdkIdentity = { runtime: 'java', evidence: [], lookedAt: ['command-line class path', `/proc/${view.pid}/fd`, `/proc/${view.pid}/maps`] };
  for (const jar of await jars(view)) {
    const name = basename(jar);
    const v2 = V2_ARTIFACT.exec(name) ?? V2_MAVEN.exec(jar);
    if (v2) {
      id.sdk = 'java-v2';
      id.sdkName = 'AWS SDK for Java 2.x';
      id.sdkVersion = v2[v2.length - 1];
      id.evidence.push(`${jar} on the class path or open`);
      return id;
    }
    const v1 = V1_ARTIFACT.exec(name);
    if (v1) {
      id.sdk = 'java-v1';
      id.sdkName = 'AWS SDK for Java 1.x';
      id.sdkVersion = v1[1];
      id.evidence.push(`${jar} on the class path or open`);
      return id;
    }
  }
  return id;
}
