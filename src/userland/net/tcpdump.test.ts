// tcpdump on the simulated stack: the recorded one-line formats, the banner
// and statistics, -c, filters, and Ctrl-C in an interactive session.

import { describe, expect, it } from 'vitest';
import { bareWorld } from '../../world/world.ts';
import { Session, runScript, type SessionEntry } from '../../session/session.ts';
import { parseFilter } from './tcpdump.ts';
import { parseIp4 } from '../../kernel/addr.ts';
import type { ArpPacket, EthFrame, Ipv4Packet } from '../../kernel/packet.ts';

const SETUP = [
  'ip netns add red',
  'ip link add veth-red type veth peer name veth-host',
  'ip link set veth-red netns red',
  'ip addr add 192.168.15.5/24 dev veth-host',
  'ip link set veth-host up',
  'ip -n red addr add 192.168.15.1/24 dev veth-red',
  'ip -n red link set veth-red up',
  'ip -n red link set lo up',
];

async function run(lines: string[]) {
  const steps = await runScript(bareWorld(1), [...SETUP, ...lines]);
  return steps.slice(SETUP.length);
}

describe('tcpdump', () => {
  it('prints ARP and ICMP with timestamps from the virtual clock, then the statistics', async () => {
    const [s] = await run(['tcpdump -i veth-host -n -c 4 & sleep 1; ping -c 1 -W 1 192.168.15.1 >/dev/null; wait']);
    const lines = s.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^12:00:0\d\.\d{6} ARP, Request who-has 192\.168\.15\.1 tell 192\.168\.15\.5, length 28$/);
    expect(lines[1]).toMatch(/ ARP, Reply 192\.168\.15\.1 is-at [0-9a-f:]{17}, length 28$/);
    expect(lines[2]).toMatch(/ IP 192\.168\.15\.5 > 192\.168\.15\.1: ICMP echo request, id \d+, seq 1, length 64$/);
    expect(lines[3]).toMatch(/ IP 192\.168\.15\.1 > 192\.168\.15\.5: ICMP echo reply, id \d+, seq 1, length 64$/);
    expect(s.stderr).toBe(
      'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\nlistening on veth-host, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n4 packets captured\n4 packets received by filter\n0 packets dropped by kernel\n',
    );
  });

  // Options and windows as recorded on 6.18: fidelity/scenarios/165-tcp-options.sh.
  it('decodes a TCP handshake with relative sequence numbers and a RST from a closed port', async () => {
    const [s] = await run(['tcpdump -i veth-host -n -t -c 2 tcp & sleep 1; curl -s http://192.168.15.1:81/; wait']);
    const [syn, rst] = s.stdout.trim().split('\n');
    expect(syn).toMatch(/^IP 192\.168\.15\.5\.\d+ > 192\.168\.15\.1\.81: Flags \[S\], seq \d+, win 64240, options \[mss 1460,sackOK,TS val \d+ ecr 0,nop,wscale 10\], length 0$/);
    expect(rst).toMatch(/^IP 192\.168\.15\.1\.81 > 192\.168\.15\.5\.\d+: Flags \[R\.\], seq 0, ack \d+, win 0, length 0$/);
  });

  it('follows a web fetch: relative ack 1 after the handshake and the HTTP request line', async () => {
    const [, s] = await run(['ip netns exec red python3 -m http.server 80 --bind 192.168.15.1 >/dev/null 2>&1 &', 'tcpdump -i veth-host -n -t -c 4 tcp & sleep 1; curl -s -o /dev/null http://192.168.15.1/; wait']);
    const l = s.stdout.trim().split('\n');
    expect(l[1]).toMatch(/Flags \[S\.\], seq \d+, ack \d+, win 65160, options \[mss 1460,sackOK,TS val \d+ ecr \d+,nop,wscale 10\], length 0$/);
    expect(l[2]).toMatch(/Flags \[\.\], ack 1, win 63, options \[nop,nop,TS val \d+ ecr \d+\], length 0$/);
    expect(l[3]).toMatch(/Flags \[P\.\], seq 1:77, ack 1, win 63, .*length 76: HTTP: GET \/ HTTP\/1\.1$/);
    // Each end's TS val is its own clock; the ecr echoes the last val the peer sent.
    const ts = l.map((x) => /TS val (\d+) ecr (\d+)/.exec(x)!.slice(1).map(Number));
    expect(ts[1][1]).toBe(ts[0][0]);
    expect(ts[2][1]).toBe(ts[1][0]);
    expect(ts[3][1]).toBe(ts[1][0]);
    expect(ts[3][0]).toBeGreaterThanOrEqual(ts[0][0]);
  });

  it('net.ipv4.tcp_timestamps=0: SYNs pad with nop instead of TS, later segments carry no options (fidelity 166)', async () => {
    const [, s] = await run(['sysctl -qw net.ipv4.tcp_timestamps=0', 'python3 -m http.server 8000 --bind 127.0.0.1 >/dev/null 2>&1 & sleep 1; tcpdump -i lo -n -t -c 3 tcp & sleep 1; nc -z 127.0.0.1 8000; wait']);
    const l = s.stdout.trim().split('\n');
    expect(l[0]).toMatch(/Flags \[S\], seq \d+, win 65495, options \[mss 65495,nop,nop,sackOK,nop,wscale 10\], length 0$/);
    expect(l[1]).toMatch(/Flags \[S\.\], seq \d+, ack \d+, win 65495, options \[mss 65495,nop,nop,sackOK,nop,wscale 10\], length 0$/);
    expect(l[2]).toMatch(/Flags \[\.\], ack 1, win 64, length 0$/);
  });

  it('prints only the options a segment carries: none on a RST, the loopback MSS on lo, each packet once', async () => {
    const [s] = await run(['python3 -m http.server 8000 --bind 127.0.0.1 >/dev/null 2>&1 & sleep 1; tcpdump -i lo -n -t -c 4 tcp & sleep 1; nc -z 127.0.0.1 8000; nc -z 127.0.0.1 8001; wait']);
    const l = s.stdout.trim().split('\n');
    expect(l[0]).toMatch(/Flags \[S\], seq \d+, win 65495, options \[mss 65495,sackOK,TS val \d+ ecr 0,nop,wscale 10\], length 0$/);
    expect(l[1]).toMatch(/Flags \[S\.\], seq \d+, ack \d+, win 65483, options \[mss 65495,/);
    expect(l[2]).toMatch(/Flags \[\.\], ack 1, win 64, options \[nop,nop,TS val \d+ ecr \d+\], length 0$/);
    expect(l[3]).toMatch(/Flags \[F\.\]/);
  });

  it('-e, -i any and errors', async () => {
    const [e, any, nodev, bad, cnt] = await run([
      'tcpdump -i veth-host -n -t -e -c 1 icmp & sleep 1; ping -c 1 192.168.15.1 >/dev/null; wait',
      'tcpdump -i any -n -t -c 2 icmp 2>&1 & sleep 1; ping -c 1 192.168.15.1 >/dev/null; wait',
      'tcpdump -i nosuch',
      'tcpdump -i veth-host bogus',
      'tcpdump -c x',
    ]);
    expect(e.stdout).toMatch(/^[0-9a-f:]{17} > [0-9a-f:]{17}, ethertype IPv4 \(0x0800\), length 98: 192\.168\.15\.5 > 192\.168\.15\.1: ICMP echo request/);
    expect(any.stdout).toContain('tcpdump: data link type LINUX_SLL2\n');
    expect(any.stdout).toContain('listening on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes\n');
    expect(any.stdout).toMatch(/\nveth-host Out IP 192\.168\.15\.5 > 192\.168\.15\.1: ICMP echo request[^\n]*\nveth-host In  IP 192\.168\.15\.1 > /);
    expect([nodev.stderr, nodev.exit]).toEqual(['tcpdump: nosuch: No such device exists\n(No such device exists)\n', 1]);
    expect([bad.stderr, bad.exit]).toEqual(["tcpdump: can't parse filter expression: syntax error\n", 1]);
    expect([cnt.stderr, cnt.exit]).toEqual(['tcpdump: invalid packet count x\n', 1]);
  });

  it('streams until Ctrl-C, then prints the statistics under the ^C', async () => {
    const entries: SessionEntry[] = [
      ...SETUP.map((line) => ({ line, at: 0 })),
      { line: 'ping -c 2 -i 0.5 192.168.15.1 >/dev/null & tcpdump -i veth-host -n icmp', at: 0 },
      { intr: true, at: 3000 },
    ];
    const s = new Session({ makeWorld: () => bareWorld(1), entries });
    let out = '';
    s.onOutput((d) => (out += d));
    await s.start();
    s.dispose();
    const text = out.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
    const tail = text.slice(text.lastIndexOf('tcpdump -i veth-host -n icmp'));
    expect(tail.match(/ICMP echo (request|reply)/g)).toHaveLength(4);
    expect(tail).toMatch(/length 64\n\^C\n4 packets captured\n4 packets received by filter\n0 packets dropped by kernel\n/);
  });

  it('parses filter expressions into predicates that select the right frames', () => {
    expect(() => parseFilter(['tcp', 'port'])).toThrow();
    const ip = (src: string, dst: string, payload: object): EthFrame => ({ src: '02:00:00:00:00:01', dst: '02:00:00:00:00:02', type: 'ipv4', payload: { src: parseIp4(src)!, dst: parseIp4(dst)!, ttl: 64, tos: 0, id: 1, df: true, payload } as Ipv4Packet });
    const tcp = ip('10.0.0.1', '10.0.0.2', { proto: 'tcp', sport: 40000, dport: 80, seq: 0, ack: 0, flags: {}, window: 0, data: '' });
    const icmp = ip('10.0.0.3', '10.0.0.1', { proto: 'icmp', type: 8, code: 0, id: 1, seq: 1, dataLen: 56 });
    const udpOther = ip('10.0.0.3', '10.0.0.4', { proto: 'udp', sport: 53, dport: 5353, data: '' });
    const arp: EthFrame = { src: '02:00:00:00:00:01', dst: 'ff:ff:ff:ff:ff:ff', type: 'arp', payload: { op: 'request', sha: '02:00:00:00:00:01', spa: parseIp4('10.0.0.1')!, tha: '00:00:00:00:00:00', tpa: parseIp4('10.0.0.2')! } as ArpPacket };
    const hostTcpOrIcmp = parseFilter(['host', '10.0.0.1', 'and', '(', 'tcp', 'or', 'icmp', ')']);
    expect([tcp, icmp, udpOther, arp].map(hostTcpOrIcmp)).toEqual([true, true, false, false]);
    expect([tcp, icmp, udpOther, arp].map(parseFilter(['not', 'arp']))).toEqual([true, true, true, false]);
    expect([tcp, icmp, udpOther, arp].map(parseFilter(['port', '80']))).toEqual([true, false, false, false]);
    expect([tcp, icmp, udpOther, arp].map(parseFilter(['src', '10.0.0.3', 'and', 'not', 'icmp']))).toEqual([false, false, true, false]);
  });
});
