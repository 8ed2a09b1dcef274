/**
 * The SDK can leave a rejected promise nobody awaits: resolveAssumeRoleCredentials starts
 * resolving source_profile *before* it checks mfa_serial, so an MFA profile whose source fails
 * rejects twice, and the second rejection is unhandled (a Node app using the SDK would crash).
 * While credcheck runs SDK providers, such provider errors are recorded instead of being fatal;
 * anything else is passed on to the listeners that were there before.
 */
export async function guardDanglingProviderErrors<T>(seen: string[], fn: () => Promise<T>): Promise<T> {
  const before = process.listeners('unhandledRejection');
  const guard = (reason: unknown, promise: Promise<unknown>) => {
    if (reason && typeof reason === 'object' && 'tryNextLink' in reason) {
      seen.push(`the SDK left an unhandled rejection: ${String((reason as unknown as Error).message).split('\n')[0]}`);
      return;
    }
    for (const l of before) l.call(process, reason, promise);
  };
  process.removeAllListeners('unhandledRejection');
  process.on('unhandledRejection', guard);
  try {
    return await fn();
  } finally {
    // Let late rejections from this run surface while the guard is still installed.
    await new Promise((r) => setImmediate(r));
    process.removeListener('unhandledRejection', guard);
    for (const l of before) process.on('unhandledRejection', l);
  }
}
