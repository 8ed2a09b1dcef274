/**
 * Expiry keys that tools other than the SDK write beside the keys (field-notes §3). No AWS SDK reads
 * them; credcheck does, in this order (the first present wins) — doctor, file and watch alike.
 */
export const EXPIRY_KEYS = [
  'x_security_token_expires', // saml2aws, gimme-aws-creds
  'aws_session_expiration', // aws-google-auth
  'aws_expiration', // aws-azure-login
  'expiration', // aws-mfa, awsume
  'aws_credential_expiration', // aws-vault export
] as const;

export const EXPIRY_KEY_SET = new Set<string>(EXPIRY_KEYS);

/** The first expiry key a profile section carries (an empty value counts: it is reported as unparseable). */
export function expiryKeyOf(section: Record<string, string | undefined>): (typeof EXPIRY_KEYS)[number] | undefined {
  return EXPIRY_KEYS.find((k) => section[k] !== undefined);
}
