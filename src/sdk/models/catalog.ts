/**
 * What credcheck says about each SDK besides its chain: the names users type, how it was
 * verified, and when it refreshes. One place for --sdk, --help and the JSON. Refresh windows and
 * file caching are read from src/sdk/refresh.ts, their one home (cited there); the models hold none.
 */
import { JS_VERSION } from './js.js';
import { BOTOCORE_VERSION } from './botocore.js';
import { RUBY_VERSION } from './ruby.js';
import { GO_VERSION } from './go.js';
import { JAVA_VERSION } from './java.js';
import { MODELS } from './index.js';
import { REFRESH, type RefreshBehaviour, type SdkId } from '../refresh.js';
import type { SdkModel } from './world.js';

export interface SdkInfo {
  sdk: SdkModel['sdk'];
  label: string;
  /** The package and version whose source the model follows and whose real build the oracle ran. */
  version: string;
  verifiedBy: 'oracle' | 'model';
  refresh: string;
  model: SdkModel;
}

const find = (sdk: SdkModel['sdk']) => MODELS.find((m) => m.sdk === sdk)!;
const min = (s: number) => `${s / 60} min`;

/** One line from refresh.ts: the windows before expiry, then how the shared files are read. */
export function refreshLine(b: RefreshBehaviour): string {
  const windows = b.refreshBeforeExpirySec === 0 ? 'at expiry'
    : b.advisoryBeforeExpirySec ? `${min(b.advisoryBeforeExpirySec)} before expiry (advisory), ${min(b.refreshBeforeExpirySec)} (mandatory)`
    : b.backgroundBeforeExpirySec ? `${min(b.refreshBeforeExpirySec)} before expiry (${min(b.backgroundBeforeExpirySec)} in the background)`
    : `${min(b.refreshBeforeExpirySec)} before expiry`;
  return `${windows}; files ${b.fileCachingShort}`;
}

const info = (sdk: SdkModel['sdk'], id: SdkId, label: string, version: string, verifiedBy: SdkInfo['verifiedBy']): SdkInfo =>
  ({ sdk, label, version, verifiedBy, model: find(sdk), refresh: refreshLine(REFRESH[id]) });

export const SDKS: SdkInfo[] = [
  info('js', 'js-v3', 'Node (AWS SDK for JavaScript v3)', `@aws-sdk/credential-provider-node ${JS_VERSION}`, 'oracle'),
  info('botocore', 'botocore', 'boto3 and the AWS CLI (botocore)', `botocore ${BOTOCORE_VERSION}`, 'oracle'),
  info('ruby', 'ruby-v3', 'Ruby (aws-sdk-core)', `aws-sdk-core ${RUBY_VERSION}`, 'oracle'),
  info('go', 'go-v2', 'Go (aws-sdk-go-v2)', `aws-sdk-go-v2/config ${GO_VERSION}`, 'oracle'),
  // No Java SDK runs here: the model follows aws-sdk-java-v2's source only.
  info('java', 'java-v2', 'Java (AWS SDK for Java 2.x)', `aws-sdk-java-v2 ${JAVA_VERSION}`, 'model'),
];

/** --sdk names → models; "python" and "cli" are botocore. */
export const SDK_NAMES: Record<string, SdkModel['sdk'][]> = {
  js: ['js'], node: ['js'], python: ['botocore'], boto3: ['botocore'], cli: ['botocore'], botocore: ['botocore'],
  ruby: ['ruby'], go: ['go'], java: ['java'], all: ['js', 'botocore', 'ruby', 'go', 'java'],
};

export const SDK_HELP = SDKS.map((s) => `  ${s.sdk.padEnd(9)} ${s.label}: ${s.version} (${s.verifiedBy === 'oracle' ? 'verified against the real SDK' : 'model only'})`).join('\n');
