import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { Session } from '../../core/session';
import { meResponse } from '../../testing/fixtures';
import { provideAdminTesting } from '../../testing/providers';
import { LoginPage } from './login-page';

@Component({ template: '' })
class Blank {}

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let demoQuestion: TestRequest;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: provideAdminTesting([
        { path: 'home', component: Blank },
        { path: 'api-keys', component: Blank },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
    // The page asks once whether this is the npm start demo; unanswered, it shows no demo note.
    demoQuestion = backend.expectOne({ url: '/api/v1/health/live', method: 'GET' });
  });

  async function answerDemoMode(demoMode: boolean): Promise<void> {
    demoQuestion.flush({ status: 'ok', demoMode });
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  it('says where the demo credentials are in demo mode, without ever showing a password', async () => {
    await answerDemoMode(true);
    const note = element.querySelector('[data-testid=login-demo-note]')?.textContent ?? '';
    expect(note).toContain('Demo mode');
    expect(note).toContain('.ferry/demo-credentials.json');
  });

  it('shows no demo note otherwise', async () => {
    await answerDemoMode(false);
    expect(element.querySelector('[data-testid=login-demo-note]')).toBeNull();
  });

  function type(name: string, value: string): void {
    const input = element.querySelector<HTMLInputElement>(`input[name=${name}]`);
    if (!input) throw new Error(`no input ${name}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(email = 'ada@acme.test', password = 'secret'): Promise<void> {
    type('email', email);
    type('password', password);
    element.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
  }

  const errorText = () => element.querySelector('[data-testid=login-error]')?.textContent?.trim();

  it('has the form hooks the browser tests rely on', () => {
    expect(element.querySelector('input[name=email]')).not.toBeNull();
    expect(element.querySelector('input[name=password][type=password]')).not.toBeNull();
    expect(element.querySelector('button[type=submit]')).not.toBeNull();
  });

  it('does not call the API while the form is invalid', async () => {
    await submit('not-an-email', '');
    backend.expectNone('/api/v1/auth/login');
    expect(element.textContent).toContain('Enter a valid email address.');
  });

  it('signs in and goes to the start page (/home)', async () => {
    await submit();
    const request = backend.expectOne('/api/v1/auth/login');
    expect(request.request.body).toEqual({ email: 'ada@acme.test', password: 'secret' });
    request.flush(meResponse());
    await fixture.whenStable();
    expect(TestBed.inject(Session).user()?.email).toBe('ada@acme.test');
    expect(TestBed.inject(Router).url).toBe('/home');
  });

  it('returns to the page the guard came from', async () => {
    fixture.componentRef.setInput('returnUrl', '/api-keys');
    await submit();
    backend.expectOne('/api/v1/auth/login').flush(meResponse());
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/api-keys');
  });

  it('never follows a return URL to another origin', async () => {
    fixture.componentRef.setInput('returnUrl', '//evil.example/x');
    await submit();
    backend.expectOne('/api/v1/auth/login').flush(meResponse());
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/home');
  });

  it("shows the API's answer to wrong credentials (401) and clears the password", async () => {
    await submit();
    backend
      .expectOne('/api/v1/auth/login')
      .flush(
        { type: 'https://ferry.dev/problems/unauthenticated', title: 'Not authenticated', status: 401, detail: 'Email or password is wrong.' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();
    expect(errorText()).toBe('Email or password is wrong.');
    expect(element.querySelector<HTMLInputElement>('input[name=password]')?.value).toBe('');
    expect(TestBed.inject(Session).isSignedIn()).toBe(false);
  });

  it('says so itself when a 401 comes without a problem document', async () => {
    await submit();
    backend.expectOne('/api/v1/auth/login').flush('', { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(errorText()).toBe('Wrong email or password.');
  });

  it('shows the wait from Retry-After when throttled (429)', async () => {
    await submit();
    backend
      .expectOne('/api/v1/auth/login')
      .flush(
        { type: 'about:blank', title: 'Too Many Requests', status: 429, detail: 'Too many attempts' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '120' } },
      );
    await fixture.whenStable();
    expect(errorText()).toBe('Too many sign-in attempts. Try again in 2 minutes.');
  });

  it('shows the problem detail of other errors', async () => {
    await submit();
    backend
      .expectOne('/api/v1/auth/login')
      .flush({ type: 'about:blank', title: 'Unavailable', status: 503, detail: 'Database is starting.' }, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(errorText()).toBe('Database is starting.');
  });
});
