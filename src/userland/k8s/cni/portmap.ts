// The portmap plugin (plugins/meta/portmap, containernetworking/plugins 1.1),
// chained after the main plugin: for runtimeConfig.portMappings it writes
// the nat rules the recorded plugin writes — CNI-HOSTPORT-SETMARK (mark
// 0x2000 for hairpin and localhost connections), CNI-HOSTPORT-MASQ entered
// from POSTROUTING, and CNI-HOSTPORT-DNAT entered from PREROUTING and OUTPUT
// for local destinations, jumping per protocol to the container's
// CNI-DN-<hash> chain of DNAT rules — and passes prevResult through.

import type { Process } from '../../../kernel/proc.ts';
import { fmtIp4 } from '../../../kernel/addr.ts';
import { StringOut } from '../../../kernel/proc.ts';
import { CniError, ERR, iptables, parseCidr, pluginMain, refuseUnmodelled, type CmdArgs, type CniResult } from './skel.ts';
import { sha512hex } from '../../../k8s/sha512.ts';

interface PortMapping {
  hostPort: number;
  containerPort: number;
  protocol?: string;
  hostIP?: string;
}

/** utils.MustFormatChainNameWithPrefix(name, id, prefix): "CNI-"+prefix+sha512(name+id) hex, cut to 28 characters. */
export function cniChainName(name: string, id: string, prefix: string): string {
  return (`CNI-${prefix}` + sha512hex(name + id)).slice(0, 28);
}

const SETMARK = 'CNI-HOSTPORT-SETMARK';
const MASQ = 'CNI-HOSTPORT-MASQ';
const DNAT = 'CNI-HOSTPORT-DNAT';
const MARK = '0x2000/0x2000';

/** Ensure a nat rule is present (iptables -C, then -A), as go-iptables' AppendUnique does. */
async function appendUnique(p: Process, chain: string, rule: string[]): Promise<void> {
  if ((await iptables(p, ['-t', 'nat', '-C', chain, ...rule])).code === 0) return;
  const r = await iptables(p, ['-t', 'nat', '-A', chain, ...rule]);
  if (r.code !== 0) throw new CniError(ERR.internal, `failed to append rule to ${chain}: ${r.err}`);
}

async function ensureChain(p: Process, chain: string): Promise<void> {
  if ((await iptables(p, ['-t', 'nat', '-S', chain])).code !== 0) await iptables(p, ['-t', 'nat', '-N', chain]);
}

/** The iptables argument lists portmap 1.1 would run for one container (nat table, in order). */
export function portmapCommands(netName: string, containerId: string, containerIp: string, maps: PortMapping[], subnet?: string, snat = true): string[][] {
  const chain = cniChainName(netName, containerId, 'DN-');
  const comment = `dnat name: "${netName}" id: "${containerId}"`;
  const out: string[][] = [];
  for (const m of maps) {
    const proto = (m.protocol ?? '').toLowerCase();
    const dst = m.hostIP ? ['-d', m.hostIP] : [];
    if (snat) {
      // Hairpin (the container's own network) and localhost connections get the masquerade mark.
      if (subnet) out.push(['-A', chain, '-p', proto, '--dport', String(m.hostPort), '-s', subnet, ...dst, '-j', SETMARK]);
      out.push(['-A', chain, '-p', proto, '--dport', String(m.hostPort), '-s', '127.0.0.1', ...dst, '-j', SETMARK]);
    }
    out.push(['-A', chain, '-p', proto, '--dport', String(m.hostPort), ...dst, '-j', 'DNAT', '--to-destination', `${containerIp}:${m.containerPort}`]);
  }
  for (const proto of [...new Set(maps.map((m) => (m.protocol ?? '').toLowerCase()))]) {
    const ports = maps.filter((m) => (m.protocol ?? '').toLowerCase() === proto).map((m) => m.hostPort);
    out.push(['-A', DNAT, '-p', proto, '-m', 'comment', '--comment', comment, '-m', 'multiport', '--destination-ports', ports.join(','), '-j', chain]);
  }
  return out;
}

async function add(p: Process, a: CmdArgs): Promise<CniResult> {
  refuseUnmodelled('portmap', a.conf, ['masqAll', 'conditionsV4', 'conditionsV6', 'externalSetMarkChain', 'markMasqBit', 'backend']);
  const prev = a.conf.prevResult;
  if (!prev) throw new CniError(ERR.internal, 'must be called as chained plugin');
  const maps = ((a.conf.runtimeConfig?.portMappings as PortMapping[] | undefined) ?? []).filter((m) => m && m.hostPort > 0);
  if (!maps.length) return prev;
  const addr = prev.ips?.find((x) => !x.address.includes(':'))?.address;
  if (!addr) return prev;
  const ip = addr.split('/')[0];
  const c = parseCidr(addr);
  const snat = a.conf.snat !== false;
  if (snat) {
    // The masquerade half: mark hairpin/localhost connections, masquerade marked ones.
    await ensureChain(p, SETMARK);
    await appendUnique(p, SETMARK, ['-m', 'comment', '--comment', 'CNI portfwd masquerade mark', '-j', 'MARK', '--set-xmark', MARK]);
    await ensureChain(p, MASQ);
    await appendUnique(p, MASQ, ['-m', 'mark', '--mark', MARK, '-j', 'MASQUERADE']);
    await appendUnique(p, 'POSTROUTING', ['-m', 'comment', '--comment', 'CNI portfwd requiring masquerade', '-j', MASQ]);
  }
  // The DNAT half.
  await ensureChain(p, DNAT);
  const chain = cniChainName(a.conf.name ?? '', a.containerId, 'DN-');
  await iptables(p, ['-t', 'nat', '-N', chain]);
  await iptables(p, ['-t', 'nat', '-F', chain]);
  for (const cmd of portmapCommands(a.conf.name ?? '', a.containerId, ip, maps, c ? `${fmtIp4(c.ip)}/${c.len}` : undefined, snat)) {
    const [, ch, ...rule] = cmd;
    if ((await iptables(p, ['-t', 'nat', '-C', ch, ...rule])).code === 0) continue;
    const r = await iptables(p, ['-t', 'nat', '-A', ch, ...rule]);
    if (r.code !== 0) {
      // go-iptables reports the check it ran, with iptables' own words.
      const check = await iptables(p, ['-t', 'nat', '-C', ch, ...rule]);
      throw new CniError(ERR.internal, `unable to setup DNAT: running [/usr/sbin/iptables -t nat -C ${ch} ${rule.join(' ')} --wait]: exit status ${check.code}: ${check.err}`);
    }
  }
  for (const hook of ['PREROUTING', 'OUTPUT']) await appendUnique(p, hook, ['-m', 'addrtype', '--dst-type', 'LOCAL', '-j', DNAT]);
  return prev;
}

/** Split one `iptables -S` line into words (double quotes with backslash escapes, as iptables prints them). */
export function splitRuleWords(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      inWord = true;
      for (i++; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && i + 1 < line.length) i++;
        cur += line[i];
      }
    } else if (ch === ' ') {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}

/** Delete every rule of `chain` (nat) that jumps to `target`, as the plugin's chain teardown does. */
async function deleteJumpsTo(p: Process, chain: string, target: string): Promise<void> {
  const out = new StringOut();
  await p.exec(p, ['iptables', '-t', 'nat', '-S', chain, '--wait'], { stdout: out, stderr: new StringOut() }).catch(() => 1);
  for (const line of out.text.split('\n')) {
    const words = splitRuleWords(line);
    if (words[0] !== '-A' || words[1] !== chain) continue;
    const j = words.indexOf('-j');
    if (j < 0 || words[j + 1] !== target) continue;
    await iptables(p, ['-t', 'nat', '-D', ...words.slice(1)]);
  }
}

async function del(p: Process, a: CmdArgs): Promise<void> {
  const chain = cniChainName(a.conf.name ?? '', a.containerId, 'DN-');
  await deleteJumpsTo(p, DNAT, chain);
  await iptables(p, ['-t', 'nat', '-F', chain]);
  await iptables(p, ['-t', 'nat', '-X', chain]);
}

async function check(p: Process, a: CmdArgs): Promise<void> {
  if (!a.conf.prevResult) throw new CniError(ERR.internal, 'Required prevResult missing');
  const maps = ((a.conf.runtimeConfig?.portMappings as PortMapping[] | undefined) ?? []).filter((m) => m && m.hostPort > 0);
  if (!maps.length) return;
  const chain = cniChainName(a.conf.name ?? '', a.containerId, 'DN-');
  if ((await iptables(p, ['-t', 'nat', '-S', chain])).code !== 0) throw new CniError(ERR.internal, `could not check ipv4 dnat: chain ${chain} not found in iptables table nat`);
  // 1.1 also checks the IPv6 chain, which a config with IPv4 addresses never gets.
  throw new CniError(ERR.internal, `could not check ipv6 dnat: chain ${chain} not found in iptables table nat`);
}

/** Run portmap under the CNI protocol. */
export function portmapMain(p: Process): Promise<number> {
  return pluginMain(p, 'portmap', { add, del, check });
}
