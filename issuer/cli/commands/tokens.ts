import { type Command, InvalidArgumentError } from 'commander';
import type { ApiTokenInfo } from '../../tokens/api-tokens.ts';
import { SCOPES } from '../../tokens/scopes.ts';
import type { CliContext } from '../context.ts';
import { table } from '../output.ts';

function scope(value: string, previous: string[] = []): string[] {
  if (!(SCOPES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`use one of ${SCOPES.join(', ')} (repeat --scope for more).`);
  return [...previous, value];
}

const when = (time: string | null) => (time ? time.replace('T', ' ').slice(0, 16) : '-');

export function tokensCommand(program: Command, context: CliContext): void {
  const tokens = program
    .command('tokens')
    .description('API tokens with scopes, for people and scripts (needs an admin token)');

  tokens
    .command('create')
    .description('create a named token; it is shown this once')
    .argument('<name>', 'who or what will use it, e.g. "registry office laptop"')
    .requiredOption('--scope <scope>', `what it may do: ${SCOPES.join(', ')}; repeat for more`, scope)
    .addHelpText(
      'after',
      '\nExamples:\n  skillmark-issuer tokens create "registry office" --scope issue --scope read\n  skillmark-issuer tokens create "ministry export" --scope report',
    )
    .action(async (name: string, options: { scope: string[] }) => {
      const { client, out } = context();
      const created = await client.json<ApiTokenInfo & { token: string }>('POST', '/tokens', {
        name,
        scopes: options.scope,
      });
      out.result(created);
      out.line(`Token "${created.name}" created with the scopes ${created.scopes.join(', ')}:`);
      out.line();
      out.line(`  ${created.token}`);
      out.line();
      out.line('Copy it now: the issuer keeps only a keyed hash and cannot show it again.');
      out.line(`To revoke it: skillmark-issuer tokens revoke ${created.id}`);
    });

  tokens
    .command('list')
    .description('list the tokens: name, scopes, created, last used, revoked (never the tokens themselves)')
    .addHelpText('after', '\nExample:\n  skillmark-issuer tokens list')
    .action(async () => {
      const { client, out } = context();
      const { items } = await client.json<{ items: ApiTokenInfo[] }>('GET', '/tokens');
      out.result({ items });
      if (items.length === 0) {
        out.line('No API tokens yet; create one with "skillmark-issuer tokens create".');
        return;
      }
      const rows = items.map((t) => [
        t.name,
        t.scopes.join(','),
        when(t.createdAt),
        when(t.lastUsedAt),
        t.revokedAt ? `revoked ${when(t.revokedAt)}` : 'active',
        t.id,
      ]);
      for (const line of table([['name', 'scopes', 'created', 'last used', 'state', 'id'], ...rows])) out.line(line);
    });

  tokens
    .command('revoke')
    .description('revoke a token: it is refused from now on')
    .argument('<id>', 'the token id, from "tokens list"')
    .addHelpText('after', '\nExample:\n  skillmark-issuer tokens revoke 3f0c2a9e-1b7d-4c55-8e0a-6d2b9f4a1c37')
    .action(async (id: string) => {
      const { client, out } = context();
      const revoked = await client.json<ApiTokenInfo>('DELETE', `/tokens/${encodeURIComponent(id)}`);
      out.result(revoked);
      out.line(`Token "${revoked.name}" is revoked (since ${when(revoked.revokedAt)}).`);
    });
}
