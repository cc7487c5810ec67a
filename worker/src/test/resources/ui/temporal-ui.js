// Opens pages of the Temporal UI in headless chromium and reports what a person sees.
//   node temporal-ui.js CHROMIUM [WAIT_FOR URL PNG]...
// For each page: loads URL, waits (up to 60 s, reloading every 5 s, since the UI's lists come
// from the visibility store a moment after a change) until its text contains WAIT_FOR, saves a
// full-page screenshot to PNG and prints one JSON line {url, found, text}. Exit 0 once every page
// is reported, whatever it showed: the test asserts on the text. playwright-core comes from
// NODE_PATH (infra/bin/ui-deps).
const { chromium } = require('playwright-core');

async function main() {
  const [executablePath, ...rest] = process.argv.slice(2);
  if (!executablePath || rest.length === 0 || rest.length % 3 !== 0) {
    throw new Error('usage: temporal-ui.js CHROMIUM [WAIT_FOR URL PNG]...');
  }
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    for (let i = 0; i < rest.length; i += 3) {
      const [waitFor, url, png] = rest.slice(i, i + 3);
      const found = await open(page, url, waitFor);
      await page.screenshot({ path: png, fullPage: true });
      const text = await pageText(page);
      process.stdout.write(JSON.stringify({ url, found, text }) + '\n');
    }
  } finally {
    await browser.close();
  }
}

async function open(page, url, waitFor) {
  const end = Date.now() + 60000;
  while (true) {
    await page.goto(url, { waitUntil: 'load' });
    const reload = Math.min(end, Date.now() + 5000);
    while (Date.now() < reload) {
      if ((await pageText(page)).includes(waitFor)) {
        return true;
      }
      await page.waitForTimeout(250);
    }
    if (Date.now() >= end) {
      return false;
    }
  }
}

// The page's text with its frames': the UI shows Markdown (summaries, current details) in frames.
async function pageText(page) {
  const texts = [];
  for (const frame of page.frames()) {
    try {
      texts.push(await frame.innerText('body', { timeout: 1000 }));
    } catch (e) {
      // A frame that went away or has no body yet: nothing to read.
    }
  }
  return texts.join('\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
