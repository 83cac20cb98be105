// xtables-monitor 1.8.9 (iptables-nft): `--trace` prints the nf_tables trace
// events of packets marked by `iptables -t raw ... -j TRACE` in the caller's
// namespace, in the real tool's format, until Ctrl-C:
//
//   PACKET: 0 1f2e3d4c OUT=veth0 SRC=10.0.0.1 DST=10.0.0.2 LEN=84 TOS=0x0 TTL=64 ID=0DF
//    TRACE: 2 1f2e3d4c raw:OUTPUT:rule:0x3:CONTINUE -4 -t raw -A OUTPUT -p icmp -j TRACE
//    TRACE: 2 1f2e3d4c raw:OUTPUT:policy:ACCEPT
//
// (PACKET's first number is the family filter given with -4/-6, 0 without,
// exactly as the tool prints it.) Link-layer fields (MACSRC, MACDST) are not
// modelled on the simulated skb and are left out. Ruleset events (-e) are
// refused as not simulated.

import { fmtIp4 } from '../../../kernel/addr.ts';
import { nfOf, type NfTraceEvent } from '../../../kernel/netfilter/netfilter.ts';
import { ip4Len } from '../../../kernel/packet.ts';
import type { Process } from '../../../kernel/proc.ts';
import { getopt } from '../../lib/getopt.ts';
import { nsOf } from '../../lib/sys.ts';
import { refuseNotSimulated, register } from '../../registry.ts';
import { ruleSpec } from './format.ts';

const VERSION = '1.8.9';
const USAGE = `xtables-monitor v${VERSION}
Usage: xtables-monitor [ -t | -e ]
        --trace    -t    trace ruleset traversal of packets tagged via -j TRACE rule
        --event    -e    show events that modify the ruleset
Optional arguments:
        --ipv4     -4    only monitor IPv4
        --ipv6     -6    only monitor IPv6
	--counters -c    show counters in rules
`;

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/** The PACKET line of a trace event (trace_print_packet). */
export function packetLine(ev: NfTraceEvent, nfproto: number): string {
  const p = ev.packet!;
  const pkt = p.pkt;
  let s = `PACKET: ${nfproto} ${hex8(ev.id)} `;
  if (p.iif) s += `IN=${p.iif} `;
  if (p.oif) s += `OUT=${p.oif} `;
  s += `SRC=${fmtIp4(pkt.src)} DST=${fmtIp4(pkt.dst)} `;
  // The tool prints ID=%d with no space before the flags that follow.
  s += `LEN=${ip4Len(pkt)} TOS=0x${pkt.tos.toString(16)} TTL=${pkt.ttl} ID=${pkt.id}`;
  if (pkt.df) s += 'DF ';
  const l4 = pkt.payload;
  if (l4.proto === 'udp') s += `SPORT=${l4.sport} DPORT=${l4.dport} `;
  else if (l4.proto === 'tcp') {
    s += `SPORT=${l4.sport} DPORT=${l4.dport} `;
    const f = l4.flags;
    if (f.syn) s += 'SYN ';
    if (f.ack) s += 'ACK ';
    if (f.fin) s += 'FIN ';
    if (f.rst) s += 'RST ';
    if (f.psh) s += 'PSH ';
  }
  if (p.mark) s += `MARK=0x${p.mark.toString(16)} `;
  return s;
}

/** The lines one trace event prints (trace_cb). */
export function traceLines(ev: NfTraceEvent, nfproto: number): string[] {
  const out: string[] = [];
  const hdr = ` TRACE: 2 ${hex8(ev.id)} ${ev.table}:${ev.chain}`;
  if (ev.type === 'rule') {
    if (ev.packet) out.push(packetLine(ev, nfproto));
    out.push(`${hdr}:rule:0x${(ev.handle ?? 0).toString(16)}:${ev.verdict} -4 -t ${ev.table} -A ${ev.chain}${ev.rule ? ruleSpec(ev.rule) : ''}`);
  } else if (ev.type === 'policy') out.push(`${hdr}:policy:${ev.verdict} `);
  else out.push(`${hdr}:return:`);
  return out;
}

async function xtablesMonitor(p: Process): Promise<number> {
  const g = getopt(p.argv.slice(1), 'ceht46V', [
    { name: 'counters', arg: 'none', key: '-c' },
    { name: 'trace', arg: 'none', key: '-t' },
    { name: 'event', arg: 'none', key: '-e' },
    { name: 'ipv4', arg: 'none', key: '-4' },
    { name: 'ipv6', arg: 'none', key: '-6' },
    { name: 'version', arg: 'none', key: '-V' },
    { name: 'help', arg: 'none', key: '-h' },
  ]);
  if (g.error) {
    p.stderr.write(`xtables-monitor ${VERSION}: Bad argument.\nTry \`xtables-monitor -h' for more information.\n`);
    return 2;
  }
  let trace = false;
  let events = false;
  let nfproto = 0;
  for (const [k] of g.opts) {
    if (k === '-t') trace = true;
    else if (k === '-e') events = true;
    else if (k === '-4') nfproto = 2;
    else if (k === '-6') nfproto = 10;
    else if (k === '-h') {
      p.stdout.write(USAGE);
      return 0;
    } else if (k === '-V') {
      p.stdout.write(`xtables-monitor ${VERSION}\n`);
      return 0;
    }
  }
  if (!trace && !events) {
    p.stdout.write(USAGE);
    return 1;
  }
  if (events) return refuseNotSimulated(p, 'xtables-monitor', '-e');
  const st = nfOf(nsOf(p));
  let wake: (() => void) | undefined;
  const listener = (ev: NfTraceEvent): void => {
    if (!trace || nfproto === 10) return;
    p.stdout.write(traceLines(ev, nfproto).map((l) => l + '\n').join(''));
    wake?.();
  };
  st.traceListeners.add(listener);
  try {
    for (let i = 0; i < 1_000_000_000; i++) {
      const why = await p.wait((w) => {
        wake = w;
        return () => {
          wake = undefined;
        };
      });
      if (why === 'signal') return 130;
    }
  } finally {
    st.traceListeners.delete(listener);
  }
  return 0;
}

register({
  name: 'xtables-monitor',
  summary: 'show changes to the rule set and trace packets marked by -j TRACE',
  usage: 'xtables-monitor [-t] [-e] [-4|-6] [-c]',
  options: [
    { flag: '-t, --trace', desc: 'trace ruleset traversal of packets tagged via -j TRACE rule' },
    { flag: '-e, --event', desc: 'show events that modify the ruleset', notSimulated: 'ruleset changes are not reported as events; compare iptables-save or nft list ruleset before and after' },
    { flag: '-4, --ipv4', desc: 'only monitor IPv4' },
    { flag: '-6, --ipv6', desc: 'only monitor IPv6' },
    { flag: '-c, --counters', desc: 'show counters in rules' },
    { flag: '-V, --version', desc: 'print the version' },
  ],
  run: xtablesMonitor,
});
