import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import {
  MappingDraft,
  MappingImpactReport,
  MappingPublishResult,
  MappingSample,
  MappingTestReport,
  MappingVersionSummary,
  TENANT_HEADER,
  TenantRole,
} from '@ferry/contracts';
import { DEFAULT_ORDER_MAPPING, TYPICAL_SHOPIFY_ORDER, TYPICAL_SHOPIFY_ORDER_DEFAULTS } from '@ferry/mapping';
import { membership } from '../../testing/fixtures';
import { eventualRequest, settle, signedIn } from '../../testing/signed-in';
import { MappingWorkspace } from './mapping-workspace';
import { MappingsPage } from './mappings-page';

@Component({ template: '' })
class Blank {}

const routes = [{ path: '**', component: Blank }];
const api = '/api/v1/mappings/orders';

function draft(overrides: Partial<MappingDraft> = {}): MappingDraft {
  return {
    flow: 'orders',
    definition: DEFAULT_ORDER_MAPPING,
    baseVersion: 2,
    revision: 3,
    updatedAt: '2026-11-02T10:00:00.000Z',
    updatedBy: 'ada@acme.test',
    unchanged: true,
    ...overrides,
  };
}

function sample(key: string, overrides: Partial<MappingSample> = {}): MappingSample {
  return {
    key,
    label: '#1042',
    status: 'imported',
    occurredAt: '2026-11-02T09:14:03.000Z',
    input: TYPICAL_SHOPIFY_ORDER,
    context: { defaults: TYPICAL_SHOPIFY_ORDER_DEFAULTS, runAt: '2026-11-02T10:00:00Z' },
    mappedWithVersion: 2,
    output: null,
    openError: null,
    ...overrides,
  };
}

const passing: MappingTestReport = { passed: 1, failed: 0, results: [{ name: 'Typical order', passed: true, differences: [], issues: [] }] };

function impact(overrides: Partial<MappingImpactReport> = {}): MappingImpactReport {
  return { comparedWithVersion: 2, total: 10, changed: 0, unchanged: 10, newlyBroken: 0, newlyFixed: 0, fieldCounts: {}, records: [], ...overrides };
}

/** Waits until `check` holds, re-rendering meanwhile (the preview runs after a debounce, off the test's clock). */
async function until(fixture: ComponentFixture<unknown>, check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await fixture.whenStable();
    fixture.detectChanges();
    if (check()) return;
    if (Date.now() > deadline) throw new Error('Condition not met in time.');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// The page renders ~50 CodeMirror editors and runs jsonata in jsdom: slower than the other specs.
jest.setTimeout(20000);

describe('MappingsPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<MappingsPage>;
  let element: HTMLElement;
  let workspace: MappingWorkspace;

  const q = (testId: string) => element.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  const qDoc = (testId: string) => document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

  async function open(options: { role?: TenantRole; errorId?: string; samples?: MappingSample[] } = {}): Promise<void> {
    backend = await signedIn([membership('t-acme', options.role ?? 'pro_services', 'Acme')], { routes });
    fixture = TestBed.createComponent(MappingsPage);
    fixture.componentRef.setInput('flow', 'orders');
    if (options.errorId) fixture.componentRef.setInput('errorId', options.errorId);
    element = fixture.nativeElement;
    workspace = fixture.debugElement.injector.get(MappingWorkspace);
    await fixture.whenStable();
    const draftRequest = backend.expectOne({ url: `${api}/draft`, method: 'GET' });
    expect(draftRequest.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    draftRequest.flush(draft());
    await fixture.whenStable();
    const list = backend.expectOne((r) => r.url === `${api}/samples` && !r.params.has('errorId'));
    expect(list.request.params.get('status')).toBe('all');
    list.flush(options.samples ?? [sample('s-1'), sample('s-2', { label: '#1043', status: 'failed', openError: { id: 'e-9', category: 'validation_error', message: 'Too long', field: 'po_number' } })]);
    await fixture.whenStable();
  }

  afterEach(() => {
    backend.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => (e.innerHTML = ''));
  });

  it('lists the field rules with their target rules and previews the first recent record in the browser', async () => {
    await open();
    await until(fixture, () => q('mapping-preview-time') !== null);
    expect(q('mapping-preview-status')?.dataset['ok']).toBe('true');
    expect(Number(q('mapping-preview-time')?.dataset['ms'])).toBeGreaterThan(0);
    expect(q('mapping-sample-current')?.dataset['key']).toBe('s-1');
    expect(q('rule-value-ref_id')?.textContent).toBe('"#1042"');
    expect(q('rule-status-ref_id')?.dataset['status']).toBe('valid');
    expect(q('rule-constraints-po_number')?.textContent).toContain('max 15');
    expect(q('rule-value-details[].sku')?.textContent).toBe('["WB-1000-BLK","CB-220"]');
    expect(q('mapping-sample-s-2')?.querySelector('[data-testid=mapping-sample-error]')?.textContent).toContain('po_number: Too long');
    // The editors are CodeMirror, their editable element carries the hook.
    expect(q('rule-expression-ref_id')?.getAttribute('contenteditable')).toBe('true');
    expect(q('rule-expression-ref_id')?.textContent).toBe('name');
    expect(q('read-only')).toBeNull();
    expect(q('mapping-publish')).not.toBeNull();
  });

  it('shows an over-long value as invalid beside its rule, and a syntax error with its position', async () => {
    await open();
    await until(fixture, () => q('mapping-preview-time') !== null);
    const index = DEFAULT_ORDER_MAPPING.fieldRules.findIndex((r) => r.target === 'po_number');
    workspace.updateRule(index, { expression: 'name & " for the New York warehouse"' });
    await until(fixture, () => q('rule-status-po_number')?.dataset['status'] === 'invalid');
    expect(q('rule-issue-po_number')?.dataset['rule']).toBe('maxLength');
    expect(q('mapping-preview-status')?.dataset['ok']).toBe('false');

    workspace.updateRule(index, { expression: 'name &\n )' });
    await until(fixture, () => q('rule-status-po_number')?.dataset['status'] === 'error');
    expect(q('rule-error-po_number')?.textContent).toContain('(line 2, column');
    // The marker is in the editor, at the engine's position.
    await until(fixture, () => element.querySelector('[data-testid="mapping-rule"][data-target="po_number"] .cm-lintRange-error') !== null);
    (await eventualRequest(backend, { url: `${api}/draft`, method: 'PUT' })).flush(draft({ revision: 4, unchanged: false }));
  });

  it('autosaves the draft a second after the last change with the revision last seen, and stops on a conflict', async () => {
    await open();
    const index = DEFAULT_ORDER_MAPPING.fieldRules.findIndex((r) => r.target === 'po_number');
    workspace.updateRule(index, { expression: '$truncate(name, 15)' });
    workspace.updateRule(index, { expression: '$truncate(name, 14)' });
    fixture.detectChanges();
    expect(q('mapping-save-status')?.dataset['state']).toBe('pending');
    expect(backend.match({ url: `${api}/draft`, method: 'PUT' })).toHaveLength(0);
    const save = await eventualRequest(backend, { url: `${api}/draft`, method: 'PUT' });
    expect(save.request.body.revision).toBe(3);
    expect(save.request.body.definition.fieldRules[index].expression).toBe('$truncate(name, 14)');
    save.flush(draft({ revision: 4, unchanged: false }));
    await until(fixture, () => q('mapping-save-status')?.dataset['state'] === 'saved');

    workspace.updateRule(index, { expression: 'name' });
    const second = await eventualRequest(backend, { url: `${api}/draft`, method: 'PUT' });
    expect(second.request.body.revision).toBe(4);
    second.flush({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'The draft was changed by someone else.' }, { status: 409, statusText: 'Conflict' });
    await until(fixture, () => q('mapping-save-status')?.dataset['state'] === 'conflict');
    expect(q('mapping-reload-draft')).not.toBeNull();
  });

  it('opens the record of an error from the monitor as the sample', async () => {
    backend = await signedIn([membership('t-acme', 'tenant_admin', 'Acme')], { routes });
    fixture = TestBed.createComponent(MappingsPage);
    fixture.componentRef.setInput('flow', 'orders');
    fixture.componentRef.setInput('errorId', 'e-9');
    element = fixture.nativeElement;
    await fixture.whenStable();
    backend.expectOne({ url: `${api}/draft`, method: 'GET' }).flush(draft());
    await fixture.whenStable();
    backend.expectOne((r) => r.url === `${api}/samples` && !r.params.has('errorId')).flush([sample('s-1')]);
    const failed = sample('s-7', { label: '#1077', status: 'failed', openError: { id: 'e-9', category: 'validation_error', message: 'Too long', field: 'po_number' } });
    backend.expectOne((r) => r.url === `${api}/samples` && r.params.get('errorId') === 'e-9').flush([failed]);
    await until(fixture, () => q('mapping-sample-current')?.dataset['key'] === 's-7');
    expect(q('mapping-sample-current-error')?.textContent).toContain('po_number: Too long');
  });

  it('is read-only for viewers: no publish, rollback, import or rule removal', async () => {
    await open({ role: 'tenant_viewer' });
    expect(q('read-only')).not.toBeNull();
    for (const hook of ['mapping-publish', 'mapping-import-button', 'mapping-discard', 'mapping-add-rule', 'rule-remove-ref_id']) expect(q(hook)).toBeNull();
    expect(q('mapping-export')).not.toBeNull();
    await until(fixture, () => q('rule-expression-ref_id') !== null);
    expect(q('rule-expression-ref_id')?.getAttribute('contenteditable')).toBe('false');
  });

  it('publishes after the tests and the impact preview, asking for confirmation when records break, then replays', async () => {
    await open();
    q('mapping-publish')?.click();
    await settle(fixture);
    const tests = backend.expectOne({ url: `${api}/draft/test`, method: 'POST' });
    expect(tests.request.body.definition.flow).toBe('orders');
    tests.flush(passing);
    const impactRequest = backend.expectOne({ url: `${api}/draft/impact`, method: 'POST' });
    expect(impactRequest.request.body.limit).toBe(50);
    impactRequest.flush(
      impact({
        changed: 2,
        newlyBroken: 1,
        newlyFixed: 1,
        fieldCounts: { po_number: 2 },
        records: [
          { key: 'r-1', label: '#1001', before: 'valid', after: 'invalid', differences: [{ path: 'po_number', kind: 'changed', before: '#1001', after: 'X' }], afterIssues: ['po_number: too long'] },
        ],
      }),
    );
    await settle(fixture);
    expect(qDoc('publish-impact-broken')?.dataset['count']).toBe('1');
    expect(qDoc('publish-impact-field')?.dataset['field']).toBe('po_number');
    const submit = qDoc('publish-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    (qDoc('publish-confirm-breaking')?.querySelector('input') as HTMLInputElement).click();
    await settle(fixture);
    expect(submit.disabled).toBe(false);
    const note = qDoc('publish-note') as HTMLInputElement;
    note.value = 'PO number from the order name';
    note.dispatchEvent(new Event('input'));
    submit.click();
    await settle(fixture);
    const save = backend.expectOne({ url: `${api}/draft`, method: 'PUT' });
    expect(save.request.body.revision).toBeUndefined();
    save.flush(draft({ revision: 4, unchanged: false }));
    const publish = backend.expectOne({ url: `${api}/draft/publish`, method: 'POST' });
    expect(publish.request.body).toEqual({ note: 'PO number from the order name', confirmBreaking: true });
    const result: MappingPublishResult = {
      version: { id: 'v-3', flow: 'orders', version: 3, contentHash: 'sha256:x', note: 'PO', publishedAt: '2026-11-02T11:00:00Z', publishedBy: 'ada', active: true, definition: DEFAULT_ORDER_MAPPING },
      tests: passing,
      impact: impact(),
      replay: { version: 3, openErrors: 4, resolvable: 2, errorIds: ['e-1', 'e-2'] },
    };
    publish.flush(result);
    await settle(fixture);
    expect(qDoc('publish-done')?.dataset['version']).toBe('3');
    expect(qDoc('publish-resolvable')?.dataset['count']).toBe('2');
    qDoc('publish-replay')?.click();
    const replay = backend.expectOne({ url: `${api}/replay`, method: 'POST' });
    expect(replay.request.body).toEqual({ errorIds: ['e-1', 'e-2'] });
    replay.flush({ replayed: 2, errorIds: ['e-1', 'e-2'] });
    await settle(fixture);
    expect(qDoc('publish-replay-result')?.dataset['count']).toBe('2');
    qDoc('publish-close')?.click();
    await settle(fixture);
    backend.expectOne({ url: `${api}/draft`, method: 'GET' }).flush(draft({ baseVersion: 3 }));
    await settle(fixture);
    expect(q('mapping-draft-info')?.dataset['baseVersion']).toBe('3');
  });

  it('shows the failing tests the API refuses a publish with (422)', async () => {
    await open();
    q('mapping-publish')?.click();
    await settle(fixture);
    backend.expectOne({ url: `${api}/draft/test`, method: 'POST' }).flush(passing);
    backend.expectOne({ url: `${api}/draft/impact`, method: 'POST' }).flush(impact());
    await settle(fixture);
    (qDoc('publish-submit') as HTMLButtonElement).click();
    await settle(fixture);
    backend.expectOne({ url: `${api}/draft`, method: 'PUT' }).flush(draft({ revision: 4 }));
    const failing: MappingTestReport = {
      passed: 0,
      failed: 1,
      results: [{ name: 'Typical order', passed: false, differences: [{ path: 'po_number', kind: 'changed', before: '#1042', after: 'X' }], issues: [] }],
    };
    backend
      .expectOne({ url: `${api}/draft/publish`, method: 'POST' })
      .flush(
        { type: 'about:blank', title: 'Mapping test cases fail', status: 422, detail: '1 test case fails: Typical order. Nothing was published.', tests: failing },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await settle(fixture);
    expect(qDoc('mapping-tests-summary')?.dataset['failed']).toBe('1');
    const diff = qDoc('mapping-test-diff');
    expect(diff?.dataset['path']).toBe('po_number');
    expect(diff?.querySelector('.expected')?.textContent).toBe('"#1042"');
    expect(diff?.querySelector('.actual')?.textContent).toBe('"X"');
    expect(qDoc('publish-tests-fail')).not.toBeNull();
    expect((qDoc('publish-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(qDoc('publish-problem')?.textContent).toContain('Nothing was published');
  });

  it('exports the mapping as a JSON file and imports a file as the draft', async () => {
    const createObjectURL = jest.fn().mockReturnValue('blob:json');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await open();
    q('mapping-export')?.click();
    backend.expectOne({ url: `${api}/export`, method: 'GET' }).flush(JSON.stringify(DEFAULT_ORDER_MAPPING));
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('ferry-orders-mapping.json');
    click.mockRestore();

    const imported = { ...DEFAULT_ORDER_MAPPING, fieldRules: [{ target: 'ref_id', expression: 'name' }] };
    const file = new File([JSON.stringify(imported)], 'mapping.json', { type: 'application/json' });
    const input = q('mapping-import') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    const request = await eventualRequest(backend, { url: `${api}/import`, method: 'POST' });
    expect(request.request.body).toEqual(imported);
    request.flush(draft({ definition: imported, revision: 9, unchanged: false }));
    await until(fixture, () => element.querySelectorAll('[data-testid=mapping-rule]').length === 1);
    expect(workspace.definition()?.fieldRules).toEqual([{ target: 'ref_id', expression: 'name' }]);
  });

  it('refuses an import file that is not JSON without calling the API', async () => {
    await open();
    const input = q('mapping-import') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['{ nope'], 'bad.json')], configurable: true });
    input.dispatchEvent(new Event('change'));
    await until(fixture, () => (q('mapping-problem')?.textContent ?? '').includes('bad.json is not valid JSON'));
    expect(backend.match({ url: `${api}/import` })).toHaveLength(0);
  });

  it('shows the history with the diff of a version and rolls back after confirmation', async () => {
    await open();
    (element.querySelector('[data-testid=mapping-tab-history]') as HTMLElement).click();
    await settle(fixture);
    const versions: MappingVersionSummary[] = [
      { id: 'v-2', flow: 'orders', version: 2, contentHash: 'sha256:b', note: 'PO from name', publishedAt: '2026-11-02T10:00:00Z', publishedBy: 'ada@acme.test', active: true },
      { id: 'v-1', flow: 'orders', version: 1, contentHash: 'sha256:a', note: 'Default mapping', publishedAt: '2026-11-01T10:00:00Z', publishedBy: null, active: false },
    ];
    backend.expectOne({ url: `${api}/versions`, method: 'GET' }).flush(versions);
    await settle(fixture);
    const rows = Array.from(element.querySelectorAll<HTMLElement>('[data-testid=mapping-version-row]'));
    expect(rows.map((r) => [r.dataset['version'], r.dataset['active']])).toEqual([
      ['2', 'true'],
      ['1', 'false'],
    ]);
    expect(rows[0].textContent).toContain('ada@acme.test');
    expect(q('mapping-version-rollback-2')).toBeNull();
    q('mapping-version-diff-2')?.click();
    backend.expectOne({ url: `${api}/versions/2/diff`, method: 'GET' }).flush({
      flow: 'orders',
      version: 2,
      against: 1,
      rules: [{ target: 'po_number', change: 'changed', before: '$truncate(poNumber, 15)', after: '$truncate(name, 15)' }],
      documentExpression: null,
      lookupTables: [],
      testCases: [],
    });
    await settle(fixture);
    expect(q('mapping-diff-rule')?.dataset['target']).toBe('po_number');
    expect(q('mapping-diff-rule')?.textContent).toContain('$truncate(name, 15)');

    q('mapping-version-rollback-1')?.click();
    await settle(fixture);
    qDoc('confirm')?.click();
    await settle(fixture);
    const rollback = backend.expectOne({ url: `${api}/versions/1/rollback`, method: 'POST' });
    rollback.flush({ ...versions[1], id: 'v-3', version: 3, active: true, definition: DEFAULT_ORDER_MAPPING });
    await settle(fixture);
    backend.expectOne({ url: `${api}/versions`, method: 'GET' }).flush(versions);
    backend.expectOne({ url: `${api}/draft`, method: 'GET' }).flush(draft({ baseVersion: 3 }));
    await settle(fixture);
  });
});
