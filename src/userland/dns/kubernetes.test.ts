// CoreDNS plugin/kubernetes answers checked against CoreDNS's own
// handler_test.go table (dnsTestCases: ClusterIP A and SRV with the
// Service's A in the additional section, `_http._tcp` SRV, headless A per
// endpoint, endpoint names by hostname or dashed IP, headless SRV with the
// weight 100/N, ExternalName CNAME and CNAME to an internal Service,
// NODATA with the SOA for svc./pod./namespace names and for a type the
// name lacks, NXDOMAIN for unknown Services, namespaces and names below an
// ExternalName, the dns-version TXT with TTL 28800) and reverse_test.go
// (PTR for a ClusterIP and for an endpoint address), plus the
// specification's pod A records (kubernetes/dns docs/specification.md).
// The objects mirror the tests' APIConnServeTest fixtures (IPv4 parts).

import { describe, expect, it } from 'vitest';
import { ApiServer } from '../../k8s/api.ts';
import { Clock } from '../../kernel/clock.ts';
import { Rng } from '../../kernel/rng.ts';
import { kubernetesZones } from './kubernetes.ts';
import { answerLocal, COREDNS, DnsServer, replyTo, type ServerData } from './server.ts';
import { CLASS_IN, RCODE, TYPE, canonName, newMessage, rdataText, typeName, rdataType, fqdn, type Message } from './wire.ts';
import type { Process } from '../../kernel/proc.ts';

function cluster(): ServerData {
  const api = new ApiServer(new Clock(), new Rng(1));
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'testns' }, spec: {}, status: { phase: 'Active' } });
  const svc = (name: string, spec: Record<string, unknown>): void => void api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'testns' }, spec });
  svc('svc1', { clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'], ports: [{ name: 'http', protocol: 'TCP', port: 80 }] });
  svc('svcempty', { clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'], ports: [{ name: 'http', protocol: 'TCP', port: 80 }] });
  svc('hdls1', { clusterIP: 'None', ports: [{ name: 'http', protocol: 'TCP', port: 80 }] });
  svc('external', { type: 'ExternalName', externalName: 'ext.interwebs.test', ports: [{ name: 'http', protocol: 'TCP', port: 80 }] });
  svc('external-to-service', { type: 'ExternalName', externalName: 'svc1.testns.svc.cluster.local' });
  const slice = (name: string, service: string, eps: { ip: string; hostname?: string }[]): void =>
    void api.create({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name, namespace: 'testns', labels: { 'kubernetes.io/service-name': service } }, addressType: 'IPv4', endpoints: eps.map((e) => ({ addresses: [e.ip], ...(e.hostname ? { hostname: e.hostname } : {}), conditions: { ready: true } })), ports: [{ name: 'http', port: 80, protocol: 'TCP' }] });
  slice('svc1-slice1', 'svc1', [{ ip: '172.0.0.1', hostname: 'ep1a' }]);
  slice('hdls1-slice1', 'hdls1', [{ ip: '172.0.0.2' }, { ip: '172.0.0.3' }, { ip: '172.0.0.4', hostname: 'dup-name' }, { ip: '172.0.0.5', hostname: 'dup-name' }]);
  api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod1', namespace: 'testns' }, spec: {}, status: { podIP: '10.244.1.7' } });
  const zones = kubernetesZones({ zones: ['cluster.local', 'in-addr.arpa', 'ip6.arpa'], ttl: 5, pods: 'insecure', fallthrough: ['in-addr.arpa', 'ip6.arpa'] }, api, api.clock);
  return { zones, forwarders: [] };
}

const line = (r: { name: string; ttl: number; data: Parameters<typeof rdataText>[0] }): string => `${fqdn(r.name)}\t${r.ttl}\tIN\t${typeName(rdataType(r.data))}\t${rdataText(r.data)}`;

function ask(d: ServerData, name: string, type: number): { rcode: number; answer: string[]; ns: string[]; extra: string[] } | undefined {
  const r = answerLocal(d, newMessage(1, { name, type, cls: CLASS_IN }), COREDNS);
  if (!r) return undefined;
  return { rcode: r.rcode, answer: r.answers.map(line).sort(), ns: r.authority.map((x) => line(x).replace(/ \d{10} /, ' SERIAL ')), extra: r.additional.map(line).sort() };
}

const SOA = 'cluster.local.\t5\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. SERIAL 7200 1800 86400 5';

describe('CoreDNS kubernetes plugin (handler_test.go, reverse_test.go)', () => {
  const d = cluster();
  it('ClusterIP Services: A, SRV for the name and for _http._tcp, the A in the additional section', () => {
    expect(ask(d, 'svc1.testns.svc.cluster.local.', TYPE.A)).toEqual({ rcode: 0, answer: ['svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1'], ns: [], extra: [] });
    expect(ask(d, 'svc1.testns.svc.cluster.local.', TYPE.SRV)).toEqual({ rcode: 0, answer: ['svc1.testns.svc.cluster.local.\t5\tIN\tSRV\t0 100 80 svc1.testns.svc.cluster.local.'], ns: [], extra: ['svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1'] });
    expect(ask(d, '_http._tcp.svc1.testns.svc.cluster.local.', TYPE.SRV)).toEqual({ rcode: 0, answer: ['_http._tcp.svc1.testns.svc.cluster.local.\t5\tIN\tSRV\t0 100 80 svc1.testns.svc.cluster.local.'], ns: [], extra: ['svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1'] });
    expect(ask(d, '_http._tcp.svcempty.testns.svc.cluster.local.', TYPE.SRV)!.answer).toEqual(['_http._tcp.svcempty.testns.svc.cluster.local.\t5\tIN\tSRV\t0 100 80 svcempty.testns.svc.cluster.local.']);
  });

  it('headless Services: an A per endpoint, endpoint names, SRV per endpoint with weight 100/N', () => {
    expect(ask(d, 'hdls1.testns.svc.cluster.local.', TYPE.A)!.answer).toEqual(['172.0.0.2', '172.0.0.3', '172.0.0.4', '172.0.0.5'].map((ip) => `hdls1.testns.svc.cluster.local.\t5\tIN\tA\t${ip}`));
    expect(ask(d, '172-0-0-2.hdls1.testns.svc.cluster.local.', TYPE.A)!.answer).toEqual(['172-0-0-2.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.2']);
    expect(ask(d, 'dup-name.hdls1.testns.svc.cluster.local.', TYPE.A)!.answer).toEqual(['dup-name.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.4', 'dup-name.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.5']);
    const srv = ask(d, '_http._tcp.hdls1.testns.svc.cluster.local.', TYPE.SRV)!;
    expect(srv.answer).toEqual(['172-0-0-2', '172-0-0-3', 'dup-name'].map((h) => `_http._tcp.hdls1.testns.svc.cluster.local.\t5\tIN\tSRV\t0 25 80 ${h}.hdls1.testns.svc.cluster.local.`));
    expect(srv.extra).toEqual(['172-0-0-2.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.2', '172-0-0-3.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.3', 'dup-name.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.4', 'dup-name.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.5']);
    expect(ask(d, 'bogusendpoint.hdls1.testns.svc.cluster.local.', TYPE.A)).toEqual({ rcode: RCODE.NXDOMAIN, answer: [], ns: [SOA], extra: [] });
  });

  it('ExternalName: CNAME; CNAME to an internal Service is followed; nothing below it', () => {
    expect(ask(d, 'external.testns.svc.cluster.local.', TYPE.CNAME)!.answer).toEqual(['external.testns.svc.cluster.local.\t5\tIN\tCNAME\text.interwebs.test.']);
    expect(ask(d, 'external-to-service.testns.svc.cluster.local', TYPE.A)!.answer).toEqual(['external-to-service.testns.svc.cluster.local.\t5\tIN\tCNAME\tsvc1.testns.svc.cluster.local.', 'svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1']);
    expect(ask(d, 'endpoint.external.testns.svc.cluster.local.', TYPE.CNAME)!.rcode).toBe(RCODE.NXDOMAIN);
  });

  it('NODATA with the SOA, NXDOMAIN with the SOA, dns-version', () => {
    for (const n of ['svc.cluster.local.', 'pod.cluster.local.', 'testns.svc.cluster.local.']) expect(ask(d, n, TYPE.A)).toEqual({ rcode: 0, answer: [], ns: [SOA], extra: [] });
    expect(ask(d, 'svc1.testns.svc.cluster.local.', TYPE.AAAA)).toEqual({ rcode: 0, answer: [], ns: [SOA], extra: [] });
    expect(ask(d, 'svc1.testns.svc.cluster.local.', TYPE.SOA)).toEqual({ rcode: 0, answer: [], ns: [SOA], extra: [] });
    for (const n of ['svc0.testns.svc.cluster.local.', 'svc0.svc-nons.svc.cluster.local.', 'bogusendpoint.svc0.testns.svc.cluster.local.', 'foo.cluster.local.', 'foo.svc.cluster.local.']) expect(ask(d, n, TYPE.A)).toEqual({ rcode: RCODE.NXDOMAIN, answer: [], ns: [SOA], extra: [] });
    expect(ask(d, 'dns-version.cluster.local.', TYPE.TXT)!.answer).toEqual(['dns-version.cluster.local.\t28800\tIN\tTXT\t"1.1.0"']);
  });

  it('pods: dashed-IP A records (pods insecure)', () => {
    expect(ask(d, '10-244-1-7.testns.pod.cluster.local.', TYPE.A)!.answer).toEqual(['10-244-1-7.testns.pod.cluster.local.\t5\tIN\tA\t10.244.1.7']);
    expect(ask(d, '10-244-1-7.nons.pod.cluster.local.', TYPE.A)!.rcode).toBe(RCODE.NXDOMAIN);
  });

  it('PTR: a ClusterIP names its Service, an endpoint its hostname; other addresses fall through', () => {
    expect(ask(d, '1.0.0.10.in-addr.arpa.', TYPE.PTR)!.answer).toEqual(['1.0.0.10.in-addr.arpa.\t5\tIN\tPTR\tsvc1.testns.svc.cluster.local.']);
    expect(ask(d, '1.0.0.172.in-addr.arpa.', TYPE.PTR)!.answer).toEqual(['1.0.0.172.in-addr.arpa.\t5\tIN\tPTR\tep1a.svc1.testns.svc.cluster.local.']);
    expect(ask(d, '2.0.0.172.in-addr.arpa.', TYPE.PTR)!.answer).toEqual(['2.0.0.172.in-addr.arpa.\t5\tIN\tPTR\t172-0-0-2.hdls1.testns.svc.cluster.local.']);
    expect(ask(d, '9.9.9.9.in-addr.arpa.', TYPE.PTR)).toBeUndefined();
  });
});

describe('CoreDNS kubernetes plugin: ExternalName targets outside the cluster (handler_test.go "CNAME External Truncated Lookup")', () => {
  // The test's Upstub answers the target's lookup; here a server whose
  // upstream (the forward plugin) is replaced the same way.
  class Upstub extends DnsServer {
    override async answer(q: Message, depth = 0): Promise<Message> {
      const question = q.questions[0];
      if (canonName(question.name) !== 'ext.interwebs.test') return super.answer(q, depth);
      const r = replyTo(q, COREDNS);
      r.answers.push({ name: 'ext.interwebs.test', ttl: 5, cls: CLASS_IN, data: { type: 'A', address: '1.2.3.4' } });
      return r;
    }
  }

  it('an A query gets the CNAME, then the target’s A records from upstream', async () => {
    const s = new Upstub({} as Process, cluster(), COREDNS);
    const r = await s.answer(newMessage(1, { name: 'external.testns.svc.cluster.local.', type: TYPE.A, cls: CLASS_IN }));
    expect(r.rcode).toBe(RCODE.NOERROR);
    expect(r.answers.map(line)).toEqual(['external.testns.svc.cluster.local.\t5\tIN\tCNAME\text.interwebs.test.', 'ext.interwebs.test.\t5\tIN\tA\t1.2.3.4']);
    // A CNAME query still gets the CNAME alone; an in-cluster target is answered from the zone.
    expect((await s.answer(newMessage(2, { name: 'external.testns.svc.cluster.local.', type: TYPE.CNAME, cls: CLASS_IN }))).answers.map(line)).toEqual(['external.testns.svc.cluster.local.\t5\tIN\tCNAME\text.interwebs.test.']);
    expect((await s.answer(newMessage(3, { name: 'external-to-service.testns.svc.cluster.local.', type: TYPE.A, cls: CLASS_IN }))).answers.map(line)).toEqual(['external-to-service.testns.svc.cluster.local.\t5\tIN\tCNAME\tsvc1.testns.svc.cluster.local.', 'svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1']);
  });

  it('without an upstream answer the CNAME stays alone (the lookup’s message has no answers)', async () => {
    const s = new DnsServer({} as Process, cluster(), COREDNS);
    const r = await s.answer(newMessage(1, { name: 'external.testns.svc.cluster.local.', type: TYPE.A, cls: CLASS_IN }));
    expect(r.rcode).toBe(RCODE.NOERROR);
    expect(r.answers.map(line)).toEqual(['external.testns.svc.cluster.local.\t5\tIN\tCNAME\text.interwebs.test.']);
  });
});
