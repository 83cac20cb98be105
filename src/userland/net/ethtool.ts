// ethtool 6.1: `ethtool DEV` (link settings), `-i` (driver information) and
// `-S` (driver statistics) for the devices the simulator has drivers for
// (veth, bridge, loopback), as recorded on Linux 6.18.

import { register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import type { NetDevice } from '../../kernel/netdev.ts';
import { nsOf } from '../lib/sys.ts';

const NOT_REPORTED =
  '\tSupported ports: [  ]\n\tSupported link modes:   Not reported\n\tSupported pause frame use: No\n\tSupports auto-negotiation: No\n\tSupported FEC modes: Not reported\n' +
  '\tAdvertised link modes:  Not reported\n\tAdvertised pause frame use: No\n\tAdvertised auto-negotiation: No\n\tAdvertised FEC modes: Not reported\n';

/** Link detected: the device runs and has carrier (ETHTOOL_GLINK). */
function link(d: NetDevice): string {
  return `\tLink detected: ${d.adminUp && d.carrier ? 'yes' : 'no'}\n`;
}

function settings(d: NetDevice): string {
  let s = `Settings for ${d.name}:\n`;
  if (d.kind === 'veth') {
    s += NOT_REPORTED + '\tSpeed: 10000Mb/s\n\tDuplex: Full\n\tAuto-negotiation: off\n\tPort: Twisted Pair\n\tPHYAD: 0\n\tTransceiver: internal\n\tMDI-X: Unknown\n';
  } else if (d.kind !== 'loopback') {
    s += NOT_REPORTED + '\tSpeed: Unknown!\n\tDuplex: Unknown! (255)\n\tAuto-negotiation: off\n\tPort: Other\n\tPHYAD: 0\n\tTransceiver: internal\n';
  }
  return s + link(d);
}

function driverInfo(d: NetDevice): string | undefined {
  const tail = 'supports-test: no\nsupports-eeprom-access: no\nsupports-register-dump: no\nsupports-priv-flags: no\n';
  if (d.kind === 'veth') return `driver: veth\nversion: 1.0\nfirmware-version: \nexpansion-rom-version: \nbus-info: \nsupports-statistics: yes\n${tail}`;
  if (d.kind === 'bridge') return `driver: bridge\nversion: 2.3\nfirmware-version: N/A\nexpansion-rom-version: \nbus-info: N/A\nsupports-statistics: no\n${tail}`;
  return undefined;
}

function stats(d: NetDevice): string | undefined {
  if (d.kind !== 'veth') return undefined;
  const peer = d.peer ? d.peer.ifindex : 0;
  const rows: [string, number][] = [
    ['peer_ifindex', peer],
    ['rx_queue_0_xdp_packets', 0],
    ['rx_queue_0_xdp_bytes', 0],
    ['rx_queue_0_drops', 0],
    ['rx_queue_0_xdp_redirect', 0],
    ['rx_queue_0_xdp_drops', 0],
    ['rx_queue_0_xdp_tx', 0],
    ['rx_queue_0_xdp_tx_errors', 0],
    ['tx_queue_0_xdp_xmit', 0],
    ['tx_queue_0_xdp_xmit_errors', 0],
  ];
  return 'NIC statistics:\n' + rows.map(([k, v]) => `     ${k}: ${v}\n`).join('');
}

function ethtool(p: Process): number {
  const args = p.argv.slice(1);
  const ns = nsOf(p);
  if (!args.length) {
    p.stderr.write('ethtool: bad command line argument(s)\nFor more information run ethtool -h\n');
    return 1;
  }
  const mode = args[0] === '-i' || args[0] === '--driver' ? 'i' : args[0] === '-S' || args[0] === '--statistics' ? 'S' : args[0].startsWith('-') ? '?' : 'show';
  if (mode === '?') {
    p.stderr.write('ethtool: bad command line argument(s)\nFor more information run ethtool -h\n');
    return 1;
  }
  const name = mode === 'show' ? args[0] : args[1];
  if (name === undefined) {
    p.stderr.write('ethtool: bad command line argument(s)\nFor more information run ethtool -h\n');
    return 1;
  }
  const d = ns.devByName(name);
  if (mode === 'show') {
    if (!d) {
      p.stdout.write('No data available\n');
      p.stderr.write('netlink error: no device matches name (offset 24)\nnetlink error: No such device\n'.repeat(5));
      return 75;
    }
    p.stdout.write(settings(d));
    return 0;
  }
  if (mode === 'i') {
    const info = d ? driverInfo(d) : undefined;
    if (!info) {
      p.stderr.write(`Cannot get driver information: ${d ? 'Operation not supported' : 'No such device'}\n`);
      return 71;
    }
    p.stdout.write(info);
    return 0;
  }
  if (!d) {
    p.stderr.write('Cannot get stats strings information: No such device\n');
    return 96;
  }
  const st = stats(d);
  if (!st) {
    p.stderr.write('no stats available\n');
    return 94;
  }
  p.stdout.write(st);
  return 0;
}

register({
  name: 'ethtool',
  summary: 'query network driver and hardware settings',
  usage: 'ethtool DEVNAME | ethtool -i DEVNAME | ethtool -S DEVNAME',
  options: [
    { flag: '-i, --driver', desc: 'show driver information' },
    { flag: '-S, --statistics', desc: 'show adapter statistics' },
  ],
  run: ethtool,
});
