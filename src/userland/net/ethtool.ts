// ethtool 6.1: `ethtool DEV` (link settings), `-i` (driver information) and
// `-S` (driver statistics) for the devices the simulator has drivers for
// (veth, bridge, loopback), as recorded on Linux 6.18.

import { NOT_SIMULATED_STATUS, notSimulatedMessage, register } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';
import type { LinkMsg } from '../../kernel/netns.ts';
import { IFF } from './nettools-lib.ts';
import { nsOf } from '../lib/sys.ts';

const NOT_REPORTED =
  '\tSupported ports: [  ]\n\tSupported link modes:   Not reported\n\tSupported pause frame use: No\n\tSupports auto-negotiation: No\n\tSupported FEC modes: Not reported\n' +
  '\tAdvertised link modes:  Not reported\n\tAdvertised pause frame use: No\n\tAdvertised auto-negotiation: No\n\tAdvertised FEC modes: Not reported\n';

/** Link detected: the device runs and has carrier (ETHTOOL_GLINK). */
function link(d: LinkMsg): string {
  return `\tLink detected: ${d.flags & IFF.RUNNING ? 'yes' : 'no'}\n`;
}

/** The driver, as ETHTOOL_GDRVINFO names it (veth, bridge…; loopback and cabled NICs have no rtnl kind). */
function driver(d: LinkMsg): string | undefined {
  return d.linkinfo?.kind;
}

function settings(d: LinkMsg): string {
  let s = `Settings for ${d.ifname}:\n`;
  if (driver(d) === 'veth') {
    s += NOT_REPORTED + '\tSpeed: 10000Mb/s\n\tDuplex: Full\n\tAuto-negotiation: off\n\tPort: Twisted Pair\n\tPHYAD: 0\n\tTransceiver: internal\n\tMDI-X: Unknown\n';
  } else if (d.linkType !== 'loopback') {
    s += NOT_REPORTED + '\tSpeed: Unknown!\n\tDuplex: Unknown! (255)\n\tAuto-negotiation: off\n\tPort: Other\n\tPHYAD: 0\n\tTransceiver: internal\n';
  }
  return s + link(d);
}

function driverInfo(d: LinkMsg): string | undefined {
  const tail = 'supports-test: no\nsupports-eeprom-access: no\nsupports-register-dump: no\nsupports-priv-flags: no\n';
  if (driver(d) === 'veth') return `driver: veth\nversion: 1.0\nfirmware-version: \nexpansion-rom-version: \nbus-info: \nsupports-statistics: yes\n${tail}`;
  if (driver(d) === 'bridge') return `driver: bridge\nversion: 2.3\nfirmware-version: N/A\nexpansion-rom-version: \nbus-info: N/A\nsupports-statistics: no\n${tail}`;
  return undefined;
}

function stats(d: LinkMsg): string | undefined {
  if (driver(d) !== 'veth') return undefined;
  const peer = d.link ?? 0;
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

/** ethtool 6.1's modes (from `ethtool -h`); the simulation answers -i, -S, -P and --version and refuses the rest. */
const MODES = '-s|--change -a|--show-pause -A|--pause -c|--show-coalesce -C|--coalesce -g|--show-ring -G|--set-ring -k|--show-features|--show-offload -K|--features|--offload -i|--driver -d|--register-dump -e|--eeprom-dump -E|--change-eeprom -r|--negotiate -p|--identify -t|--test -S|--statistics --phy-statistics -n|-u|--show-nfc|--show-ntuple -N|-U|--config-nfc|--config-ntuple -T|--show-time-stamping -x|--show-rxfh-indir|--show-rxfh -X|--set-rxfh-indir|--rxfh -f|--flash -P|--show-permaddr -w|--get-dump -W|--set-dump -l|--show-channels -L|--set-channels --show-priv-flags --set-priv-flags -m|--dump-module-eeprom|--module-info --show-eee --set-eee --set-phy-tunable --get-phy-tunable --get-tunable --set-tunable --reset --show-fec --set-fec -Q|--per-queue --cable-test --cable-test-tdr --show-tunnels --show-module --set-module -h|--help --version --monitor --debug --json -I|--include-statistics'
  .split(' ')
  .map((m) => m.split('|'));
const HONOURED = new Set(['-i', '-S', '-P', '--version']);

function ethtool(p: Process): number {
  const args = p.argv.slice(1);
  const ns = nsOf(p);
  const mode0 = args.length ? MODES.find((m) => m.includes(args[0])) : undefined;
  if (mode0 && !HONOURED.has(mode0[0])) {
    p.stderr.write(notSimulatedMessage('ethtool', mode0[0]));
    return NOT_SIMULATED_STATUS;
  }
  if (args[0] === '--version') {
    p.stdout.write('ethtool version 6.1\n');
    return 0;
  }
  if (mode0?.[0] === '-P') {
    const d = args[1] === undefined ? undefined : ns.linkGet(args[1]);
    if (!d) {
      p.stderr.write(args[1] === undefined ? 'ethtool: bad command line argument(s)\nFor more information run ethtool -h\n' : 'netlink error: No such device\n');
      return args[1] === undefined ? 1 : 1;
    }
    // Virtual devices have no permanent (burned-in) address.
    p.stdout.write('Permanent address: not set\n');
    return 0;
  }
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
  const d = ns.linkGet(name);
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
    { flag: '-P, --show-permaddr', desc: 'show the permanent hardware address (virtual devices have none)' },
    { flag: '--version', desc: 'show the version' },
    ...MODES.filter((m) => !HONOURED.has(m[0])).map((m) => ({ flag: m.join(', '), desc: 'ethtool mode', notSimulated: 'offloads, rings, pause, coalescing and the other driver settings are not modelled', probe: 'lo' })),
  ],
  run: ethtool,
});
