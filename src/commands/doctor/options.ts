import type { CommonOptions } from '../../kernel/options.js';

export interface DoctorOptions extends CommonOptions {
  profile?: string;
  /** PIDs, or process names (every process whose command name or an argument's base name matches). */
  pid: Array<number | string>;
  /** List every process on the host that uses AWS credentials. */
  processes?: boolean;
  offline?: boolean;
  timeout: string;
  ssmRuntimeConfig?: string;
}
