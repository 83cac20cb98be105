// hostname (Debian hostname 3.23): show or set the host name (the UTS name
// of the kernel, not /etc/hostname), -s/-f/-d/-i/-I as the real tool derives
// them from the resolver and the interfaces.

import { register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import { fmtIp4 } from '../../kernel/addr.ts';
import { IFF } from '../../kernel/netdev.ts';
import { getHostByName } from '../lib/resolve.ts';
import { kernelOf, nsOf } from '../lib/sys.ts';

const USAGE =
  "Usage: hostname [-b] {hostname|-F file}         set host name (from file)\n" +
  "       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name\n" +
  "       hostname                                 display host name\n" +
  "\n" +
  "       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)\n" +
  "       {yp,nis,}domainname                      display NIS domain name\n" +
  "\n" +
  "       dnsdomainname                            display dns domain name\n" +
  "\n" +
  "       hostname -V|--version|-h|--help          print info and exit\n" +
  "\n" +
  "Program name:\n" +
  "       {yp,nis,}domainname=hostname -y\n" +
  "       dnsdomainname=hostname -d\n" +
  "\n" +
  "Program options:\n" +
  "    -a, --alias            alias names\n" +
  "    -A, --all-fqdns        all long host names (FQDNs)\n" +
  "    -b, --boot             set default hostname if none available\n" +
  "    -d, --domain           DNS domain name\n" +
  "    -f, --fqdn, --long     long host name (FQDN)\n" +
  "    -F, --file             read host name or NIS domain name from given file\n" +
  "    -i, --ip-address       addresses for the host name\n" +
  "    -I, --all-ip-addresses all addresses for the host\n" +
  "    -s, --short            short host name\n" +
  "    -y, --yp, --nis        NIS/YP domain name\n" +
  "\n" +
  "Description:\n" +
  "   This command can get or set the host name or the NIS domain name. You can\n" +
  "   also get the DNS domain or the FQDN (fully qualified domain name).\n" +
  "   Unless you are using bind or NIS for host lookups you can change the\n" +
  "   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is\n" +
  "   part of the FQDN) in the /etc/hosts file.\n";

/** The canonical name (FQDN) of the host name, or why the lookup failed. */
async function fqdn(p: Process, name: string): Promise<{ name: string; addrs: string[] } | undefined> {
  const r = await getHostByName(p, name, 4);
  if (typeof r === 'string') return undefined;
  return { name: r.name, addrs: r.addrs };
}

async function hostname(p: Process): Promise<number> {
  const k = kernelOf(p);
  const args = p.argv.slice(1);
  type Mode = 'show' | 's' | 'f' | 'd' | 'i' | 'I' | 'a' | 'A' | 'y';
  let mode = 'show' as Mode;
  let file: string | undefined;
  const operands: string[] = [];
  const longs: Record<string, string> = {
    short: 's',
    fqdn: 'f',
    long: 'f',
    domain: 'd',
    'ip-address': 'i',
    'all-ip-addresses': 'I',
    alias: 'a',
    'all-fqdns': 'A',
    yp: 'y',
    nis: 'y',
    help: 'h',
    version: 'V',
    file: 'F',
    boot: 'b',
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let opts: string[] = [];
    if (a.startsWith('--')) {
      const o = Object.hasOwn(longs, a.slice(2)) ? longs[a.slice(2)] : undefined;
      if (!o) {
        p.stderr.write(`hostname: unrecognized option '${a}'\n`);
        p.stdout.write(USAGE);
        return 255;
      }
      opts = [o];
    } else if (a.startsWith('-') && a.length > 1) opts = a.slice(1).split('');
    else {
      operands.push(a);
      continue;
    }
    for (const c of opts) {
      if ('sfdiIaAy'.includes(c)) mode = c as Mode;
      else if (c === 'b') {
        // set only if none: the kernel always has one
      } else if (c === 'F') {
        file = args[++i];
      } else if (c === 'h') {
        p.stdout.write(USAGE);
        return 0;
      } else if (c === 'V') {
        p.stdout.write('hostname 3.23\n');
        return 0;
      } else {
        p.stderr.write(`hostname: invalid option -- '${c}'\n`);
        p.stdout.write(USAGE);
        return 255;
      }
    }
  }
  if (operands.length > 1) {
    p.stderr.write(USAGE);
    return 255;
  }
  if (file !== undefined || operands.length) {
    let name = operands[0];
    if (file !== undefined) {
      try {
        name = k.vfs.readFile(file, p.vfsCtx()).split('\n').find((l) => l.trim() && !l.startsWith('#'))?.trim() ?? '';
      } catch (e) {
        p.stderr.write(`hostname: ${file}: ${(e as Error).message}\n`);
        return 1;
      }
    }
    if (!name || name.length > 64 || !/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(name)) {
      p.stderr.write('hostname: the specified hostname is invalid\n');
      return 1;
    }
    k.hostname = name;
    k.notifyTopology();
    return 0;
  }
  const name = k.hostname;
  switch (mode) {
    case 'show':
      p.stdout.write(`${name}\n`);
      return 0;
    case 's':
      p.stdout.write(`${name.split('.')[0]}\n`);
      return 0;
    case 'y':
      p.stderr.write('hostname: Local domain name not set\n');
      return 1;
    case 'I': {
      const ns = nsOf(p);
      const out: string[] = [];
      for (const l of ns.linkDump()) {
        if (l.linkType === 'loopback' || !(l.flags & IFF.UP)) continue;
        for (const a of ns.addrDump(l.dev)) if (a.local >>> 24 !== 127) out.push(fmtIp4(a.local));
      }
      p.stdout.write(out.map((x) => `${x} `).join('') + '\n');
      return 0;
    }
    default: {
      const f = await fqdn(p, name);
      if (!f) {
        p.stderr.write('hostname: Temporary failure in name resolution\n');
        return 1;
      }
      if (mode === 'f' || mode === 'A') p.stdout.write(`${f.name}${mode === 'A' ? ' ' : ''}\n`);
      else if (mode === 'd') p.stdout.write(f.name.includes('.') ? `${f.name.slice(f.name.indexOf('.') + 1)}\n` : '');
      else if (mode === 'i') p.stdout.write(`${f.addrs.join(' ')}\n`);
      else p.stdout.write('\n');
      return 0;
    }
  }
}

register({
  name: 'hostname',
  summary: 'show or set the system host name',
  usage: 'hostname [-s|-f|-d|-i|-I] | hostname NAME | hostname -F FILE',
  options: [
    { flag: '-s, --short', desc: 'short host name' },
    { flag: '-f, --fqdn, --long', desc: 'long host name (FQDN)' },
    { flag: '-d, --domain', desc: 'DNS domain name' },
    { flag: '-i, --ip-address', desc: 'addresses for the host name' },
    { flag: '-I, --all-ip-addresses', desc: 'all addresses for the host' },
    { flag: '-F, --file', arg: 'file', desc: 'read the host name from a file' },
  ],
  run: hostname,
});
