// Parametric variant of namespaces-veth for graded checkpoints: the seed
// picks each learner's namespace names and subnet, so two learners'
// answers differ and a copied transcript fails.

import type { LabDef, Params } from '../../src/labs/types.ts';
import { Rng } from '../../src/kernel/rng.ts';
import { addrOnVethTo, all, distinctNs, netnsExists, reachesOver } from '../../src/labs/checks.ts';

const NAMES = ['red', 'blue', 'green', 'orange', 'purple', 'gray', 'cyan', 'pink', 'lime', 'teal', 'amber', 'indigo'];

function params(seed: number): Params {
  const r = new Rng(seed * 7919 + 17);
  const i = r.int(0, NAMES.length - 1);
  let j = r.int(0, NAMES.length - 2);
  if (j >= i) j++;
  const net = `10.${r.int(1, 254)}.${r.int(0, 255)}`;
  return { a: NAMES[i], b: NAMES[j], ipA: `${net}.${r.int(1, 126)}`, ipB: `${net}.${r.int(129, 254)}`, net: `${net}.0/24` };
}

const lab: LabDef = {
  id: 'namespaces-veth-random',
  title: 'Connect two namespaces with a veth pair (your own values)',
  lesson: 'namespaces',
  params,
  goal: (p) =>
    `Starting from a bare host, create network namespaces \`${p.a}\` and \`${p.b}\`, join them with a veth pair, ` +
    `give ${p.a} ${p.ipA}/24 and ${p.b} ${p.ipB}/24, and make them reach each other.`,
  hints: (p) => [
    `Two rooms first: create ${p.a} and ${p.b} by name; \`ip netns\` lists them.`,
    `One veth pair joins them: both ends start on the host, and each moves into its own namespace.`,
    `Inside each namespace, give its end an address with the /24 prefix and bring it up.`,
    `\`ip netns add ${p.a}\`, \`ip netns add ${p.b}\`, \`ip link add veth-${p.a} type veth peer name veth-${p.b}\`, \`ip link set veth-${p.a} netns ${p.a}\`, \`ip link set veth-${p.b} netns ${p.b}\`, \`ip -n ${p.a} addr add ${p.ipA}/24 dev veth-${p.a}\`, \`ip -n ${p.b} addr add ${p.ipB}/24 dev veth-${p.b}\`, and \`ip -n NAME link set veth-NAME up\` for both.`,
  ],
  solution: (p) => [
    `ip netns add ${p.a}`,
    `ip netns add ${p.b}`,
    `ip link add veth-${p.a} type veth peer name veth-${p.b}`,
    `ip link set veth-${p.a} netns ${p.a}`,
    `ip link set veth-${p.b} netns ${p.b}`,
    `ip -n ${p.a} addr add ${p.ipA}/24 dev veth-${p.a}`,
    `ip -n ${p.b} addr add ${p.ipB}/24 dev veth-${p.b}`,
    `ip -n ${p.a} link set veth-${p.a} up`,
    `ip -n ${p.b} link set veth-${p.b} up`,
  ],
  build() {},
  checks: [
    { id: 'namespaces', title: (p) => `Namespaces ${p.a} and ${p.b} exist`, run: async (ctx, p) => all(netnsExists(ctx, p.a), netnsExists(ctx, p.b), distinctNs(ctx, [p.a, p.b])) },
    {
      id: 'addresses',
      title: (p) => `${p.a} has ${p.ipA}/24 and ${p.b} has ${p.ipB}/24, on the two ends of one veth pair, up`,
      run: async (ctx, p) => all(addrOnVethTo(ctx, p.a, `${p.ipA}/24`, p.b), addrOnVethTo(ctx, p.b, `${p.ipB}/24`, p.a)),
    },
    { id: 'a-to-b', title: (p) => `${p.a} reaches ${p.ipB} in ${p.b} over the veth pair`, run: (ctx, p) => reachesOver(ctx, p.a, p.ipB, { at: p.b, veth: true }) },
    { id: 'b-to-a', title: (p) => `${p.b} reaches ${p.ipA} in ${p.a} over the veth pair`, run: (ctx, p) => reachesOver(ctx, p.b, p.ipA, { at: p.a, veth: true }) },
  ],
  shortcuts: [
    {
      name: 'both addresses on lo in each namespace, no veth',
      commands: (p) => [`ip netns add ${p.a}`, `ip netns add ${p.b}`, ...[p.a, p.b].flatMap((n) => [`ip -n ${n} addr add ${p.ipA}/24 dev lo`, `ip -n ${n} addr add ${p.ipB}/24 dev lo`, `ip -n ${n} link set lo up`])],
      expect: ['addresses', 'a-to-b', 'b-to-a'],
    },
    {
      name: 'one namespace under two names (bind mount)',
      commands: (p) => [`ip netns add ${p.a}`, `touch /run/netns/${p.b}`, `mount --bind /run/netns/${p.a} /run/netns/${p.b}`, `ip -n ${p.a} addr add ${p.ipA}/24 dev lo`, `ip -n ${p.a} addr add ${p.ipB}/24 dev lo`, `ip -n ${p.a} link set lo up`],
      expect: ['namespaces', 'a-to-b'],
    },
  ],
};

export default lab;
