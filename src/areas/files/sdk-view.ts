import { externalDataInterceptor, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

type Parsed = Record<string, Record<string, string>>;

/**
 * Hands the SDK's own loader the bytes credcheck already read safely, so (1) profiles are exactly
 * what the SDK parses, and (2) no SDK code in this process can block on a FIFO or read /dev/zero.
 * Re-reads (watch) call this again with fresh text: the interceptor entry is simply replaced.
 */
export function feedSdk(path: string, text: string): void {
  externalDataInterceptor.interceptFile(path, text);
}

/** Drops an interception so the SDK reads the file itself again (or finds it missing). */
export function forgetSdk(path: string): void {
  delete externalDataInterceptor.getFileRecord()[path];
}

export async function sdkView(credentialsPath: string, configPath: string): Promise<{ credentialsFile: Parsed; configFile: Parsed }> {
  const { credentialsFile, configFile } = await loadSharedConfigFiles({
    filepath: credentialsPath,
    configFilepath: configPath,
    ignoreCache: true,
  });
  return { credentialsFile: credentialsFile as Parsed, configFile: configFile as Parsed };
}
