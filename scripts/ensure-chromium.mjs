#!/usr/bin/env node
// Make sure Debian's Chromium is at /usr/bin/chromium for the e2e tests
// (playwright.config.ts launches it by path). Installs it with apt-get when
// missing; exits non-zero with a hint when that is not possible.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);

console.log(`ensure-chromium: ${CHROMIUM} is missing; installing Debian's chromium with apt-get…`);
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = root ? [] : ['sudo'];
const run = (args) => spawnSync(args[0], args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });

for (const step of [
  [...sudo, 'apt-get', 'update'],
  [...sudo, 'apt-get', 'install', '-y', 'chromium'],
]) {
  const r = run(step);
  if (r.status !== 0) {
    console.error(`ensure-chromium: \`${step.join(' ')}\` failed. Install Chromium so that ${CHROMIUM} exists, then run the tests again.`);
    process.exit(1);
  }
}
if (!existsSync(CHROMIUM)) {
  console.error(`ensure-chromium: chromium was installed but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
