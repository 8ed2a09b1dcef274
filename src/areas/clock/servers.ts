import { parseServer, type NtpServer } from './ntp.js';

export const AMAZON_TIME_SYNC = '169.254.169.123';
export const AWS_PUBLIC_NTP = 'time.aws.com';
export const PUBLIC_POOL = 'pool.ntp.org';

/** --server wins, then CREDCHECK_NTP_SERVERS, then the defaults (Amazon Time Sync only on EC2). */
export function chooseServers(flag: string[] | undefined, env: NodeJS.ProcessEnv, onEc2: boolean): NtpServer[] {
  const list = flag && flag.length > 0
    ? flag
    : env.CREDCHECK_NTP_SERVERS !== undefined && env.CREDCHECK_NTP_SERVERS.trim() !== ''
      ? env.CREDCHECK_NTP_SERVERS.split(',').filter((s) => s.trim() !== '')
      : [...(onEc2 ? [AMAZON_TIME_SYNC] : []), AWS_PUBLIC_NTP, PUBLIC_POOL];
  return list.map(parseServer);
}

