// <pl-topology> and <pl-packet-path>: live views of a terminal's world,
// loaded with the terminal (never before it). Each finds its terminal (the
// `for` attribute names its id; else the enclosing lab's or terminal's, else
// the page's main one), draws the latest snapshot the worker sent and redraws
// on `pl-topology` / `pl-path`. Everything drawn has a text equivalent.

import type { PathSnapshot, PathStep, TopoIface, TopoSnapshot } from './protocol.ts';
import type { PlTerminal } from './terminal-element.ts';

const SVG = 'http://www.w3.org/2000/svg';

function termFor(el: HTMLElement): PlTerminal | null {
  const id = el.getAttribute('for');
  if (id) return document.getElementById(id) as PlTerminal | null;
  return (el.closest('pl-lab')?.querySelector('pl-terminal') ?? el.closest('pl-terminal') ?? document.querySelector('pl-terminal[data-main]')) as PlTerminal | null;
}

function svg<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function h<K extends keyof HTMLElementTagNameMap>(name: K, attrs: Record<string, string> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...kids);
  return e;
}

/** Base class: subscribe to the terminal and redraw on its events. */
abstract class TermView extends HTMLElement {
  private term: PlTerminal | null = null;
  private off: (() => void) | null = null;
  protected abstract readonly event: string;
  protected abstract draw(term: PlTerminal): void;

  connectedCallback(): void {
    this.term = termFor(this);
    const t = this.term;
    if (!t) return;
    const fn = () => this.draw(t);
    t.addEventListener(this.event, fn);
    this.off = () => t.removeEventListener(this.event, fn);
    this.draw(t);
  }

  disconnectedCallback(): void {
    this.off?.();
    this.off = null;
  }

  protected body(): HTMLElement {
    return this.querySelector<HTMLElement>('[data-part="view"]') ?? this;
  }
}

// ── topology ───────────────────────────────────────────────────────────────

const CARD_W = 210;
const GAP_X = 80;
const GAP_Y = 40;
const HEAD_H = 30;
const ROW_H = 40;
const PAD = 12;

interface Placed {
  x: number;
  y: number;
  w: number;
  h: number;
}

function nsTitle(ns: TopoSnapshot['namespaces'][number], hosts: number): string {
  const host = hosts > 1 ? `${ns.host}: ` : '';
  if (ns.init) return `${host}${ns.host} (host namespace)`;
  return `${host}${ns.name ?? ns.id} (namespace)`;
}

function ifaceText(i: TopoIface, peers: Map<string, string>): string {
  const parts = [i.kind, i.up ? `up (${i.state})` : 'down'];
  if (i.addrs.length) parts.push(i.addrs.join(', '));
  else parts.push('no IPv4 address');
  const p = peers.get(i.id);
  if (p) parts.push(p);
  return `${i.name}: ${parts.join(', ')}`;
}

/** Draw the topology as inline SVG, with a list as its text equivalent. */
export function renderTopology(t: TopoSnapshot): { svg: SVGSVGElement; text: HTMLElement; summary: string } {
  const hosts = new Set(t.namespaces.map((n) => n.host)).size;
  const nsList = t.namespaces;
  const cols = Math.max(1, Math.min(3, nsList.length));
  const place = new Map<string, Placed>();
  const rowY = new Map<string, { y: number; card: Placed }>();
  const rowHeights: number[] = [];
  nsList.forEach((ns, i) => {
    const r = Math.floor(i / cols);
    const hgt = HEAD_H + Math.max(1, ns.ifaces.length) * ROW_H + PAD;
    rowHeights[r] = Math.max(rowHeights[r] ?? 0, hgt);
  });
  const rowTop = (r: number) => PAD + rowHeights.slice(0, r).reduce((a, b) => a + b + GAP_Y, 0);
  nsList.forEach((ns, i) => {
    const r = Math.floor(i / cols);
    const c = i % cols;
    const card = { x: PAD + c * (CARD_W + GAP_X), y: rowTop(r), w: CARD_W, h: HEAD_H + Math.max(1, ns.ifaces.length) * ROW_H + PAD };
    place.set(ns.id, card);
    ns.ifaces.forEach((f, j) => rowY.set(f.id, { y: card.y + HEAD_H + j * ROW_H + ROW_H / 2, card }));
  });
  const width = PAD * 2 + cols * CARD_W + (cols - 1) * GAP_X;
  const height = rowTop(rowHeights.length) - GAP_Y + PAD;

  const ifById = new Map<string, TopoIface>();
  for (const ns of nsList) for (const f of ns.ifaces) ifById.set(f.id, f);
  const nsOf = (id: string) => id.slice(0, id.lastIndexOf('|'));
  const peers = new Map<string, string>();
  const add = (id: string, s: string) => peers.set(id, peers.has(id) ? `${peers.get(id)}; ${s}` : s);
  for (const l of t.links) {
    const a = ifById.get(l.a);
    const b = ifById.get(l.b);
    if (!a || !b) continue;
    if (l.kind === 'veth') {
      add(l.a, `veth pair with ${b.name} in ${nsOf(l.b)}${l.up ? '' : ' (link down)'}`);
      add(l.b, `veth pair with ${a.name} in ${nsOf(l.a)}${l.up ? '' : ' (link down)'}`);
    } else if (l.kind === 'port') {
      add(l.a, `port of bridge ${b.name}`);
      add(l.b, `switch for ${a.name}`);
    } else {
      add(l.a, `cable ${l.label ?? ''} to ${b.name} in ${nsOf(l.b)}`);
      add(l.b, `cable ${l.label ?? ''} to ${a.name} in ${nsOf(l.a)}`);
    }
  }

  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, class: 'topo-svg', role: 'img', 'data-version': t.version });
  const nIf = nsList.reduce((a, n) => a + n.ifaces.length, 0);
  const summary = `${nsList.length} network namespace${nsList.length === 1 ? '' : 's'}, ${nIf} interface${nIf === 1 ? '' : 's'}, ${t.links.length} link${t.links.length === 1 ? '' : 's'}`;
  root.setAttribute('aria-label', `Topology diagram: ${summary}. The list below describes it in text.`);

  // Cards and interfaces.
  for (const ns of nsList) {
    const c = place.get(ns.id)!;
    const g = svg('g', { class: `topo-ns${ns.init ? ' init' : ''}`, 'data-ns': ns.id });
    g.append(svg('rect', { x: c.x, y: c.y, width: c.w, height: c.h, rx: 10, class: 'topo-card' }));
    g.append(svg('text', { x: c.x + 10, y: c.y + 20, class: 'topo-title' }, nsTitle(ns, hosts)));
    ns.ifaces.forEach((f, j) => {
      const y = c.y + HEAD_H + j * ROW_H;
      const gi = svg('g', { class: `topo-if kind-${f.kind} ${f.up ? 'up' : 'down'}`, 'data-if': f.name, 'data-state': f.state });
      gi.append(svg('rect', { x: c.x + 8, y: y + 2, width: c.w - 16, height: ROW_H - 6, rx: f.kind === 'bridge' ? 3 : 6, class: 'topo-if-box' }));
      gi.append(svg('circle', { cx: c.x + 20, cy: y + 14, r: 5, class: 'topo-led' }));
      gi.append(svg('text', { x: c.x + 32, y: y + 18, class: 'topo-if-name' }, `${f.name}${f.kind === 'bridge' ? ' ⇄ switch' : ''}${f.up ? '' : ' (down)'}`));
      gi.append(svg('text', { x: c.x + 32, y: y + 31, class: 'topo-if-addr' }, f.addrs.length ? f.addrs.join(' ') : f.kind));
      const title = svg('title', {}, ifaceText(f, peers));
      gi.prepend(title);
      g.append(gi);
    });
    root.append(g);
  }

  // Links under the cards' borders but above their fill: drawn last with pointer-events off.
  const linkLayer = svg('g', { class: 'topo-links' });
  for (const l of t.links) {
    const a = rowY.get(l.a);
    const b = rowY.get(l.b);
    if (!a || !b) continue;
    let x1: number, x2: number;
    let bend = 0;
    if (a.card === b.card) {
      x1 = a.card.x + a.card.w - 8;
      x2 = x1;
      bend = 40;
    } else if (a.card.x + a.card.w / 2 <= b.card.x + b.card.w / 2) {
      x1 = a.card.x + a.card.w - 8;
      x2 = b.card.x + 8;
    } else {
      x1 = a.card.x + 8;
      x2 = b.card.x + b.card.w - 8;
    }
    const dx = bend || Math.max(30, Math.abs(x2 - x1) / 2);
    const s1 = bend ? 1 : x2 >= x1 ? 1 : -1;
    const d = `M ${x1} ${a.y} C ${x1 + s1 * dx} ${a.y}, ${x2 - (bend ? -dx : s1 * dx)} ${b.y}, ${x2} ${b.y}`;
    linkLayer.append(svg('path', { d, class: `topo-link ${l.kind} ${l.up ? 'up' : 'down'}`, 'data-a': l.a, 'data-b': l.b }));
  }
  root.append(linkLayer);

  // Text equivalent.
  const list = h('ul', { class: 'topo-text' });
  for (const ns of nsList) {
    const items = ns.ifaces.map((f) => h('li', { 'data-if': f.name }, ifaceText(f, peers)));
    list.append(h('li', { 'data-ns': ns.id }, nsTitle(ns, hosts), h('ul', {}, ...items)));
  }
  return { svg: root, text: list, summary };
}

class PlTopology extends TermView {
  protected readonly event = 'pl-topology';
  private shownKey = '';

  protected draw(term: PlTerminal): void {
    const t = term.topology;
    if (!t) return;
    const key = JSON.stringify(t);
    if (key === this.shownKey) return;
    this.shownKey = key;
    const { svg: pic, text, summary } = renderTopology(t);
    const details = h('details', { class: 'topo-details' }, h('summary', {}, `Topology as text (${summary})`), text);
    // A wide diagram scrolls sideways; the region is focusable so keyboards can scroll it too.
    const wrap = h('div', { class: 'topo-scroll', tabindex: '0', role: 'group', 'aria-label': `Topology diagram: ${summary}` });
    wrap.append(pic);
    this.body().replaceChildren(wrap, details);
    const open = this.dataset.openText === '';
    if (open) details.open = true;
    details.addEventListener('toggle', () => {
      if (details.open) this.dataset.openText = '';
      else delete this.dataset.openText;
    });
    this.setAttribute('data-version', String(t.version));
  }
}

// ── packet path ────────────────────────────────────────────────────────────

const STAGES: Record<string, string> = {
  routing: 'routing',
  neigh: 'neighbour',
  arp: 'ARP',
  bridge: 'bridge',
  netfilter: 'netfilter',
  nat: 'NAT',
  conntrack: 'conntrack',
  xmit: 'sent',
  rcv: 'received',
  icmp: 'ICMP',
  tcp: 'TCP',
  udp: 'UDP',
  drop: 'dropped',
};

/** Consecutive steps in the same namespace, as one group. */
export function groupSteps(steps: PathStep[]): { where: string; steps: PathStep[] }[] {
  const out: { where: string; steps: PathStep[] }[] = [];
  for (const s of steps) {
    const last = out[out.length - 1];
    if (last && last.where === s.where) last.steps.push(s);
    else out.push({ where: s.where, steps: [s] });
  }
  return out;
}

/** The packet-path view: a verdict line, then the hops grouped by namespace. */
export function renderPath(p: PathSnapshot): HTMLElement {
  const drop = [...p.steps].reverse().find((s) => s.stage === 'drop');
  const root = h('div', { class: 'path' });
  const head = h('p', { class: 'path-head' }, p.source === 'check' ? 'Last check probe: ' : 'Last traced command: ', h('code', {}, p.command));
  const verdict = drop
    ? h('p', { class: 'path-verdict drop', 'data-part': 'verdict' }, h('strong', {}, `Dropped in ${drop.where}: `), drop.what)
    : h('p', { class: 'path-verdict ok', 'data-part': 'verdict' }, `No drop recorded: ${p.steps.length} step${p.steps.length === 1 ? '' : 's'} along the way.`);
  const list = h('ol', { class: 'path-hops', tabindex: '0', 'aria-label': `Packet path: ${p.steps.length} steps, grouped by namespace` });
  for (const g of groupSteps(p.steps)) {
    const steps = h('ol', { class: 'path-steps' });
    for (const s of g.steps) {
      steps.append(h('li', { class: `path-step stage-${s.stage.replace(/[^a-z0-9-]/gi, '')}`, 'data-stage': s.stage }, h('span', { class: 'path-stage' }, STAGES[s.stage] ?? s.stage), ' ', s.what));
    }
    list.append(h('li', { class: 'path-hop' }, h('span', { class: 'path-where' }, g.where), steps));
  }
  if (!p.steps.length) list.append(h('li', {}, 'Nothing was recorded for this packet (it never left the program).'));
  root.append(head, verdict, list);
  return root;
}

class PlPacketPath extends TermView {
  protected readonly event = 'pl-path';

  protected draw(term: PlTerminal): void {
    const p = term.path;
    if (!p) {
      this.body().replaceChildren(h('p', { class: 'path-empty' }, 'Run ping, curl or nc (or press Check in a lab) to see the path of its packet here.'));
      this.removeAttribute('data-has-path');
      return;
    }
    this.body().replaceChildren(renderPath(p));
    this.setAttribute('data-has-path', '');
  }
}

if (!customElements.get('pl-topology')) customElements.define('pl-topology', PlTopology);
if (!customElements.get('pl-packet-path')) customElements.define('pl-packet-path', PlPacketPath);
