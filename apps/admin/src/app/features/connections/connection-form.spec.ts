import { FormControl } from '@angular/forms';
import { connectionState, normalizeShopDomain, optionalHttpUrl, requiredWhen } from './connection-form';
import { testResult } from '../../testing/fixtures';

describe('connection form helpers', () => {
  it('normalises what people paste as the shop domain', () => {
    expect(normalizeShopDomain(' https://Acme-Store.myshopify.com/admin ')).toBe('acme-store.myshopify.com');
    expect(normalizeShopDomain('acme.myshopify.com')).toBe('acme.myshopify.com');
  });

  it('accepts an empty or absolute http(s) base URL only', () => {
    expect(optionalHttpUrl(new FormControl(''))).toBeNull();
    expect(optionalHttpUrl(new FormControl('http://127.0.0.1:4010'))).toBeNull();
    expect(optionalHttpUrl(new FormControl('ftp://x'))).toEqual({ url: true });
    expect(optionalHttpUrl(new FormControl('localhost:4010/x'))).toEqual({ url: true });
  });

  it('requires a value only while asked to', () => {
    let needed = true;
    const validator = requiredWhen(() => needed);
    expect(validator(new FormControl(' '))).toEqual({ required: true });
    needed = false;
    expect(validator(new FormControl(''))).toBeNull();
  });

  it('sums up a connection by its last test', () => {
    expect(connectionState(false, null)).toBe('none');
    expect(connectionState(true, null)).toBe('untested');
    expect(connectionState(true, testResult({ ok: false }))).toBe('failed');
    expect(connectionState(true, testResult())).toBe('ok');
    expect(
      connectionState(
        true,
        testResult({ shopify: { shopName: 's', plan: 'p', currency: 'c', grantedScopes: [], missingScopes: [{ scope: 'read_orders', breaks: 'x' }] } }),
      ),
    ).toBe('incomplete');
  });
});
