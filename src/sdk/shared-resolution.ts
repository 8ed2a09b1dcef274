import type { AwsCredentialIdentity } from '@aws-sdk/types';

/**
 * One credential resolution per run, shared by every area that needs it: resolving a role, web
 * identity or SSO profile calls STS (or the SSO portal) — a CloudTrail session and, with MFA, a
 * prompt each time — so doctor's chain and identity areas must resolve such a profile once and
 * look at the same answer. One instance per run; never module-global (watch re-resolves).
 */
export class SharedResolution {
  private readonly profiles = new Map<string, Promise<AwsCredentialIdentity>>();

  /** The first caller's resolution of this profile; later callers get the same promise. */
  profile(name: string, resolve: () => Promise<AwsCredentialIdentity>): Promise<AwsCredentialIdentity> {
    let p = this.profiles.get(name);
    if (!p) {
      p = resolve();
      // Every caller handles the rejection; this keeps an unobserved one from crashing the run.
      p.catch(() => undefined);
      this.profiles.set(name, p);
    }
    return p;
  }
}
