// TEMPORARY stand-ins used only while src/session, src/world and src/labs are
// still being written: a line-echoing session and the lab texts. backend.ts
// prefers the real modules as soon as they exist; delete this file then.

import type { TermCheckResult, TermEntry } from './protocol.ts';
import type { LabText, SessionLike, SessionCtorOptions } from './backend.ts';

/** Echoes keystrokes, records lines, answers every command with a notice. */
export class StubSession implements SessionLike {
  private out: ((d: string) => void)[] = [];
  private buf = '';
  private list: TermEntry[];
  private t = 0;
  constructor(opts: SessionCtorOptions) {
    this.list = [...(opts.entries ?? [])];
  }
  private emit(d: string) {
    for (const cb of this.out) cb(d);
  }
  async start() {
    for (const e of this.list) if ('line' in e) this.emit(`root@host:~# ${e.line}\r\n`);
    this.emit('root@host:~# ');
  }
  input(data: string) {
    for (const ch of data) {
      if (ch === '\r') {
        const line = this.buf;
        this.buf = '';
        this.emit('\r\n');
        if (line.trim()) {
          this.list.push({ line, at: this.t++ });
          this.emit(`${line.split(' ')[0]}: simulator not available yet\r\n`);
        }
        this.emit('root@host:~# ');
      } else if (ch === '\x7f') {
        if (this.buf) {
          this.buf = this.buf.slice(0, -1);
          this.emit('\b \b');
        }
      } else if (ch === '\x03') {
        this.buf = '';
        this.list.push({ intr: true, at: this.t++ });
        this.emit('^C\r\nroot@host:~# ');
      } else if (ch >= ' ') {
        this.buf += ch;
        this.emit(ch);
      }
    }
  }
  onOutput(cb: (d: string) => void) {
    this.out.push(cb);
  }
  entries() {
    return [...this.list];
  }
  async idle() {}
  resize() {}
  dispose() {
    this.out = [];
  }
}

/** The three labs' texts, until src/labs/index.ts provides them. */
export const stubLabs: LabText[] = [
  {
    id: 'routing-two-subnets',
    title: 'Route between two subnets',
    lesson: 'switching-routing',
    goal: 'Host A (192.168.1.0/24) and host C (192.168.2.0/24) sit on two different networks joined by router B. Give the routes and turn B into a router so that A can ping C.',
    hints: ['Each host needs a route to the other network via the router address on its own network.', 'Linux does not forward packets between interfaces unless /proc/sys/net/ipv4/ip_forward is 1.'],
    solution: ['ip netns exec a ip route add 192.168.2.0/24 via 192.168.1.6', 'ip netns exec c ip route add 192.168.1.0/24 via 192.168.2.6', 'ip netns exec b sysctl -w net.ipv4.ip_forward=1'],
  },
  {
    id: 'namespaces-veth',
    title: 'Link two namespaces with a veth pair',
    lesson: 'namespaces',
    goal: 'Create namespaces red and blue, join them with a veth pair (veth-red in red, veth-blue in blue), give them 192.168.15.1 and 192.168.15.2 and bring both ends up, so that red can ping blue.',
    hints: ['ip netns add creates a namespace.', 'ip link add veth-red type veth peer name veth-blue creates both ends at once.', 'Move each end with ip link set ... netns ..., then address it and set it up with ip -n.'],
    solution: [
      'ip netns add red',
      'ip netns add blue',
      'ip link add veth-red type veth peer name veth-blue',
      'ip link set veth-red netns red',
      'ip link set veth-blue netns blue',
      'ip -n red addr add 192.168.15.1/24 dev veth-red',
      'ip -n blue addr add 192.168.15.2/24 dev veth-blue',
      'ip -n red link set veth-red up',
      'ip -n blue link set veth-blue up',
    ],
  },
  {
    id: 'namespaces-bridge',
    title: 'A virtual switch for four namespaces',
    lesson: 'namespaces',
    goal: 'Connect red, blue, orange and gray (192.168.15.1-4/24) through a Linux bridge v-net-0, and give the host 192.168.15.5 on the bridge, so that every namespace and the host reach each other.',
    hints: ['ip link add v-net-0 type bridge, then set it up.', 'One veth pair per namespace: one end in the namespace, the other end with master v-net-0.', 'The host joins the network by putting an address on the bridge itself.'],
    solution: ['ip link add v-net-0 type bridge', 'ip link set v-net-0 up'],
  },
];

/** Used when the labs engine is missing: one failing check that says so. */
export async function stubRunChecks(): Promise<TermCheckResult[]> {
  return [{ id: 'engine', title: 'Lab engine', passed: false, message: 'The lab checks are not available in this build yet.' }];
}
