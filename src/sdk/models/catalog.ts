/**
 * What credcheck says about each SDK besides its chain: the names users type, how it was
 * verified, and when it refreshes. One place for --sdk, --help and the JSON.
 */
import { JS_REFRESH, JS_VERSION } from './js.js';
import { BOTOCORE_REFRESH, BOTOCORE_VERSION } from './botocore.js';
import { RUBY_REFRESH, RUBY_VERSION } from './ruby.js';
import { GO_REFRESH, GO_VERSION } from './go.js';
import { MODELS } from './index.js';
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
const min = (ms: number) => `${ms / 60_000} min`;

export const SDKS: SdkInfo[] = [
  { sdk: 'js', label: 'Node (AWS SDK for JavaScript v3)', version: `@aws-sdk/credential-provider-node ${JS_VERSION}`, verifiedBy: 'oracle', model: find('js'),
    refresh: `${min(JS_REFRESH.beforeExpiryMs)} before expiry; files cached ${JS_REFRESH.fileCache}` },
  { sdk: 'botocore', label: 'boto3 and the AWS CLI (botocore)', version: `botocore ${BOTOCORE_VERSION}`, verifiedBy: 'oracle', model: find('botocore'),
    refresh: `${min(BOTOCORE_REFRESH.advisoryMs)} before expiry (advisory), ${min(BOTOCORE_REFRESH.mandatoryMs)} (mandatory); files read ${BOTOCORE_REFRESH.fileCache}` },
  { sdk: 'ruby', label: 'Ruby (aws-sdk-core)', version: `aws-sdk-core ${RUBY_VERSION}`, verifiedBy: 'oracle', model: find('ruby'),
    refresh: `${min(RUBY_REFRESH.beforeExpiryMs)} before expiry (${min(RUBY_REFRESH.asyncBeforeExpiryMs)} in the background); files read by ${RUBY_REFRESH.fileCache}` },
  { sdk: 'go', label: 'Go (aws-sdk-go-v2)', version: `aws-sdk-go-v2/config ${GO_VERSION}`, verifiedBy: 'oracle', model: find('go'),
    refresh: `at expiry (CredentialsCache ExpiryWindow ${GO_REFRESH.beforeExpiryMs}); files ${GO_REFRESH.fileCache}` },
];

/** --sdk names → models; "python" and "cli" are botocore. Java v2 is not modelled yet. */
export const SDK_NAMES: Record<string, SdkModel['sdk'][]> = {
  js: ['js'], node: ['js'], python: ['botocore'], boto3: ['botocore'], cli: ['botocore'], botocore: ['botocore'],
  ruby: ['ruby'], go: ['go'], all: ['js', 'botocore', 'ruby', 'go'],
};

export const SDK_HELP = SDKS.map((s) => `  ${s.sdk.padEnd(9)} ${s.label}: ${s.version} (${s.verifiedBy === 'oracle' ? 'verified against the real SDK' : 'model only'})`).join('\n');
