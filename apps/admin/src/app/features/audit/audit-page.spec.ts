import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { AuditEntry, TENANT_HEADER } from '@ferry/contracts';
import { membership } from '../../testing/fixtures';
import { signedIn } from '../../testing/signed-in';
import { auditActor, auditDetails, auditTarget } from './audit-format';
import { AuditPage } from './audit-page';

function entry(id: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    at: '2026-03-04T05:06:07.000Z',
    action: 'connection.saved',
    targetType: 'connection',
    targetId: 'shopify',
    actor: { userId: 'user-1', email: 'ada@acme.test', apiKeyId: null },
    details: { shopDomain: 'acme.myshopify.com', secretsChanged: ['clientSecret'] },
    ip: '10.0.0.1',
    ...overrides,
  };
}

describe('AuditPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<AuditPage>;
  let element: HTMLElement;

  async function setUp(): Promise<void> {
    backend = await signedIn([membership('t-acme', 'tenant_admin', 'Acme')]);
    fixture = TestBed.createComponent(AuditPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  function expectPage(cursor: string | null): TestRequest {
    const request = backend.expectOne((r) => r.url === '/api/v1/audit-log' && r.params.get('cursor') === cursor);
    expect(request.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    expect(request.request.params.get('limit')).toBe('50');
    return request;
  }

  const rows = () => Array.from(element.querySelectorAll('[data-testid=audit-table] tr[data-testid=audit-row]'));

  afterEach(() => backend.verify());

  it('shows who changed what and when, page by page', async () => {
    await setUp();
    expectPage(null).flush({
      items: [
        entry('a1'),
        entry('a2', {
          action: 'order_defaults.saved',
          targetType: 'order_defaults',
          targetId: null,
          actor: { userId: null, email: null, apiKeyId: 'key-7' },
          details: { changed: ['customerNo'] },
          ip: null,
        }),
      ],
      nextCursor: 'c2',
    });
    await fixture.whenStable();
    const [first, second] = rows().map((r) => r.textContent ?? '');
    expect(first).toContain('ada@acme.test');
    expect(first).toContain('connection.saved');
    expect(first).toContain('connection shopify');
    expect(first).toContain('shopDomain: acme.myshopify.com');
    expect(first).toContain('Mar 4, 2026');
    expect(second).toContain('API key key-7');
    expect(second).toContain('changed: ["customerNo"]');

    element.querySelector<HTMLButtonElement>('[data-testid=load-more]')?.click();
    expectPage('c2').flush({ items: [entry('a3', { action: 'location_links.saved' })], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(3);
    expect(element.querySelector('[data-testid=load-more]')).toBeNull();
  });

  it('says so when nothing was changed yet', async () => {
    await setUp();
    expectPage(null).flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(element.querySelector('[data-testid=audit-table]')?.textContent).toContain('No changes recorded yet.');
  });
});

describe('audit formatting', () => {
  it('names the actor, the target and the details', () => {
    expect(auditActor(entry('x', { actor: { userId: 'u', email: null, apiKeyId: null } }))).toBe('user u');
    expect(auditActor(entry('x', { actor: { userId: null, email: null, apiKeyId: null } }))).toBe('Ferry');
    expect(auditTarget(entry('x', { targetType: 'lookup_table', targetId: 'lt-1' }))).toBe('lookup_table lt-1');
    expect(auditDetails(entry('x', { details: { a: null, b: 2, c: 'x' } }))).toEqual(['a: —', 'b: 2', 'c: x']);
  });
});
