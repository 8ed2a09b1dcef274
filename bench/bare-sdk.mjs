// The yardstick for doctor and identity: the smallest real program that checks credentials, a
// GetCallerIdentity through the JavaScript SDK's default chain (what `aws sts get-caller-identity`
// does in Node).
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

const out = await new STSClient({}).send(new GetCallerIdentityCommand({}));
process.stdout.write(`${out.Arn}\n`);
