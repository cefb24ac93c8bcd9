import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideAdminTesting } from '../../testing/providers';
import { ChangePasswordDialog, ChangePasswordDialogData, ChangePasswordResult } from './change-password-dialog';

/** Gives the harnesses a fixture to drive change detection with. */
@Component({ template: '' })
class Host {}

describe('ChangePasswordDialog', () => {
  let backend: HttpTestingController;
  let loader: HarnessLoader;
  let closedWith: ChangePasswordResult | undefined | 'open';

  function open(required: boolean): void {
    closedWith = 'open';
    TestBed.inject(MatDialog)
      .open<ChangePasswordDialog, ChangePasswordDialogData, ChangePasswordResult>(ChangePasswordDialog, {
        disableClose: required,
        data: { required },
      })
      .afterClosed()
      .subscribe((result) => (closedWith = result));
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideAdminTesting() });
    backend = TestBed.inject(HttpTestingController);
    loader = TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(Host));
  });

  afterEach(() => backend.verify());

  async function fill(current: string, next: string, repeat: string): Promise<void> {
    const container = 'mat-dialog-container ';
    await (await loader.getHarness(MatInputHarness.with({ selector: `${container}[name=currentPassword]` }))).setValue(current);
    await (await loader.getHarness(MatInputHarness.with({ selector: `${container}[name=newPassword]` }))).setValue(next);
    await (await loader.getHarness(MatInputHarness.with({ selector: `${container}[name=repeatPassword]` }))).setValue(repeat);
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid=confirm-change-password]' }))).click();
  }

  const dialogText = () => document.querySelector('mat-dialog-container')?.textContent ?? '';

  it('refuses two different new passwords without calling the API', async () => {
    open(false);
    await fill('old', 'new-password-1', 'new-password-2');
    backend.expectNone('/api/v1/auth/password');
    expect(dialogText()).toContain('The new passwords do not match.');
  });

  it('refuses a new password shorter than the API allows', async () => {
    open(false);
    await fill('old', 'short', 'short');
    backend.expectNone('/api/v1/auth/password');
    expect(dialogText()).toContain('Use at least 12 characters.');
  });

  it('sends the current and new password and closes as changed', async () => {
    open(false);
    await fill('old', 'new-password-1', 'new-password-1');
    const request = backend.expectOne('/api/v1/auth/password');
    expect(request.request.body).toEqual({ currentPassword: 'old', newPassword: 'new-password-1' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((resolve) => setTimeout(resolve));
    expect(closedWith).toBe('changed');
  });

  it('names the wrong field with its label when the API refuses', async () => {
    open(false);
    await fill('wrong', 'new-password-1', 'new-password-1');
    backend.expectOne('/api/v1/auth/password').flush(
      {
        type: 'https://ferry.dev/problems/bad-request',
        title: 'Bad request',
        status: 400,
        detail: 'is wrong',
        errors: [{ field: 'currentPassword', message: 'is wrong' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await new Promise((resolve) => setTimeout(resolve));
    const text = document.querySelector('mat-dialog-container ferry-problem-message')?.textContent?.trim() ?? '';
    expect(text).toBe('Current password: is wrong');
    expect(closedWith).toBe('open');
  });

  it('when required, offers "Sign out" instead of "Cancel" and cannot be dismissed', async () => {
    open(true);
    const dialog = await loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Choose your own password');
    expect(await dialog.getAllHarnesses(MatButtonHarness.with({ text: 'Cancel' }))).toHaveLength(0);
    await dialog.close(); // Escape: ignored
    expect(closedWith).toBe('open');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Sign out' }))).click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(closedWith).toBe('sign-out');
  });
});
