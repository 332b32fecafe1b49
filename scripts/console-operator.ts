/**
 * `npm run console:operator -- --email ops@example.com`: creates the operator's console user of
 * a deployed region (or gives it a new password) and prints the password once. Run it with the
 * region's AWS credentials and the stack outputs in the environment: AWS_REGION, TABLE_NAME
 * (TableName), OPENSEARCH_ENDPOINT (`https://` + SearchEndpoint) and OFFERS_ALIAS (`offers`).
 * Every later user is invited from the console itself.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DomainError } from '../core/errors.ts';
import { services } from '../functions/composition.ts';

const { values } = parseArgs({ options: { email: { type: 'string' } } });
if (!values.email) {
  console.error('usage: npm run console:operator -- --email <operator email>');
  process.exit(2);
}
const password = randomBytes(18).toString('base64url');
try {
  const user = await services().partners.ensureUser(
    { email: values.email, role: 'operator', password },
    'console:operator script',
  );
  console.log(`Console operator ${user.email}: password ${password}`);
  console.log('Sign in at https://<the region console domain>/sign-in; this password is shown only now.');
} catch (error) {
  if (error instanceof DomainError) {
    console.error(`Refused: ${error.code} ${JSON.stringify(error.fields ?? [])}`);
    process.exit(1);
  }
  throw error;
}
