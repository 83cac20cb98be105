// ipvsadm(8) (ipvsadm 1.31): -L/-l list (with -n numeric), -A/-a/-D/-d to
// edit virtual and real servers, -C clear. Listing layout as the real tool
// prints it (title, header, "TCP  VIP:PORT rr", "  -> RIP:PORT  Masq ...").

import { register } from '../registry.ts';
import { kernelOf, nsOf } from '../lib/sys.ts';
import { ipvsOf } from '../../kernel/ipvs/ipvs.ts';

/** The listing `ipvsadm -Ln` prints. */
export function formatIpvs(services: ReturnType<typeof ipvsOf>['services']): string {
  let s = 'IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n';
  for (const v of services) {
    s += `${v.proto}  ${v.addr}:${v.port} ${v.sched}\n`;
    for (const d of v.dests) s += `  -> ${`${d.addr}:${d.port}`.padEnd(28)} ${d.fwd.padEnd(7)} ${String(d.weight).padEnd(6)} ${String(d.activeConns).padEnd(10)} ${String(d.inactConns).padEnd(10)}\n`;
  }
  return s;
}

/** print_largenum: a 9-column count, scaled to K/M/G/T past 100 million. */
function largenum(i: number): string {
  if (i < 1e8) return String(i).padStart(9);
  if (i < 1e9) return `${String(Math.floor(i / 1e3)).padStart(8)}K`;
  if (i < 1e11) return `${String(Math.floor(i / 1e6)).padStart(8)}M`;
  if (i < 1e14) return `${String(Math.floor(i / 1e9)).padStart(8)}G`;
  return `${String(Math.floor(i / 1e12)).padStart(8)}T`;
}

/** The listing `ipvsadm -Ln --stats` prints (conns, packets and bytes per service and real server). */
export function formatIpvsStats(services: ReturnType<typeof ipvsOf>['services']): string {
  const nums = (st: { conns: number; inpkts: number; outpkts: number; inbytes: number; outbytes: number } | undefined): string => {
    const x = st ?? { conns: 0, inpkts: 0, outpkts: 0, inbytes: 0, outbytes: 0 };
    return [x.conns, x.inpkts, x.outpkts, x.inbytes, x.outbytes].map(largenum).join('');
  };
  let s = 'IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes\n  -> RemoteAddress:Port\n';
  for (const v of services) {
    s += `${`${v.proto}  ${v.addr}:${v.port}`.padEnd(33)}${nums(v.stats)}\n`;
    for (const d of v.dests) s += `  -> ${`${d.addr}:${d.port}`.padEnd(28)}${nums(d.stats)}\n`;
  }
  return s;
}

register({
  name: 'ipvsadm',
  summary: 'Linux Virtual Server administration',
  usage: 'ipvsadm -L|-l [-n] [--stats] | -A -t|-u VIP:PORT [-s rr] | -a -t|-u VIP:PORT -r RIP:PORT [-m] | -D -t|-u VIP:PORT | -C',
  run(p) {
    const t = ipvsOf(nsOf(p));
    const args = p.argv.slice(1);
    const flags = args.filter((a) => /^-[A-Za-z]+$/.test(a)).join('');
    const svcArg = (): { proto: 'TCP' | 'UDP'; addr: string; port: number } | undefined => {
      const i = args.findIndex((a) => a === '-t' || a === '-u');
      if (i < 0 || !args[i + 1]) return undefined;
      const [addr, port] = args[i + 1].split(':');
      return { proto: args[i] === '-t' ? 'TCP' : 'UDP', addr, port: Number(port) };
    };
    if (!args.length || /[Ll]/.test(flags)) {
      t.conns(kernelOf(p).clock.now);
      p.stdout.write(args.includes('--stats') ? formatIpvsStats(t.services) : formatIpvs(t.services));
      return 0;
    }
    if (flags.includes('C')) {
      t.services.splice(0);
      return 0;
    }
    const v = svcArg();
    if (!v) {
      p.stderr.write('Service address not specified\n');
      return 2;
    }
    if (flags.includes('A')) {
      if (t.find(v.proto, v.addr, v.port)) {
        p.stderr.write('Service already exists\n');
        return 1;
      }
      const si = args.indexOf('-s');
      t.addService({ ...v, sched: si >= 0 ? args[si + 1] : 'wlc' });
      return 0;
    }
    if (flags.includes('D')) {
      if (!t.delService(v.proto, v.addr, v.port)) {
        p.stderr.write('No such service\n');
        return 1;
      }
      return 0;
    }
    if (flags.includes('a') || flags.includes('d')) {
      const s = t.find(v.proto, v.addr, v.port);
      if (!s) {
        p.stderr.write('No such service\n');
        return 1;
      }
      const ri = args.indexOf('-r');
      const [ra, rp] = (args[ri + 1] ?? '').split(':');
      if (flags.includes('d')) s.dests = s.dests.filter((d) => !(d.addr === ra && d.port === Number(rp || v.port)));
      else s.dests.push({ addr: ra, port: Number(rp || v.port), weight: 1, fwd: args.includes('-m') ? 'Masq' : args.includes('-i') ? 'Tunnel' : 'Route', activeConns: 0, inactConns: 0 });
      return 0;
    }
    p.stderr.write(`ipvsadm: invalid option -- '${flags[0] ?? ''}'\n`);
    return 2;
  },
});
