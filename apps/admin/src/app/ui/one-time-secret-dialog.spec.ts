import { Clipboard } from '@angular/cdk/clipboard';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { provideAdminTesting } from '../testing/providers';
import { OneTimeSecretDialog, OneTimeSecretDialogData } from './one-time-secret-dialog';

@Component({ template: '' })
class Host {}

describe('OneTimeSecretDialog', () => {
  let loader: HarnessLoader;
  let copy: jest.Mock<boolean, [string]>;

  beforeEach(() => {
    copy = jest.fn<boolean, [string]>().mockReturnValue(true);
    TestBed.configureTestingModule({ providers: [...provideAdminTesting(), { provide: Clipboard, useValue: { copy } }] });
    const fixture = TestBed.createComponent(Host);
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    TestBed.inject(MatDialog).open<OneTimeSecretDialog, OneTimeSecretDialogData>(OneTimeSecretDialog, {
      disableClose: true,
      data: { title: 'Key created', label: 'API key', secret: 'fk_abc.def', intro: 'Use it.', testId: 'api-key-token' },
    });
  });

  it('shows the secret with a warning that it will not be shown again', async () => {
    const dialog = await loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Key created');
    expect(document.querySelector('[data-testid=api-key-token]')?.textContent).toBe('fk_abc.def');
    expect(await dialog.getContentText()).toContain("Copy it now: it won't be shown again.");
  });

  it('copies the secret to the clipboard', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid=copy-secret]' }))).click();
    expect(copy).toHaveBeenCalledWith('fk_abc.def');
  });

  it('says how to copy by hand when the clipboard is not available', async () => {
    copy.mockReturnValue(false);
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid=copy-secret]' }))).click();
    expect(await (await loader.getHarness(MatDialogHarness)).getContentText()).toContain('copy it by hand');
  });

  it('only closes through its button', async () => {
    const dialog = await loader.getHarness(MatDialogHarness);
    await dialog.close(); // Escape / backdrop: ignored
    expect(await loader.getAllHarnesses(MatDialogHarness)).toHaveLength(1);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'I have copied it' }))).click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(await loader.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
  });
});
