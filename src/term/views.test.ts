// The topology and packet-path views drawn from real snapshots, in English and
// in Korean. views.ts builds DOM nodes, so the test gives it a minimal document
// (elements with attributes, children and text) before importing it.
import { beforeAll, describe, expect, it } from 'vitest';
import '../userland/index.ts';
import { Session } from '../session/session.ts';
import { bareWorld } from '../world/world.ts';
import { lastPathOf, topologyOf } from './snapshot.ts';
import type { PathSnapshot } from './protocol.ts';

type Kid = FakeEl | string;

/** Just enough of an Element for views.ts's renderers. */
class FakeEl {
  readonly attrs = new Map<string, string>();
  kids: Kid[] = [];
  readonly tag: string;
  constructor(tag: string) {
    this.tag = tag;
  }
  setAttribute(k: string, v: string): void {
    this.attrs.set(k, String(v));
  }
  getAttribute(k: string): string | null {
    return this.attrs.get(k) ?? null;
  }
  append(...k: Kid[]): void {
    this.kids.push(...k);
  }
  prepend(...k: Kid[]): void {
    this.kids.unshift(...k);
  }
  replaceChildren(...k: Kid[]): void {
    this.kids = k;
  }
  get textContent(): string {
    return this.kids.map((k) => (typeof k === 'string' ? k : k.textContent)).join('');
  }
  set textContent(s: string) {
    this.kids = [s];
  }
  /** Every element under this one (depth first) that matches. */
  all(pred: (e: FakeEl) => boolean): FakeEl[] {
    const out: FakeEl[] = [];
    for (const k of this.kids) {
      if (typeof k === 'string') continue;
      if (pred(k)) out.push(k);
      out.push(...k.all(pred));
    }
    return out;
  }
  one(pred: (e: FakeEl) => boolean): FakeEl {
    const [e] = this.all(pred);
    if (!e) throw new Error('no such element');
    return e;
  }
}

const byClass = (c: string) => (e: FakeEl) => (e.getAttribute('class') ?? '').split(' ').includes(c);
const byAttr = (k: string, v: string) => (e: FakeEl) => e.getAttribute(k) === v;

let views: typeof import('./views.ts');

beforeAll(async () => {
  const g = globalThis as Record<string, unknown>;
  g.HTMLElement ??= class {};
  g.customElements ??= { get: () => undefined, define: () => undefined };
  g.document ??= {
    documentElement: { lang: 'en' },
    createElement: (tag: string) => new FakeEl(tag),
    createElementNS: (_ns: string, tag: string) => new FakeEl(tag),
  };
  views = await import('./views.ts');
});

async function run(lines: string[]) {
  const world = bareWorld(1);
  const s = new Session({ makeWorld: () => world });
  await s.start();
  for (const l of lines) await s.runLine(l);
  s.dispose();
  return world;
}

const TOPO = [
  'ip netns add red',
  'ip link add veth-red type veth peer name veth-host netns red',
  'ip addr add 10.1.1.1/24 dev veth-red',
  'ip link set veth-red up',
  'ip link add br0 type bridge',
  'ip link add d0 type dummy',
  'ip link set d0 master br0',
];
const PING = ['ip link add v0 type veth peer name v1', 'ip addr add 10.0.0.1/24 dev v0', 'ip link set v0 up', 'ping -c 1 -W 1 10.0.0.2'];

function topo(lang: 'en' | 'ko', snap: ReturnType<typeof topologyOf>) {
  const r = views.renderTopology(snap, lang);
  const text = r.text as unknown as FakeEl;
  const svg = r.svg as unknown as FakeEl;
  return {
    summary: r.summary,
    svgLabel: svg.getAttribute('aria-label'),
    ns: (id: string) => text.one(byAttr('data-ns', id)).kids[0],
    iface: (name: string) => text.one(byAttr('data-if', name)).textContent,
    svgName: (name: string) => svg.one(byAttr('data-if', name)).one(byClass('topo-if-name')).textContent,
    titles: svg.all(byClass('topo-title')).map((e) => e.textContent),
  };
}

function path(lang: 'en' | 'ko', p: PathSnapshot) {
  const root = views.renderPath(p, lang) as unknown as FakeEl;
  return {
    head: root.one(byClass('path-head')),
    verdict: root.one(byAttr('data-part', 'verdict')),
    hops: root.one(byClass('path-hops')),
    stages: root.all(byClass('path-stage')).map((e) => e.textContent),
    steps: root.all(byClass('path-step')),
  };
}

describe('topology view', () => {
  it('labels namespaces, interfaces and links in English', async () => {
    const v = topo('en', topologyOf(await run(TOPO)));
    expect(v.summary).toBe('2 network namespaces, 6 interfaces, 2 links');
    expect(v.svgLabel).toBe('Topology diagram: 2 network namespaces, 6 interfaces, 2 links. The list below describes it in text.');
    expect(v.ns('host')).toBe('host (host namespace)');
    expect(v.ns('host/red')).toBe('red (namespace)');
    expect(v.iface('veth-red')).toBe('veth-red: veth, up (DOWN), 10.1.1.1/24, veth pair with veth-host in host/red (link down)');
    expect(v.iface('d0')).toBe('d0: dummy, down, no IPv4 address, port of bridge br0');
    expect(v.iface('br0')).toBe('br0: bridge, down, no IPv4 address, switch for d0');
    expect(v.svgName('br0')).toBe('br0 ⇄ switch (down)');
    expect(views.topologySummary('en', 1, 1, 1)).toBe('1 network namespace, 1 interface, 1 link');
  });

  it('labels them in Korean, with names, kinds, addresses and states unchanged', async () => {
    const v = topo('ko', topologyOf(await run(TOPO)));
    expect(v.summary).toBe('네트워크 네임스페이스 2개, 인터페이스 6개, 링크 2개');
    expect(v.svgLabel).toBe('토폴로지 다이어그램: 네트워크 네임스페이스 2개, 인터페이스 6개, 링크 2개. 아래 목록이 같은 내용을 글로 설명합니다.');
    expect(v.titles).toEqual(['host (호스트 네임스페이스)', 'red (네임스페이스)']);
    expect(v.iface('veth-red')).toBe('veth-red: veth, 켜짐 (DOWN), 10.1.1.1/24, veth 쌍 (반대쪽 끝: host/red의 veth-host, 링크 꺼짐)');
    expect(v.iface('veth-host')).toBe('veth-host: veth, 꺼짐, IPv4 주소 없음, veth 쌍 (반대쪽 끝: host의 veth-red, 링크 꺼짐)');
    expect(v.iface('d0')).toBe('d0: dummy, 꺼짐, IPv4 주소 없음, 브리지 br0의 포트');
    expect(v.iface('br0')).toBe('br0: bridge, 꺼짐, IPv4 주소 없음, 스위치 (포트: d0)');
    expect(v.svgName('br0')).toBe('br0 ⇄ 스위치 (꺼짐)');
    expect(v.svgName('veth-red')).toBe('veth-red');
    expect(views.topologySummary('ko', 1, 1, 1)).toBe('네트워크 네임스페이스 1개, 인터페이스 1개, 링크 1개');
  });
});

describe('packet-path view', () => {
  it('says where and why the packet was dropped, in English', async () => {
    const v = path('en', lastPathOf(await run(PING))!);
    expect(v.head.textContent).toBe('Last traced command: ping -c 1 -W 1 10.0.0.2');
    expect(v.verdict.textContent).toBe('Dropped in host: v0: veth peer is down, frame dropped');
    expect(v.hops.getAttribute('aria-label')).toBe('Packet path: 4 steps, grouped by namespace');
    expect(v.stages).toEqual(['routing', 'neighbour', 'ARP', 'dropped']);
    const ok = path('en', { command: 'ping -c 1 10.0.0.1', at: 0, source: 'check', steps: [{ at: 0, where: 'host', stage: 'rcv', what: 'lo: echo request' }] });
    expect(ok.head.textContent).toBe('Last check probe: ping -c 1 10.0.0.1');
    expect(ok.verdict.textContent).toBe('No drop recorded: 1 step along the way.');
    expect(ok.hops.getAttribute('aria-label')).toBe('Packet path: 1 step, grouped by namespace');
    const none = path('en', { command: 'nc -z 10.0.0.9 80', at: 0, source: 'command', steps: [] });
    expect(none.verdict.textContent).toBe('No drop recorded: 0 steps along the way.');
    expect(none.hops.textContent).toBe('Nothing was recorded for this packet (it never left the program).');
  });

  it('labels and narrates the path in Korean from the step ids; a step without an id stays English, marked so', async () => {
    const v = path('ko', lastPathOf(await run(PING))!);
    expect(v.head.textContent).toBe('마지막으로 추적한 명령어: ping -c 1 -W 1 10.0.0.2');
    expect(v.head.one((e) => e.tag === 'code').textContent).toBe('ping -c 1 -W 1 10.0.0.2');
    expect(v.verdict.one((e) => e.tag === 'strong').textContent).toBe('host에서 버려짐: ');
    expect(v.verdict.textContent).toBe('host에서 버려짐: v0: veth 짝이 down 상태라 프레임 버림');
    expect(v.verdict.all(byAttr('lang', 'en'))).toEqual([]);
    expect(v.hops.getAttribute('aria-label')).toBe('패킷 경로: 단계 4개, 네임스페이스별로 묶음');
    expect(v.stages).toEqual(['라우팅', '이웃', 'ARP', '버려짐']);
    expect(v.steps[0]!.textContent).toBe('라우팅 10.0.0.2로 가는 라우트: 장치 v0, 출발 주소 10.0.0.1');
    const odd = path('ko', { command: 'ping -c 1 10.0.0.1', at: 0, source: 'command', steps: [{ at: 0, where: 'host', stage: 'rcv', what: 'lo: something new' }] });
    expect(odd.steps[0]!.one(byAttr('lang', 'en')).textContent).toBe('lo: something new');
    const ok = path('ko', { command: 'ping -c 1 10.0.0.1', at: 0, source: 'check', steps: [{ at: 0, where: 'host', stage: 'rcv', what: 'lo: echo request' }, { at: 1, where: 'host', stage: 'xmit', what: 'lo: echo reply' }] });
    expect(ok.head.textContent).toBe('마지막 확인에서 보낸 패킷: ping -c 1 10.0.0.1');
    expect(ok.verdict.textContent).toBe('버려진 기록 없음: 단계 2개를 거쳤습니다.');
    expect(ok.stages).toEqual(['수신', '송신']);
    const none = path('ko', { command: 'nc -z 10.0.0.9 80', at: 0, source: 'command', steps: [] });
    expect(none.hops.textContent).toBe('이 패킷은 기록된 것이 없습니다(프로그램 밖으로 나가지 않았습니다).');
    expect(views.stageName('ko', 'mystery')).toBe('mystery');
    expect(views.stageName('ko', 'toString')).toBe('toString');
  });
});

describe('topology layout (dagre), grouped by host, pods and containers by name', () => {
  const rects = (svg: FakeEl, cls: string) =>
    svg.all(byClass(cls)).map((e) => ({ x: Number(e.getAttribute('x')), y: Number(e.getAttribute('y')), w: Number(e.getAttribute('width')), h: Number(e.getAttribute('height')) }));
  const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

  it('a 3-node cluster: one box per node, pods named by pod name, no card over another', async () => {
    const { replayLines } = await import('../labs/replay.ts');
    const { labInfo } = await import('../labs/index.ts');
    const { world } = await replayLines('kube-proxy-clusterip', 1, labInfo('kube-proxy-clusterip', 1)!.solution);
    const snap = topologyOf(world);
    expect(snap.namespaces.filter((n) => n.pod).length).toBeGreaterThanOrEqual(3);
    const r = views.renderTopology(snap, 'en');
    const svg = r.svg as unknown as FakeEl;
    const hosts = svg.all(byClass('topo-host')).map((e) => e.getAttribute('data-host'));
    expect(hosts.sort()).toEqual([...new Set(snap.namespaces.map((n) => n.host))].sort());
    expect(hosts.length).toBeGreaterThanOrEqual(3);
    const titles = svg.all(byClass('topo-title')).map((e) => e.kids.find((k) => typeof k === 'string') as string);
    expect(titles.some((t) => /^pod web-/.test(t))).toBe(true);
    expect(titles.some((t) => /cni-|ns:\d/.test(t))).toBe(false);
    const cards = rects(svg, 'topo-card');
    for (let i = 0; i < cards.length; i++) for (let j = i + 1; j < cards.length; j++) expect(overlap(cards[i]!, cards[j]!)).toBe(false);
    // Each node's cards lie inside its box.
    const boxes = rects(svg, 'topo-host-box');
    for (const c of cards) expect(boxes.some((b) => c.x >= b.x && c.y >= b.y && c.x + c.w <= b.x + b.w && c.y + c.h <= b.y + b.h)).toBe(true);
  }, 60_000);

  it('ten namespaces on three hosts stay readable: no overlap, bounded size', () => {
    const namespaces = [];
    const links = [];
    for (let h = 0; h < 3; h++) {
      const host = `node0${h}`;
      namespaces.push({ id: `${host}`, host, init: true, ifaces: [{ id: `${host}|eth0`, name: 'eth0', kind: 'ether', up: true, state: 'UP', addrs: [`10.0.0.${h}/24`] }] });
      for (let i = 0; i < (h === 0 ? 4 : 3); i++) {
        const id = `${host}/ns:${h}${i}`;
        namespaces.push({ id, host, init: false, pod: `default/web-${h}${i}`, ifaces: [{ id: `${id}|eth0`, name: 'eth0', kind: 'veth', up: true, state: 'UP', addrs: [`10.244.${h}.${i}/24`] }] });
        namespaces[0 + namespaces.findIndex((n) => n.id === host)]!.ifaces.push({ id: `${host}|veth${i}`, name: `veth${i}`, kind: 'veth', up: true, state: 'UP', addrs: [] });
        links.push({ a: `${id}|eth0`, b: `${host}|veth${i}`, kind: 'veth' as const, up: true });
      }
    }
    links.push({ a: 'node00|eth0', b: 'node01|eth0', kind: 'wire' as const, up: true, label: 'k8s' }, { a: 'node00|eth0', b: 'node02|eth0', kind: 'wire' as const, up: true, label: 'k8s' });
    const r = views.renderTopology({ version: 1, namespaces, links }, 'en');
    const svg = r.svg as unknown as FakeEl;
    const cards = rects(svg, 'topo-card');
    expect(cards.length).toBe(13);
    for (let i = 0; i < cards.length; i++) for (let j = i + 1; j < cards.length; j++) expect(overlap(cards[i]!, cards[j]!)).toBe(false);
    const [, , w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number);
    expect(w! * h!).toBeLessThan(2000 * 1400);
  });
});

describe('packet stepping on the topology', () => {
  it('finds the interface a traced step happened on', () => {
    expect(views.stepDevice('sent on veth-cyan → veth peer veth-red in host/red')).toBe('veth-cyan');
    expect(views.stepDevice('ICMP echo request 10.0.0.1 → 10.0.0.2 arrived on veth-red')).toBe('veth-red');
    expect(views.stepDevice('br0: aa:bb:cc:dd:ee:ff is known on port v1 (FDB) → forwarded')).toBe('br0');
    expect(views.stepDevice('route to 10.0.0.2: dev v0 src 10.0.0.1')).toBe('v0');
    expect(views.stepDevice('10.0.0.2 is a local address → deliver locally')).toBeUndefined();
    // A step with an id: its device (or bridge) parameter, whatever the text says.
    expect(views.stepDevice({ id: 'neigh.queued', params: { ip: '10.0.0.2', dev: 'v0' }, what: '10.0.0.2 not in the neighbour table of v0: ARP request, packet queued' })).toBe('v0');
    expect(views.stepDevice({ id: 'bridge.unknown', params: { br: 'br0', mac: 'aa:bb:cc:dd:ee:ff' }, what: 'br0: aa:bb:cc:dd:ee:ff unknown in the FDB → flooded' })).toBe('br0');
    expect(views.stepDevice({ id: 'ipvs.noRoute', params: { ip: '10.0.0.9' }, what: 'IPVS: no route to real server 10.0.0.9' })).toBeUndefined();
    expect(views.stepDevice({ what: 'sent on v0 → veth peer v1 in host/red' })).toBe('v0');
  });
});

describe('packet-path places', () => {
  it('names a pod’s or container’s namespace as the topology does, not host/ns:INODE', () => {
    const snap = {
      version: 1,
      namespaces: [
        { id: 'host', host: 'host', init: true, ifaces: [] },
        { id: 'host/ns:4026532282', host: 'host', init: false, ifaces: [], pod: 'default/web-1' },
        { id: 'host/ns:4026532290', host: 'host', init: false, ifaces: [], containers: ['db'] },
        { id: 'host/red', host: 'host', name: 'red', init: false, ifaces: [] },
      ],
      links: [],
    };
    const p: PathSnapshot = {
      command: 'ping -c 1 10.0.0.2',
      at: 1,
      source: 'command',
      steps: [
        { at: 1, where: 'host/ns:4026532282', stage: 'output', what: 'ICMP echo request 10.0.0.1 > 10.0.0.2' },
        { at: 2, where: 'host/ns:4026532290', stage: 'drop', what: 'no route to 10.0.0.2' },
        { at: 3, where: 'host/red', stage: 'input', what: 'x' },
      ],
    };
    const places = views.pathPlaces(snap, 'en');
    const root = views.renderPath(p, 'en', places) as unknown as FakeEl;
    expect(root.all(byClass('path-where')).map((e) => e.textContent)).toEqual(['pod web-1 (default)', 'container db', 'host/red']);
    expect(root.one(byAttr('data-part', 'verdict')).textContent).toContain('Dropped in container db');
    expect(views.pathPlaces(snap, 'ko').get('host/ns:4026532282')).toBe('파드 web-1 (default)');
  });
});
