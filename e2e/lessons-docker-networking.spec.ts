// Lesson "Docker networking": dockerd, a container's veth on docker0 and a
// published port in the practice terminal, and the three labs untouched and solved.
import { expect, test } from '@playwright/test';
import { expectAllPass, expectOnScreen, expectShellOn, expectUntouchedFails, labPanel, labTerm, practice, practiceKey, readyAt, runSnippet, typeSolution, watchErrors } from './lesson-helpers.ts';

const SLUG = 'docker-networking';
const KEY = practiceKey(SLUG);

test('docker-networking: the lesson’s snippets run a container and publish its port', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const term = practice(page);
  await readyAt(term);

  await runSnippet(page, KEY, 'dockerd > /var/log/dockerd.log 2>&1 &');
  await runSnippet(page, KEY, 'docker run -d --name web nginx');
  await expectOnScreen(term, ['link-netnsid 0', /\d+ \?\s+00:00:00 containerd-shim/, /\/proc\/\d+\/ns\/net\s*-> net:\[\d+\]/]);
  await runSnippet(page, KEY, 'docker rm -f web');
  await expectOnScreen(term, ['-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE', '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 9090 -j DNAT --to-destination 172.17.0.2:80']);
  await runSnippet(page, KEY, 'curl -s http://127.0.0.1:9090/ | head -4');
  // The hairpin fetch from a container on the bridge, docker-proxy on the host port, and in `ps -e`.
  await expectOnScreen(term, ['<!DOCTYPE html>', /LISTEN\s+0\s+4096\s+0\.0\.0\.0:9090/, /\d+ pts\/0\s+00:00:00 docker-proxy/]);

  expect(errors).toEqual([]);
});

test('docker-networking: the none, host and container: section runs in the practice terminal', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const term = practice(page);
  await readyAt(term);

  await runSnippet(page, KEY, 'dockerd > /var/log/dockerd.log 2>&1 &');
  await runSnippet(page, KEY, 'docker run -d --name web nginx');
  await runSnippet(page, KEY, 'docker rm -f web');
  await runSnippet(page, KEY, 'docker network ls');
  await expectOnScreen(term, [/[0-9a-f]{12}\s+bridge\s+bridge\s+local/, /[0-9a-f]{12}\s+host\s+host\s+local/, /[0-9a-f]{12}\s+none\s+null\s+local/]);
  // none: only lo, no route; busybox's ping fails at sendto
  await runSnippet(page, KEY, 'docker run -d --name loner --network none busybox sleep 3600');
  await expectOnScreen(term, ['PING 192.168.1.10 (192.168.1.10): 56 data bytes', 'ping: sendto: Network is unreachable']);
  // host: the second nginx on the host's port 80 fails as nginx says, and exits
  await runSnippet(page, KEY, 'docker run -d --name h1 --network host nginx', { timeout: 60_000 });
  await expectOnScreen(term, ['nginx: [emerg] still could not bind()', /Exited \(1\) .* h2/]);
  // container:web shares web's namespace: localhost is web's nginx
  await runSnippet(page, KEY, 'docker run -d --name side --network container:web busybox sleep 3600');
  await expectOnScreen(term, ['</html>']);
  expect(errors).toEqual([]);
});

test('docker-networking lab docker-port-publish: fails untouched, the reference solution passes', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'docker-port-publish';
  const panel = labPanel(page, id);
  const term = labTerm(page, id);
  await readyAt(term);
  await expectUntouchedFails(panel, ['no running nginx container publishes host port 8080 to its port 80', 'curl http://192.168.1.10:8080/ from client failed']);
  // The world also holds `client`; the learner's shell is on the docker host.
  await expectShellOn(page, id, 'host');
  await typeSolution(page, id);
  await expectOnScreen(term, ['80/tcp -> 0.0.0.0:8080']);
  await expectAllPass(panel, 2);
  expect(errors).toEqual([]);
});

test('docker-networking lab docker-netns: fails untouched, the reference solution passes', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'docker-netns';
  const panel = labPanel(page, id);
  const term = labTerm(page, id);
  await readyAt(term);
  await expectUntouchedFails(panel, [/ip netns does not list web: make \/var\/run\/netns\/web point at \/proc\/\d+\/ns\/net/]);
  await typeSolution(page, id);
  await expectOnScreen(term, [/inet 172\.17\.0\.\d+\/16 brd 172\.17\.255\.255 scope global eth0/]);
  await expectAllPass(panel, 1);
  expect(errors).toEqual([]);
});

test('docker-networking lab docker-user-network: fails untouched, the reference solution passes', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'docker-user-network';
  const panel = labPanel(page, id);
  const term = labTerm(page, id);
  await readyAt(term);
  await expectUntouchedFails(panel, ['there is no container named app']);
  await typeSolution(page, id);
  await expectOnScreen(term, [/busybox sleep 3600\s*[0-9a-f]{64}/]);
  await expectAllPass(panel, 1);
  expect(errors).toEqual([]);
});
