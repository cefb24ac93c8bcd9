import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { TenantSummary } from '@ferry/contracts';
import { firstValueFrom } from 'rxjs';
import { Session } from '../../core/session';
import { membership, meResponse } from '../../testing/fixtures';
import { provideAdminTesting } from '../../testing/providers';
import { TenantsPage } from './tenants-page';

const acme: TenantSummary = { id: 't-acme', name: 'Acme', slug: 'acme', createdAt: '2026-01-01T00:00:00Z' };

describe('TenantsPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<TenantsPage>;
  let element: HTMLElement;
  let loader: HarnessLoader;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideAdminTesting() });
    backend = TestBed.inject(HttpTestingController);
    const login = firstValueFrom(TestBed.inject(Session).login({ email: 'a@b.c', password: 'x' }));
    backend.expectOne('/api/v1/auth/login').flush(meResponse({ isPlatformOperator: true, tenants: [membership('t-acme', 'platform_operator')] }));
    await login;
    fixture = TestBed.createComponent(TenantsPage);
    element = fixture.nativeElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    backend.expectOne({ url: '/api/v1/tenants', method: 'GET' }).flush({ items: [acme], nextCursor: null });
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const rows = () => Array.from(element.querySelectorAll('tr[data-testid=tenant-row]')).map((r) => r.textContent ?? '');

  it('lists the tenants', () => {
    expect(rows()).toEqual([expect.stringContaining('Acme')]);
  });

  it('creates a tenant with a slug suggested from the name, and refreshes the switcher', async () => {
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name=name]' }))).setValue('Initech Corp');
    expect(await (await loader.getHarness(MatInputHarness.with({ selector: '[name=slug]' }))).getValue()).toBe('initech-corp');
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid=create-tenant]' }))).click();

    const request = backend.expectOne({ url: '/api/v1/tenants', method: 'POST' });
    expect(request.request.body).toEqual({ name: 'Initech Corp', slug: 'initech-corp' });
    request.flush({ id: 't-new', name: 'Initech Corp', slug: 'initech-corp', createdAt: '2026-11-27T00:00:00Z' }, { status: 201, statusText: 'Created' });
    const me = meResponse({ isPlatformOperator: true, tenants: [membership('t-acme', 'platform_operator'), membership('t-new', 'platform_operator', 'Initech Corp')] });
    backend.expectOne('/api/v1/auth/me').flush(me);
    await fixture.whenStable();

    expect(rows()[0]).toContain('Initech Corp');
    expect(TestBed.inject(Session).tenants().map((t) => t.tenantId)).toContain('t-new');
  });

  it('validates the slug before calling the API and shows the API\'s errors', async () => {
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name=name]' }))).setValue('X');
    const slug = await loader.getHarness(MatInputHarness.with({ selector: '[name=slug]' }));
    await slug.setValue('Bad Slug');
    const create = await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid=create-tenant]' }));
    await create.click();
    backend.expectNone({ url: '/api/v1/tenants', method: 'POST' });

    await slug.setValue('acme');
    await create.click();
    backend.expectOne({ url: '/api/v1/tenants', method: 'POST' }).flush(
      { type: 'about:blank', title: 'Conflict', status: 409, detail: 'A tenant with this slug exists.', errors: [{ field: 'slug', message: 'is taken' }] },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(element.textContent).toContain('A tenant with this slug exists.');
    expect(element.textContent).toContain('Slug: is taken');
  });
});
