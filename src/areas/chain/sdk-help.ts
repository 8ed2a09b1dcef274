/**
 * The --help lines for --sdk, kept as plain text so `credcheck chain --help` loads no model code.
 * test/e2e/chain-sdk.test.ts checks that it names every model's version; each line fits 80 columns.
 */
export const SDK_HELP_TEXT = [
  '  js        Node (JavaScript v3): @aws-sdk/credential-provider-node 3.972.97',
  '  python    boto3 and the AWS CLI (also: cli): botocore 1.43.11',
  '  ruby      Ruby (aws-sdk-core): aws-sdk-core 3.168.1',
  '  go        Go (aws-sdk-go-v2): aws-sdk-go-v2/config 1.17.10',
  '  java      Java (AWS SDK for Java 2.x): aws-sdk-java-v2 2.3x (source only)',
].join('\n');
