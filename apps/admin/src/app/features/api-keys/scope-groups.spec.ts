import { SCOPES } from '@ferry/contracts';
import { groupScopes } from './scope-groups';

describe('groupScopes', () => {
  it('groups every scope of the contract by resource, in contract order', () => {
    const groups = groupScopes();
    expect(groups.flatMap((g) => g.scopes.map((s) => s.scope))).toEqual([...SCOPES]);
    expect(groups.find((g) => g.resource === 'api_keys')).toEqual({
      resource: 'api_keys',
      label: 'API keys',
      scopes: [
        { scope: 'api_keys:read', action: 'read' },
        { scope: 'api_keys:write', action: 'write' },
      ],
    });
    expect(groups.find((g) => g.resource === 'audit')?.scopes.map((s) => s.action)).toEqual(['read']);
  });
});
