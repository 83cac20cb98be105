// MetalLB's speaker in layer-2 mode (the `speaker` DaemonSet, hostNetwork):
// on every node it runs the election of speaker/layer2_controller.go for
// each LoadBalancer address (candidates: nodes whose speaker pod runs and
// that an L2Advertisement covers; under externalTrafficPolicy Local only
// nodes with a ready endpoint; order: sha256(node + "#" + ip)). The winner
// answers ARP requests for the address with its own interface's MAC, read
// from a raw packet socket as the real speaker does (the address is on no
// interface, so the kernel itself never answers), and sends gratuitous ARP
// (a request and a reply, both broadcast) when it takes the address over,
// repeated for five seconds, so neighbours' caches move to the new node.

import { register } from '../registry.ts';
import { kernelOf } from '../lib/sys.ts';
import { parseIp4, fmtIp4 } from '../../kernel/addr.ts';
import type { ArpPacket, EthFrame } from '../../kernel/packet.ts';
import { IFF, type NetDevice } from '../../kernel/netdev.ts';
import type { LinkMsg } from '../../kernel/netns.ts';
import { packetSocket } from '../../kernel/socket/packet.ts';
import { inClusterConfig, type KObject } from '../../k8s/client.ts';
import { ANN_FROM_POOL, ANN_FROM_POOL_OLD, METALLB_NS, electNodes, l2Covers, metallbEvent, metallbLog, poolFor, poolsOf } from '../../k8s/metallb.ts';
import { coalescedReconcile } from './coalesce.ts';

const BROADCAST = 'ff:ff:ff:ff:ff:ff';

/** Which speaker announces which address, per node (for tests and checks). */
export const announcedBy = new WeakMap<object, Set<string>>();

register({
  name: 'metallb-speaker',
  summary: 'MetalLB speaker: answers ARP for the LoadBalancer addresses this node won (runs in the metallb-system speaker pods)',
  hidden: true,
  async run(p) {
    const k = kernelOf(p);
    const b = inClusterConfig(k);
    if (!b) return 1;
    const api = b.api;
    const me = b.nodeName;
    const log = (level: string, kv: Record<string, unknown>): void => p.stdout.write(metallbLog(api, level, kv));
    /** ip → service key. */
    const announced = new Map<string, string>();
    announcedBy.set(k, new Set());
    // The node's NICs: Ethernet links without an rtnl kind (not veth, bridge, vxlan…).
    const isNic = (l: LinkMsg): boolean => l.linkType === 'ether' && !l.linkinfo;
    const ifaces = (): LinkMsg[] => k.initNs.linkDump().filter((l) => isNic(l) && l.flags & IFF.UP);
    // The raw ARP socket (AF_PACKET) the speaker sends and answers ARP on.
    const sock = packetSocket(k.initNs, (dev, frame, dir) => tap(dev, frame, dir));
    const gratuitous = (ip: string, left: number): void => {
      if (!announced.has(ip)) return;
      const a = parseIp4(ip)!;
      for (const l of ifaces()) {
        for (const op of ['request', 'reply'] as const) {
          const arp: ArpPacket = { op, sha: l.address, spa: a, tha: BROADCAST, tpa: a };
          sock.send(l.dev, { src: l.address, dst: BROADCAST, type: 'arp', payload: arp });
        }
      }
      // announcer.spam: keep sending for five seconds (every 1.1 s).
      if (left > 1) k.clock.setTimer(1100, () => gratuitous(ip, left - 1));
    };
    // The raw ARP socket: answer who-has for an announced address.
    const tap = (dev: NetDevice, frame: EthFrame, dir: 'in' | 'out'): void => {
      // (The socket sees the host namespace's devices only.)
      if (dir !== 'in' || frame.type !== 'arp') return;
      const l = k.initNs.linkMsg(dev);
      if (!isNic(l)) return;
      const arp = frame.payload as ArpPacket;
      if (arp.op !== 'request' || !announced.has(fmtIp4(arp.tpa))) return;
      const reply: EthFrame = { src: l.address, dst: arp.sha, type: 'arp', payload: { op: 'reply', sha: l.address, spa: arp.tpa, tha: arp.sha, tpa: arp.spa }, trace: frame.trace };
      k.clock.setTimer(0, () => sock.send(dev, reply));
    };
    const speakerNodes = (): string[] =>
      api
        .list('Pod', METALLB_NS)
        .filter((x) => x.metadata.labels?.component === 'speaker' && x.status?.phase === 'Running' && !x.metadata.deletionTimestamp && x.spec?.nodeName)
        .map((x) => x.spec.nodeName as string);
    const readyEndpointNodes = (s: KObject): { any: boolean; nodes: Set<string> } => {
      const nodes = new Set<string>();
      let any = false;
      for (const sl of api.list('EndpointSlice', s.metadata.namespace)) {
        if (sl.metadata.labels?.['kubernetes.io/service-name'] !== s.metadata.name) continue;
        for (const e of sl.endpoints ?? []) {
          if (e.conditions?.serving === false || (e.conditions?.ready === false && !e.conditions?.serving)) continue;
          any = true;
          if (e.nodeName) nodes.add(e.nodeName);
        }
      }
      return { any, nodes };
    };
    const reconcile = (): void => {
      const pools = poolsOf(api);
      const want = new Map<string, { key: string; svc: KObject; pool: string }>();
      for (const s of api.list('Service')) {
        if (s.spec?.type !== 'LoadBalancer') continue;
        const ips = ((s.status?.loadBalancer?.ingress ?? []) as { ip?: string }[]).map((i) => i.ip ?? '').filter(Boolean);
        if (!ips.length) continue;
        const ip = ips[0];
        const pool = s.metadata.annotations?.[ANN_FROM_POOL] ?? s.metadata.annotations?.[ANN_FROM_POOL_OLD] ?? poolFor(pools, parseIp4(ip) ?? 0);
        if (!pool || !pools.some((x) => x.name === pool)) continue;
        const eps = readyEndpointNodes(s);
        if (!eps.any) continue;
        if (!l2Covers(api, pool, me)) continue;
        // speakersForPool: nodes labelled node.kubernetes.io/exclude-from-external-load-balancers take no part.
        const excluded = (n: string): boolean => Object.hasOwn(api.get('Node', undefined, n)?.metadata.labels ?? {}, 'node.kubernetes.io/exclude-from-external-load-balancers');
        let candidates = [...new Set(speakerNodes())].filter((n) => !excluded(n) && l2Covers(api, pool, n));
        if (s.spec.externalTrafficPolicy === 'Local') candidates = candidates.filter((n) => eps.nodes.has(n));
        if (!candidates.length || electNodes(candidates, ip)[0] !== me) continue;
        want.set(ip, { key: `${s.metadata.namespace}/${s.metadata.name}`, svc: s, pool });
      }
      for (const [ip, key] of [...announced]) {
        if (want.get(ip)?.key === key) continue;
        announced.delete(ip);
        announcedBy.get(k)!.delete(ip);
        log('info', { event: 'serviceWithdrawn', ip: [ip], msg: 'withdrawing service announcement', service: key });
      }
      for (const [ip, w] of want) {
        if (announced.has(ip)) continue;
        announced.set(ip, w.key);
        announcedBy.get(k)!.add(ip);
        log('info', { event: 'serviceAnnounced', ips: [ip], msg: 'service has IP, announcing', pool: w.pool, protocol: 'layer2' });
        metallbEvent(api, w.svc, 'Normal', 'nodeAssigned', `announcing from node "${me}" with protocol "layer2"`, 'metallb-speaker', me);
        gratuitous(ip, 5);
      }
    };
    const sync = coalescedReconcile(reconcile);
    const off = api.watch(['Service', 'EndpointSlice', 'Pod', 'IPAddressPool', 'L2Advertisement', 'Node'], (e) => {
      if (e.object.kind === 'Pod' && e.object.metadata.namespace !== METALLB_NS) return;
      void b.track(sync());
    });
    await b.track(sync());
    await new Promise<void>((res) => p.onSignal(() => res()));
    off();
    sock.close();
    announced.clear();
    announcedBy.get(k)!.clear();
    return 0;
  },
});
