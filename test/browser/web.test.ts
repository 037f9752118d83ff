import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, ensureWebBuilt, hasChromium, startFixtureServer } from './harness.js';
import { ASTANA_ID, ASTANA_PARAGRAPHS, HOSTILE_ID, IMG_TEXT, REVISED_ID, SCRIPT_TEXT } from './fixtures.js';

/**
 * The web app in a real browser (Debian's Chromium driven by playwright-core) against a real
 * server on loopback. Skips with a message when Chromium is absent (apt-get install chromium).
 * Screenshots go to test-artifacts/.
 */
const present = hasChromium();
if (!present) console.warn(`web.test.ts: skipped, no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

const UPLOAD_LIMIT = 64 * 1024;
let browser: Browser;
let app: FastifyInstance;
let base: string;
let page: Page;
const dialogs: string[] = [];
const foreignRequests: string[] = [];
const pageErrors: string[] = [];

async function shot(name: string, fullPage = false) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

describe.skipIf(!present)('web app in Chromium', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    ({ app, url: base } = await startFixtureServer({ maxUploadBytes: UPLOAD_LIMIT }));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreignRequests.push(r.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the library with documents and counts', async () => {
    await page.goto(`${base}/#/`);
    await page.waitForSelector('table.docs tbody tr');
    expect(await page.locator('table.docs tbody tr').count()).toBe(11);
    await page.selectOption('select >> nth=0', 'sco');
    expect(await page.locator('table.docs tbody tr').count()).toBe(3);
    await shot('library');
  });

  it('opens the reader with every paragraph and highlights', async () => {
    await page.goto(`${base}/#/doc/${ASTANA_ID}`);
    await page.waitForSelector('article.para');
    expect(await page.locator('article.para').count()).toBe(ASTANA_PARAGRAPHS);
    expect(await page.locator('mark.hl.ent-organization').count()).toBeGreaterThan(10);
    expect(await page.locator('mark.hl.act').count()).toBeGreaterThan(10);
    expect(await page.locator('article.para.commitment').count()).toBeGreaterThan(0);
    // Paragraph 1's first organisation mention carries its canonical id on hover.
    const title = await page.locator('#para_1 mark.ent-organization').first().getAttribute('title');
    expect(title).toContain('id: sco');
    // Export links for every registered format; the JSON one answers with the document.
    await expect.poll(() => page.locator('.exports a').count()).toBeGreaterThanOrEqual(2);
    const jsonHref = await page.locator('.exports a', { hasText: /^json$/ }).getAttribute('href');
    const exported = await page.request.get(`${base}${jsonHref}`);
    expect(exported.status()).toBe(200);
    expect(((await exported.json()) as { paragraphs: unknown[] }).paragraphs).toHaveLength(ASTANA_PARAGRAPHS);
    await shot('reader');
  });

  it('shows who endorses a subset paragraph and who is absent', async () => {
    const subset = page.locator('article.para .badge.subset').first();
    expect(await subset.count()).toBe(1);
    expect(await subset.textContent()).toMatch(/endorsed by/);
  });

  it('toggles highlights by type and all at once', async () => {
    const orgs = await page.locator('mark.ent-organization').count();
    await page.locator('input[data-toggle="entity:organization"]').uncheck();
    expect(await page.locator('mark.ent-organization').count()).toBe(0);
    expect(await page.locator('mark.act').count()).toBeGreaterThan(0);
    await page.locator('input[data-toggle="entity:organization"]').check();
    expect(await page.locator('mark.ent-organization').count()).toBe(orgs);
    await page.getByRole('button', { name: 'All off' }).click();
    expect(await page.locator('mark.hl').count()).toBe(0);
    await shot('reader-highlights-off');
    await page.getByRole('button', { name: 'All on' }).click();
    expect(await page.locator('mark.hl').count()).toBeGreaterThan(0);
  });

  it('shows the selected paragraph in the side panel and links findings to their words', async () => {
    await page.locator('#para_1').click();
    await expect.poll(() => page.locator('aside.side h2').textContent()).toContain('para_1');
    const finding = page.locator('aside.side button.finding').first();
    await finding.click();
    expect(await page.locator('#para_1 mark.active').count()).toBeGreaterThan(0);
  });

  it('follows a deep link to a paragraph', async () => {
    await page.goto(`${base}/#/doc/${ASTANA_ID}#para_66`);
    await page.waitForSelector('#para_66.selected');
    const inView = await page.locator('#para_66').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    });
    expect(inView).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('para_66');
    await shot('reader-deep-link');
  });

  it('moves between paragraphs with the keyboard', async () => {
    await page.locator('#para_66').focus();
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('para_67');
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('para_66');
  });

  it('searches with facets and links a hit into the reader', async () => {
    await page.goto(`${base}/#/search`);
    await page.fill('#q', 'terrorisme');
    await page.keyboard.press('Enter');
    await page.waitForSelector('li.hit');
    expect(await page.locator('li.hit').count()).toBeGreaterThan(3);
    const marked = await page.locator('li.hit mark.match').first().textContent();
    expect(marked?.toLowerCase()).toMatch(/^terroris/);
    expect(await page.locator('aside.facets button.facet').count()).toBeGreaterThan(2);
    await shot('search');
    await page.locator('li.hit a.hit-link').first().click();
    await page.waitForSelector('article.para.selected');
    expect(page.url()).toMatch(/#\/doc\/.+#para_\d+$/);
  });

  it('compares two documents side by side with changes marked', async () => {
    await page.goto(`${base}/#/compare?a=${ASTANA_ID}&b=${REVISED_ID}`);
    await page.waitForSelector('.diff-row[data-change]');
    expect(await page.locator('.diff-row[data-change="changed"]').count()).toBe(1);
    expect(await page.locator('.diff-row[data-change="dropped"]').count()).toBe(1);
    expect(await page.locator('.diff-row[data-change="added"]').count()).toBe(1);
    expect(await page.locator('.diff-row[data-change="changed"] ins').first().textContent()).toContain('attente');
    // The revised copy dropped paragraph 3's actions (fixtures.ts): the change is named under the row.
    expect(await page.locator('.diff-row[data-change="changed"] .diff-notes').textContent()).toMatch(/actions: .+ → none/);
    await page.getByLabel('only changes').check();
    expect(await page.locator('.diff-row[data-change]').count()).toBe(3);
    await shot('compare');
  });

  it('shows the dashboard with charts and the offline map', async () => {
    await page.goto(`${base}/#/dash/${ASTANA_ID}`);
    await page.waitForSelector('svg.map path.named');
    expect(await page.locator('svg.map path.named').count()).toBeGreaterThan(3);
    expect(await page.locator('.chart svg').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.timeline li').count()).toBeGreaterThan(3);
    await shot('dashboard', true);
  });

  it('opens the organisation page from the library', async () => {
    await page.goto(`${base}/#/`);
    await page.waitForSelector('table.docs tbody tr');
    await page.locator('table.docs a[href="#/org/sco"]').first().click();
    await page.waitForURL(/#\/org\/sco$/);
    await page.waitForSelector('main section');
    await expect.poll(async () => (await page.locator('main').textContent())?.length ?? 0).toBeGreaterThan(50);
    expect(await page.locator('main .error').count()).toBe(0);
    await shot('org', true);
  });

  it('lists items and shows a timeline', async () => {
    await page.goto(`${base}/#/items`);
    await page.waitForSelector('.item-list li a');
    await page.locator('.item-list li a').first().click();
    await page.waitForSelector('.item-detail .timeline li');
    await shot('items');
  });

  it('uploads a file and lands in the reader', async () => {
    await page.goto(`${base}/#/upload`);
    await page.waitForSelector('.dropzone');
    const text = 'Declaration of the Browser Test Summit\n\n1. The leaders welcome the Browser Test Charter.\n\n2. The member states support the exchange of test data.\n';
    await page.setInputFiles('input[type=file]', { name: 'browser-test.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.waitForURL(/#\/doc\//);
    await page.waitForSelector('article.para');
    expect(await page.locator('article.para').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.paragraphs').textContent()).toContain('Browser Test Charter');
    await shot('upload-landed');
  });

  it('refuses an unknown type and a file over the limit with a clear message', async () => {
    await page.goto(`${base}/#/upload`);
    await page.waitForSelector('.hint');
    await page.setInputFiles('input[type=file]', { name: 'payload.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await expect.poll(() => page.locator('.error').textContent()).toContain('.exe');
    await page.setInputFiles('input[type=file]', { name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.alloc(UPLOAD_LIMIT + 1000, 'a') });
    await expect.poll(() => page.locator('.error').textContent()).toMatch(/larger than the limit/);
    await shot('upload-refused');
  });

  it('renders markup in a paragraph as text: no script runs, no image element appears', async () => {
    await page.goto(`${base}/#/doc/${HOSTILE_ID}`);
    await page.waitForSelector('article.para');
    const text = await page.locator('.paragraphs').textContent();
    expect(text).toContain(SCRIPT_TEXT);
    expect(text).toContain(IMG_TEXT);
    expect(await page.locator('h1').textContent()).toContain(SCRIPT_TEXT);
    expect(await page.locator('#root img').count()).toBe(0);
    expect(await page.locator('#root script').count()).toBe(0);
    // The entity drawn over the img markup is a highlight holding text.
    expect(await page.locator('mark.ent-instrument').first().textContent()).toBe(IMG_TEXT);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await shot('hostile-as-text');
  });

  it('keeps long names inside the page width (reader and library)', async () => {
    for (const route of [`#/doc/${HOSTILE_ID}`, '#/']) {
      await page.goto(`${base}/${route}`);
      await page.waitForSelector(route === '#/' ? 'table.docs tbody tr' : 'article.para');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect({ route, overflow }).toEqual({ route, overflow: 0 });
    }
    await shot('long-names');
  });

  it('serves the browsable OpenAPI description at /api/docs', async () => {
    await page.goto(`${base}/api/docs`);
    await page.waitForSelector('.swagger-ui .info');
    expect(await page.locator('.swagger-ui .info').textContent()).toContain('Concord API');
    expect(await page.locator('.opblock').count()).toBeGreaterThan(6);
    await shot('api-docs');
  });

  it('fetched nothing from outside the server and raised no page errors', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
