import type { CommonOptions } from '../../kernel/options.js';

export interface PreflightCommandOptions extends CommonOptions {
  minTtl?: string;
  expectAccount: string[];
  expectArn?: string;
  denyLongTermKeys?: boolean;
  maxClockSkew: string;
  requireRegion?: boolean;
  strict?: boolean;
  format?: 'text' | 'json' | 'junit' | 'github';
  junit?: string;
  offline?: boolean;
  profile?: string;
}
