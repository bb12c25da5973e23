import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { botScopesOf, readManifestBotScopes } from '../../src/doctor/manifest-scopes.js';
import { PROJECT_ROOT } from '../helpers/paths.js';

describe('the bot scopes a manifest asks for', () => {
  it('reads the project’s manifest.yml', () => {
    expect(readManifestBotScopes(join(PROJECT_ROOT, 'manifest.yml'))).toEqual([
      'app_mentions:read',
      'chat:write',
      'chat:write.public',
      'commands',
      'im:history',
      'users:read',
    ]);
  });

  it('takes only oauth_config.scopes.bot, with comments and quotes, not the user scopes or other lists', () => {
    const manifest = [
      'features:',
      '  bot:',
      '    - not-a-scope',
      'oauth_config:',
      '  scopes:',
      '    user:',
      '      - search:read',
      '    bot:',
      '      # why each scope',
      '      - "chat:write"   # posting',
      "      - 'commands'",
      '',
      '      - users:read',
      '  redirect_urls:',
      '    - https://example.com/#fragment',
      'settings:',
      '  socket_mode_enabled: true',
    ].join('\n');
    expect(botScopesOf(manifest)).toEqual(['chat:write', 'commands', 'users:read']);
  });

  it('reads a flow list, and null when the manifest names no bot scopes or cannot be read', () => {
    expect(botScopesOf('oauth_config:\n  scopes:\n    bot: [chat:write, "commands"]\n')).toEqual([
      'chat:write',
      'commands',
    ]);
    expect(botScopesOf('oauth_config:\n  scopes:\n    user:\n      - search:read\n')).toBeNull();
    expect(readManifestBotScopes(join(PROJECT_ROOT, 'no-such-manifest.yml'))).toBeNull();
  });
});
