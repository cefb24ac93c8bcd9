import { apiKeyStatus } from './api-key-status';

describe('apiKeyStatus', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');

  it('is active without revocation and before expiry', () => {
    expect(apiKeyStatus({ revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(apiKeyStatus({ revokedAt: null, expiresAt: '2026-06-02T00:00:00Z' }, now)).toBe('active');
  });

  it('is expired from the expiry time on', () => {
    expect(apiKeyStatus({ revokedAt: null, expiresAt: '2026-06-01T00:00:00Z' }, now)).toBe('expired');
  });

  it('is revoked once revoked, whatever the expiry', () => {
    expect(apiKeyStatus({ revokedAt: '2026-05-01T00:00:00Z', expiresAt: '2026-01-01T00:00:00Z' }, now)).toBe('revoked');
  });
});
