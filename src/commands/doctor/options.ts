import type { CommonOptions } from '../../kernel/options.js';

export interface DoctorOptions extends CommonOptions {
  profile?: string;
  pid: number[];
  offline?: boolean;
  timeout: string;
  ssmRuntimeConfig?: string;
}
