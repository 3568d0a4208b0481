/**
 * Personal access tokens for generated members, so load tests and the benchmark can call the API
 * as them with real bearer authentication, without signing each one in (argon2 per sign-in).
 */
import { hashSecret, newId, newSecret } from '../lib/ids.js';
import { openBulkWriter } from './seed.repository.js';

export interface TokenHolder {
  id: string;
  handle: string;
  token: string;
}

export async function issueTokens(
  databaseUrl: string,
  members: { id: string; handle: string }[],
  now: Date,
): Promise<TokenHolder[]> {
  const at = now.toISOString();
  const holders = members.map((m) => ({ ...m, token: newSecret('rpt_') }));
  const writer = await openBulkWriter(databaseUrl);
  try {
    await writer.insert(
      'access_tokens',
      holders.map((h) => [newId(now), h.id, 'load', hashSecret(h.token), at, at]),
    );
  } finally {
    await writer.close();
  }
  return holders;
}
