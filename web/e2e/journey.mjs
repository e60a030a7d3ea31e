// What every browser journey shares: named steps that count their failures, and the
// accessibility scan (axe-core) that fails a step on any serious or critical violation.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Debian's chromium ($CHROMIUM to use another); exits 2 with a clear message without it.
export function chromiumPath() {
  const found = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(found)) {
    console.error(`no browser at ${found}: install Debian's chromium (make deps does)`);
    process.exit(2);
  }
  return found;
}

export class Journey {
  failures = 0;

  // Runs one named check; a failure is printed and counted, and the journey goes on.
  step = async (name, body) => {
    const started = Date.now();
    try {
      await body();
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      this.fail(`${name}\n     ${String(error.stack ?? error).split('\n').slice(0, 6).join('\n     ')}`);
    }
  };

  fail(message) {
    this.failures += 1;
    console.log(`FAIL ${message}`);
  }
}

// Runs axe on the page (through the browser's debugging protocol, so the app's own CSP
// stays in force for everything the page does); returns how many violations of any
// impact it found.
export async function scan(page, name) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const report = await axe.run(document, { resultTypes: ['violations'] });
    return report.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${name}: accessibility violations:\n${JSON.stringify(bad, null, 2)}`);
  return result.length;
}
