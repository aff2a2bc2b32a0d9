import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type APIRequestContext, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { DemoStatus } from '../src/common/demo.js';
import { buildServerIfStale, npmScriptNodeArgs } from '../scripts/npm-script.js';

export const root = path.resolve(import.meta.dirname, '..');
export const artifacts = path.join(root, 'e2e/artifacts');
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
export const ADMIN_PASSWORD = 'e2e-Admin-2026';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('no port'));
      server.close(() => resolve(address.port));
    });
  });
}

/** Builds the console when dist/web is missing (CI builds it before the journeys), as `npm run build:web` would. */
export function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(root, 'dist/web/index.html'))) return;
  // A child process, so the production build does not inherit vitest's NODE_ENV=test.
  const result = spawnSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('vite build failed');
}

let isServerBuilt = false;

/**
 * Brings the server's build (dist/server) up to date, as `npm start`'s prestart does, once per process: the journeys
 * run the server `npm start` runs, so a source newer than the build is built first rather than left untested.
 */
function ensureServerBuilt(): void {
  if (isServerBuilt) return;
  buildServerIfStale();
  isServerBuilt = true;
}

export type RunningApp = { baseUrl: string; dataDir: string; stop: () => Promise<void>; output: () => string };

/** City-wide demo members of a journey's server: some in every district, loaded in seconds rather than minutes. */
const E2E_DEMO_MEMBERS = 20_000;

declare module 'vitest' {
  export interface ProvidedContext {
    /** The data directory of a server that loaded the whole demo and shut down cleanly (e2e/global-setup.ts). */
    e2eDemoDataDir: string;
  }
}

/** Options of `startApp`: the default copies the prepared demo; `fresh` loads the demo anew, as a first `npm start`. */
export type StartOptions = { demoMembers?: number; fresh?: boolean; keepDataDir?: boolean };

/** The prepared demo's data directory, when the journeys' global setup made one. */
function preparedDemo(): string | undefined {
  const dir = inject('e2eDemoDataDir');
  return dir && fs.existsSync(dir) ? dir : undefined;
}

/**
 * `npm start` in miniature: the real server process, as built and started by `npm start` (`node <its options> dist/server/main.js`), on a free port with its
 * own data directory. By default that directory is a copy of the demo the global setup loaded once (a restart of a
 * demo that finished loading); `fresh` starts from an empty directory with small demo data (`demoMembers` city-wide,
 * loading in the background after the first answer; 0 for none), as a newcomer's first `npm start` does.
 */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  ensureServerBuilt();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-e2e-'));
  const template = options.fresh ? undefined : preparedDemo();
  if (template) fs.cpSync(template, dataDir, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, npmScriptNodeArgs('start'), {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      GONGHUI_DATA_DIR: dataDir,
      GONGHUI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      GONGHUI_DEMO_SCALE: '1',
      GONGHUI_DEMO_MEMBERS: String(options.demoMembers ?? E2E_DEMO_MEMBERS),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    // A clean shutdown closes the database; a directory kept as the demo for the others gets the time that takes.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, options.keepDataDir ? 60_000 : 10_000)))]);
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
    if (!options.keepDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const until = Date.now() + 240_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { baseUrl, dataDir, stop, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the server did not start:\n${output}`);
}

/** Waits until the background demo loader is done (GET /api/public/demo-status), so counts stay put. */
export async function waitForDemo(baseUrl: string, timeoutMs = 240_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const status = DemoStatus.parse(await (await fetch(`${baseUrl}/api/public/demo-status`)).json());
    if (!status.loading) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the demo data was still loading after ${timeoutMs / 1000} s`);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Signs in on the login page and waits for the console (the 工作台 or a deep link) to take its place. */
export async function signIn(page: Page, baseUrl: string, username = 'admin', password = ADMIN_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.getByTestId('user-menu').waitFor();
}

/**
 * The first sign-in of an account made with a generated password (a cashier, a judge, a referee): the console asks
 * for a new password before anything else; answered, it opens the console.
 */
export async function signInFirstTime(
  page: Page,
  baseUrl: string,
  username: string,
  firstPassword: string,
  newPassword: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(firstPassword);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('forced-password-card').waitFor();
  await page.getByTestId('password-current').fill(firstPassword);
  await page.getByTestId('password-new').fill(newPassword);
  await page.getByTestId('password-confirm').fill(newPassword);
  await page.getByTestId('password-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Signs in through the API, for a request context that sets up data. */
export async function signInApi(request: APIRequestContext, baseUrl: string, username: string, password: string): Promise<void> {
  const response = await request.post(`${baseUrl}/api/auth/login`, { data: { username, password } });
  if (!response.ok()) throw new Error(`sign-in of ${username} failed: ${response.status()} ${await response.text()}`);
}

/** The server and Chromium of one journey: started before its tests (with the console built), stopped after. */
export type Journey = { readonly app: RunningApp; readonly browser: Browser };

/** Registers the start and stop of a journey's server and browser in the enclosing `describe`; read them in its tests. */
export function useJourney(options: StartOptions = {}): Journey {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    ensureWebBuilt();
    app = await startApp(options);
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the journey has not started');
    return value;
  };
  return {
    get app() {
      return started(app);
    },
    get browser() {
      return started(browser);
    },
  };
}

type Answer = { ok(): boolean; status(): number; text(): Promise<string> };

/** The JSON of an API answer, or an error naming the status and body: a journey's setup through the API. */
export async function json<T>(answer: Promise<Answer>): Promise<T> {
  const response = await answer;
  const text = await response.text();
  if (!response.ok()) throw new Error(`${response.status()} ${text}`);
  return JSON.parse(text) as T;
}

/** A worker to admit: the application's fields (the employer and form of employment default to a plain employee's). */
export type Applicant = { name: string; idNumber: string; phone: string; employerName?: string; employmentForm?: string };

/**
 * Admits a worker to the union `orgId` as the console's review queue would — an application through the cadres'
 * route, then approved — and answers the new member's id: a journey's setup through the API.
 */
export async function admitMember(admin: APIRequestContext, baseUrl: string, orgId: number, applicant: Applicant): Promise<number> {
  const { trackingCode } = await json<{ trackingCode: string }>(
    admin.post(`${baseUrl}/api/applications`, { data: { employmentForm: 'standard', ...applicant, orgId } }),
  );
  const pending = await json<{ items: { id: number; trackingCode: string }[] }>(
    admin.get(`${baseUrl}/api/applications?orgId=${orgId}&status=pending&limit=200`),
  );
  const application = pending.items.find((a) => a.trackingCode === trackingCode);
  if (!application) throw new Error(`the application of ${applicant.name} is not in the review queue`);
  const decided = await json<{ approved: number }>(
    admin.post(`${baseUrl}/api/applications/decisions`, { data: { ids: [application.id], decision: 'approve' } }),
  );
  if (decided.approved !== 1) throw new Error(`the application of ${applicant.name} was not approved`);
  const found = await json<{ items: { id: number }[] }>(admin.get(`${baseUrl}/api/members?orgId=${orgId}&q=${applicant.idNumber}`));
  if (!found.items[0]) throw new Error(`${applicant.name} is not among the members`);
  return found.items[0].id;
}

/**
 * The one-time code last sent for `purpose` to the phone ending in `last4`, read from the admin's outbox (there is no
 * SMS gateway here); polls until it arrives.
 */
export async function codeFromOutbox(admin: APIRequestContext, baseUrl: string, last4: string, purpose = 'sign_in_code'): Promise<string> {
  for (let i = 0; i < 120; i++) {
    const outbox = await json<{ items: { purpose: string; phoneMasked: string; textZh: string }[] }>(
      admin.get(`${baseUrl}/api/messages?limit=20`),
    );
    const message = outbox.items.find((m) => m.purpose === purpose && m.phoneMasked.endsWith(last4));
    const code = message && /(\d{6})/u.exec(message.textZh)?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 250)); // polling the outbox, not a timed assertion
  }
  throw new Error(`no ${purpose} in the outbox for …${last4}`);
}

/**
 * Opens a page from a group of the top menu (活动与福利 …): hovers the group, clicks the entry and waits until the
 * address is the entry's page. On a loaded machine a click can land while the submenu is still opening and be lost
 * (the page stays where it was), so the hover and click are tried again, up to three times — waiting on the address,
 * never a fixed sleep.
 */
export async function openFromMenu(page: Page, group: string, entry: string, pathname: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    // The pointer leaves the bar first: hovering where it already rests would not open a submenu that closed.
    await page.mouse.move(0, 0);
    await page.getByTestId(`nav-${group}`).hover();
    try {
      await page.getByTestId(entry).click({ timeout: 20_000 });
      await page.waitForURL((url) => url.pathname === pathname, { timeout: 20_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/**
 * Clicks `target` until `shown` appears. On a loaded machine a click can land while the page still moves (a list
 * growing above the button, a cover image arriving) and be lost; the click is tried again, up to three times, only
 * while `target` is still there — so use it for actions that are safe to repeat (a sign-up keeps its key until the
 * server answers, and a second one is refused, not counted).
 */
export async function clickUntilShown(target: Locator, shown: Locator, tries = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await target.isVisible()) await target.click({ timeout: 10_000 }).catch(() => undefined);
    try {
      await shown.waitFor({ timeout: 20_000 });
      return;
    } catch (error) {
      if (attempt >= tries) throw error;
    }
  }
}

/** The journeys' screens: a laptop, a common phone and a small one. */
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };
export const SMALL_PHONE = { width: 375, height: 812 };

/** Saves a screenshot to e2e/artifacts/<name>.png once antd's motion has settled. */
export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage });
}
