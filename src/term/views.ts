// <pl-topology> and <pl-packet-path>: live views of a terminal's world,
// loaded with the terminal (never before it). Each finds its terminal (the
// `for` attribute names its id; else the enclosing lab's or terminal's, else
// the page's main one), draws the latest snapshot the worker sent and redraws
// on `pl-topology` / `pl-path`. Everything drawn has a text equivalent.
// Labels are in the page's language (<html lang>); each traced step is
// rendered from its step id and parameters (src/i18n/path.ts); names,
// addresses and states stay as they are.

import type { PathSnapshot, PathStep, TopoIface, TopoSnapshot } from './protocol.ts';
import type { PlTerminal } from './terminal-element.ts';
import { parts, t, type Lang, type UiKey } from '../i18n/ui.ts';
import { pathStep, type StepData } from '../i18n/path.ts';
import dagre from '@dagrejs/dagre';

const SVG = 'http://www.w3.org/2000/svg';

/** The page's language (its <html lang>). */
function pageLang(): Lang {
  return typeof document !== 'undefined' && document.documentElement.lang === 'ko' ? 'ko' : 'en';
}

/** Labels with a `.one` and a `.many` form (`topo.links.one`, `topo.links.many`). */
type Counted = { [K in UiKey]: K extends `${infer B}.one` ? B : never }[UiKey];

/** `{n} thing` / `{n} things`: the `.one` or `.many` form of a counted label. */
function count(lang: Lang, key: Counted, n: number): string {
  return t(lang, n === 1 ? `${key}.one` : `${key}.many`, { n });
}

/** Kernel-written text: marked English on a page in another language. */
function kernelText(lang: Lang, s: string): Node | string {
  return lang === 'en' ? s : h('span', { lang: 'en' }, s);
}

/** A traced step in the page's language (from its id; a step without a known id shows the kernel's English, marked so). */
function stepText(lang: Lang, step: StepData): Node | string {
  const { text, translated } = pathStep(lang, step);
  return translated ? text : kernelText(lang, text);
}

/** A dictionary string whose `{name}` slots hold nodes (e.g. a <code>). */
function fill(s: string, slots: Record<string, Node | string>): (Node | string)[] {
  return parts(s).map((p) => ('text' in p ? p.text : (slots[p.slot] ?? `{${p.slot}}`)));
}

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
    const term = this.term;
    if (!term) return;
    const fn = () => this.draw(term);
    term.addEventListener(this.event, fn);
    this.off = () => term.removeEventListener(this.event, fn);
    this.draw(term);
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

const CARD_W = 236;
const GAP_X = 80;
const HEAD_H = 30;
const ROW_H = 40;
const PAD = 12;

interface Placed {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A namespace as people know it: the pod or container in it, its `ip netns` name, or the host's own. */
function nsTitle(lang: Lang, ns: TopoSnapshot['namespaces'][number], hosts: number): string {
  const host = hosts > 1 ? `${ns.host}: ` : '';
  if (ns.init) return host + t(lang, 'topo.hostNs', { host: ns.host });
  if (ns.pod) {
    const [kns, name] = ns.pod.includes('/') ? ns.pod.split('/') : ['default', ns.pod];
    return host + t(lang, 'topo.pod', { pod: name!, ns: kns! });
  }
  if (ns.containers?.length) return host + t(lang, 'topo.container', { name: ns.containers.join(', ') });
  return host + t(lang, 'topo.ns', { name: ns.name ?? ns.id });
}

/** Short names of namespaces (by id) for the text of links: a pod or container name, else the namespace id. */
function nsNames(snap: TopoSnapshot): Map<string, string> {
  const m = new Map<string, string>();
  for (const ns of snap.namespaces) {
    const own = ns.pod ? ns.pod.split('/').pop()! : ns.containers?.[0];
    m.set(ns.id, own ? `${ns.host}/${own}` : ns.id);
  }
  return m;
}

function ifaceText(lang: Lang, i: TopoIface, peers: Map<string, string>): string {
  const out = [i.kind, i.up ? t(lang, 'topo.up', { state: i.state }) : t(lang, 'topo.down')];
  if (i.addrs.length) out.push(i.addrs.join(', '));
  else out.push(t(lang, 'topo.noAddr'));
  const p = peers.get(i.id);
  if (p) out.push(p);
  return `${i.name}: ${out.join(', ')}`;
}

/** `N network namespaces, N interfaces, N links` in `lang`. */
export function topologySummary(lang: Lang, namespaces: number, ifaces: number, links: number): string {
  return t(lang, 'topo.summary', {
    namespaces: count(lang, 'topo.namespaces', namespaces),
    ifaces: count(lang, 'topo.ifaces', ifaces),
    links: count(lang, 'topo.links', links),
  });
}

/** Draw the topology as inline SVG, with a list as its text equivalent (labels in `lang`, the page's by default). */
export function renderTopology(snap: TopoSnapshot, lang: Lang = pageLang()): { svg: SVGSVGElement; text: HTMLElement; summary: string; geo: TopoGeometry } {
  const hostNames = [...new Set(snap.namespaces.map((n) => n.host))];
  const hosts = hostNames.length;
  const nsList = snap.namespaces;
  const place = new Map<string, Placed>();
  const rowY = new Map<string, { y: number; card: Placed }>();
  const cardH = (ns: TopoSnapshot['namespaces'][number]) => HEAD_H + Math.max(1, ns.ifaces.length) * ROW_H + PAD;
  // Layout by dagre: namespaces are nodes (grouped in their host when there
  // are several hosts), links between namespaces are edges, left to right.
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: GAP_X, marginx: PAD, marginy: PAD + (hosts > 1 ? 18 : 0), ranker: 'network-simplex' });
  g.setDefaultEdgeLabel(() => ({}));
  if (hosts > 1) for (const hn of hostNames) g.setNode(`host:${hn}`, {});
  for (const ns of nsList) {
    g.setNode(ns.id, { width: CARD_W, height: cardH(ns) });
    if (hosts > 1) g.setParent(ns.id, `host:${ns.host}`);
  }
  const nsOfIf = (id: string) => id.slice(0, id.lastIndexOf('|'));
  snap.links.forEach((l, i) => {
    const a = nsOfIf(l.a);
    const b = nsOfIf(l.b);
    if (a !== b && g.hasNode(a) && g.hasNode(b)) g.setEdge(a, b, {}, `l${i}`);
  });
  try {
    dagre.layout(g);
  } catch {
    // A layout failure must never hide the topology: fall back to one row.
    let x = PAD;
    for (const ns of nsList) {
      g.setNode(ns.id, { width: CARD_W, height: cardH(ns), x: x + CARD_W / 2, y: PAD + cardH(ns) / 2 });
      x += CARD_W + GAP_X;
    }
  }
  let width = 0;
  let height = 0;
  for (const ns of nsList) {
    const n = g.node(ns.id) as { x: number; y: number; width: number; height: number };
    const card = { x: n.x - n.width / 2, y: n.y - n.height / 2, w: CARD_W, h: cardH(ns) };
    place.set(ns.id, card);
    ns.ifaces.forEach((f, j) => rowY.set(f.id, { y: card.y + HEAD_H + j * ROW_H + ROW_H / 2, card }));
    width = Math.max(width, card.x + card.w + PAD);
    height = Math.max(height, card.y + card.h + PAD);
  }
  const hostBoxes: { host: string; x: number; y: number; w: number; h: number }[] = [];
  if (hosts > 1) {
    for (const hn of hostNames) {
      const cards = nsList.filter((n) => n.host === hn).map((n) => place.get(n.id)!);
      const x = Math.min(...cards.map((c) => c.x)) - 8;
      const y = Math.min(...cards.map((c) => c.y)) - 26;
      const w = Math.max(...cards.map((c) => c.x + c.w)) + 8 - x;
      const hh = Math.max(...cards.map((c) => c.y + c.h)) + 8 - y;
      hostBoxes.push({ host: hn, x, y, w, h: hh });
      width = Math.max(width, x + w + PAD);
      height = Math.max(height, y + hh + PAD);
    }
  }
  const shortNs = nsNames(snap);

  const ifById = new Map<string, TopoIface>();
  for (const ns of nsList) for (const f of ns.ifaces) ifById.set(f.id, f);
  const nsOf = (id: string) => shortNs.get(nsOfIf(id)) ?? nsOfIf(id);
  const peers = new Map<string, string>();
  const add = (id: string, s: string) => peers.set(id, peers.has(id) ? `${peers.get(id)}; ${s}` : s);
  for (const l of snap.links) {
    const a = ifById.get(l.a);
    const b = ifById.get(l.b);
    if (!a || !b) continue;
    if (l.kind === 'veth') {
      const key = l.up ? 'topo.veth' : 'topo.vethDown';
      add(l.a, t(lang, key, { peer: b.name, ns: nsOf(l.b) }));
      add(l.b, t(lang, key, { peer: a.name, ns: nsOf(l.a) }));
    } else if (l.kind === 'port') {
      add(l.a, t(lang, 'topo.port', { bridge: b.name }));
      add(l.b, t(lang, 'topo.switch', { port: a.name }));
    } else {
      add(l.a, t(lang, 'topo.cable', { label: l.label ?? '', peer: b.name, ns: nsOf(l.b) }));
      add(l.b, t(lang, 'topo.cable', { label: l.label ?? '', peer: a.name, ns: nsOf(l.a) }));
    }
  }

  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, class: 'topo-svg', role: 'img', 'data-version': snap.version });
  const nIf = nsList.reduce((a, n) => a + n.ifaces.length, 0);
  const summary = topologySummary(lang, nsList.length, nIf, snap.links.length);
  root.setAttribute('aria-label', t(lang, 'topo.svgLabel', { summary }));

  // Hosts (several): a labelled box around their namespaces.
  for (const b of hostBoxes) {
    const gh = svg('g', { class: 'topo-host', 'data-host': b.host });
    gh.append(svg('rect', { x: b.x, y: b.y, width: b.w, height: b.h, rx: 12, class: 'topo-host-box' }));
    gh.append(svg('text', { x: b.x + 10, y: b.y + 17, class: 'topo-host-title' }, t(lang, 'topo.hostBox', { host: b.host })));
    root.append(gh);
  }

  // Cards and interfaces.
  for (const ns of nsList) {
    const c = place.get(ns.id)!;
    const g = svg('g', { class: `topo-ns${ns.init ? ' init' : ''}`, 'data-ns': ns.id });
    g.append(svg('rect', { x: c.x, y: c.y, width: c.w, height: c.h, rx: 10, class: 'topo-card' }));
    // Inside its host's box the card needs no host prefix; a long name is cut (the full one is its tooltip and in the text list).
    const full = nsTitle(lang, ns, hostBoxes.length ? 1 : hosts);
    const shown = full.length > 31 ? `${full.slice(0, 30)}…` : full;
    const title = svg('text', { x: c.x + 10, y: c.y + 20, class: 'topo-title' }, shown);
    if (shown !== full) title.append(svg('title', {}, full));
    g.append(title);
    ns.ifaces.forEach((f, j) => {
      const y = c.y + HEAD_H + j * ROW_H;
      const gi = svg('g', { class: `topo-if kind-${f.kind} ${f.up ? 'up' : 'down'}`, 'data-if': f.name, 'data-state': f.state });
      gi.append(svg('rect', { x: c.x + 8, y: y + 2, width: c.w - 16, height: ROW_H - 6, rx: f.kind === 'bridge' ? 3 : 6, class: 'topo-if-box' }));
      gi.append(svg('circle', { cx: c.x + 20, cy: y + 14, r: 5, class: 'topo-led' }));
      let label = f.kind === 'bridge' ? t(lang, 'topo.svgBridge', { name: f.name }) : f.name;
      if (!f.up) label = t(lang, 'topo.svgDown', { name: label });
      gi.append(svg('text', { x: c.x + 32, y: y + 18, class: 'topo-if-name' }, label));
      gi.append(svg('text', { x: c.x + 32, y: y + 31, class: 'topo-if-addr' }, f.addrs.length ? f.addrs.join(' ') : f.kind));
      const title = svg('title', {}, ifaceText(lang, f, peers));
      gi.prepend(title);
      g.append(gi);
    });
    root.append(g);
  }

  // Links under the cards' borders but above their fill: drawn last with pointer-events off.
  const linkLayer = svg('g', { class: 'topo-links' });
  for (const l of snap.links) {
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
    const items = ns.ifaces.map((f) => h('li', { 'data-if': f.name }, ifaceText(lang, f, peers)));
    list.append(h('li', { 'data-ns': ns.id }, nsTitle(lang, ns, hosts), h('ul', {}, ...items)));
  }
  const geo: TopoGeometry = { cards: place, ifaces: new Map([...rowY].map(([id, r]) => [id, { x: r.card.x + r.card.w - 22, y: r.y }])) };
  return { svg: root, text: list, summary, geo };
}

/** Where things are drawn: each namespace's card, each interface's anchor (by id). */
export interface TopoGeometry {
  cards: Map<string, Placed>;
  ifaces: Map<string, { x: number; y: number }>;
}

/** One step of a packet's path as the topology shows it. */
export interface PathStepShown {
  i: number;
  n: number;
  where: string;
  stage: string;
  /** The interface the step happened on, when its text names one of `where`'s. */
  dev?: string;
}

/**
 * The interface a traced step happened on: its `dev` (or bridge `br`)
 * parameter; for a step without an id (English text only), what the text
 * names: `sent on X`, `arrived on X`, `X: …`, `dev X`.
 */
export function stepDevice(step: string | StepData): string | undefined {
  if (typeof step !== 'string' && step.id !== undefined) {
    const p = (step.params ?? {}) as Record<string, unknown>;
    const dev = p.dev ?? p.br;
    return typeof dev === 'string' ? dev : undefined;
  }
  const what = typeof step === 'string' ? step : step.what;
  const m = /\b(?:sent on|arrived on|dropped on) (\S+?)(?:[ :,]|$)/.exec(what) ?? /^(\S+?):/.exec(what) ?? /\bdev (\S+)/.exec(what);
  return m?.[1];
}

/** Put the packet marker of `step` on a drawn topology (`svg`), highlighting its namespace and interface. */
export function showStep(svgEl: SVGSVGElement, geo: TopoGeometry, step: PathStepShown | null): void {
  for (const e of svgEl.querySelectorAll('.topo-current')) e.classList.remove('topo-current');
  let marker = svgEl.querySelector<SVGGElement>('.topo-packet');
  if (!step) {
    marker?.remove();
    return;
  }
  const card = geo.cards.get(step.where);
  if (!card) return;
  const at = (step.dev && geo.ifaces.get(`${step.where}|${step.dev}`)) || { x: card.x + card.w - 22, y: card.y + 16 };
  svgEl.querySelector(`[data-ns="${CSS.escape(step.where)}"]`)?.classList.add('topo-current');
  if (step.dev) svgEl.querySelector(`[data-ns="${CSS.escape(step.where)}"] [data-if="${CSS.escape(step.dev)}"]`)?.classList.add('topo-current');
  if (!marker) {
    marker = svg('g', { class: 'topo-packet', 'aria-hidden': 'true' });
    marker.append(svg('circle', { r: 8, cx: 0, cy: 0 }), svg('circle', { r: 3, cx: 0, cy: 0, class: 'topo-packet-core' }));
    svgEl.append(marker);
  }
  marker.setAttribute('class', `topo-packet stage-${step.stage.replace(/[^a-z0-9-]/gi, '')}`);
  marker.style.transform = `translate(${at.x}px, ${at.y}px)`;
}

class PlTopology extends TermView {
  protected readonly event = 'pl-topology';
  private shownKey = '';
  private geo: TopoGeometry | null = null;
  private pic: SVGSVGElement | null = null;
  private offStep: (() => void) | null = null;

  connectedCallback(): void {
    super.connectedCallback();
    const term = termFor(this);
    if (!term) return;
    const fn = () => this.step(term);
    term.addEventListener('pl-path-step', fn);
    this.offStep = () => term.removeEventListener('pl-path-step', fn);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.offStep?.();
  }

  private step(term: PlTerminal): void {
    if (this.pic && this.geo) showStep(this.pic, this.geo, (term as PlTerminal & { pathStep?: PathStepShown | null }).pathStep ?? null);
  }

  protected draw(term: PlTerminal): void {
    const snap = term.topology;
    if (!snap) return;
    const key = JSON.stringify(snap);
    if (key === this.shownKey) return;
    this.shownKey = key;
    const lang = pageLang();
    const { svg: pic, text, summary, geo } = renderTopology(snap, lang);
    this.pic = pic;
    this.geo = geo;
    const details = h('details', { class: 'topo-details' }, h('summary', {}, t(lang, 'topo.asText', { summary })), text);
    // A wide diagram scrolls sideways; the region is focusable so keyboards can scroll it too.
    const wrap = h('div', { class: 'topo-scroll', tabindex: '0', role: 'group', 'aria-label': t(lang, 'topo.region', { summary }) });
    wrap.append(pic);
    this.body().replaceChildren(wrap, details);
    const open = this.dataset.openText === '';
    if (open) details.open = true;
    details.addEventListener('toggle', () => {
      if (details.open) this.dataset.openText = '';
      else delete this.dataset.openText;
    });
    this.setAttribute('data-version', String(snap.version));
    this.step(term);
  }
}

// ── packet path ────────────────────────────────────────────────────────────

/** The stages the kernel traces, by their dictionary key (`stage.<id>`). */
const STAGES: Record<string, UiKey> = {
  routing: 'stage.routing',
  neigh: 'stage.neigh',
  arp: 'stage.arp',
  bridge: 'stage.bridge',
  netfilter: 'stage.netfilter',
  nat: 'stage.nat',
  conntrack: 'stage.conntrack',
  xmit: 'stage.xmit',
  rcv: 'stage.rcv',
  icmp: 'stage.icmp',
  tcp: 'stage.tcp',
  udp: 'stage.udp',
  drop: 'stage.drop',
  ipvs: 'stage.ipvs',
  fragment: 'stage.fragment',
  defrag: 'stage.defrag',
};

/** A stage's name in `lang` (an unknown stage shows its id). */
export function stageName(lang: Lang, stage: string): string {
  const key = Object.hasOwn(STAGES, stage) ? STAGES[stage] : undefined;
  return key ? t(lang, key) : stage;
}

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

/**
 * How the path names namespaces: as the topology does (pod, container) in
 * place of the kernel's `host/ns:4026532282`; `ip netns` names stay.
 */
export function pathPlaces(topo: TopoSnapshot | null | undefined, lang: Lang = pageLang()): Map<string, string> {
  const m = new Map<string, string>();
  if (!topo) return m;
  const hosts = new Set(topo.namespaces.map((n) => n.host)).size;
  for (const ns of topo.namespaces) if (ns.pod || ns.containers?.length) m.set(ns.id, nsTitle(lang, ns, hosts));
  return m;
}

/** The packet-path view: a verdict line, then the hops grouped by namespace (labels in `lang`, the page's by default; `places` names namespaces). */
export function renderPath(p: PathSnapshot, lang: Lang = pageLang(), places: Map<string, string> = new Map()): HTMLElement {
  const place = (where: string) => places.get(where) ?? where;
  const drop = [...p.steps].reverse().find((s) => s.stage === 'drop');
  const root = h('div', { class: 'path' });
  const head = h('p', { class: 'path-head' }, ...fill(t(lang, p.source === 'check' ? 'path.checkProbe' : 'path.traced'), { cmd: h('code', {}, p.command) }));
  const n = p.steps.length;
  const verdict = drop
    ? h('p', { class: 'path-verdict drop', 'data-part': 'verdict' }, h('strong', {}, t(lang, 'path.dropped', { where: place(drop.where) })), stepText(lang, drop))
    : h('p', { class: 'path-verdict ok', 'data-part': 'verdict' }, count(lang, 'path.noDrop', n));
  const list = h('ol', { class: 'path-hops', tabindex: '0', 'aria-label': count(lang, 'path.hops', n) });
  for (const g of groupSteps(p.steps)) {
    const steps = h('ol', { class: 'path-steps' });
    for (const s of g.steps) {
      steps.append(h('li', { class: `path-step stage-${s.stage.replace(/[^a-z0-9-]/gi, '')}`, 'data-stage': s.stage }, h('span', { class: 'path-stage' }, stageName(lang, s.stage)), ' ', stepText(lang, s)));
    }
    list.append(h('li', { class: 'path-hop' }, h('span', { class: 'path-where', 'data-where': g.where }, place(g.where)), steps));
  }
  if (!n) list.append(h('li', {}, t(lang, 'path.nothing')));
  root.append(head, verdict, list);
  return root;
}

class PlPacketPath extends TermView {
  protected readonly event = 'pl-path';
  private timer: ReturnType<typeof setInterval> | null = null;

  protected draw(term: PlTerminal): void {
    this.stop();
    const p = term.path;
    const lang = pageLang();
    if (!p) {
      this.body().replaceChildren(h('p', { class: 'path-empty' }, t(lang, 'path.empty')));
      this.removeAttribute('data-has-path');
      this.announce(term, null);
      return;
    }
    const view = renderPath(p, lang, pathPlaces(term.topology, lang));
    const steps = [...view.querySelectorAll<HTMLElement>('.path-step')];
    this.body().replaceChildren(view);
    this.setAttribute('data-has-path', '');
    if (!steps.length) return this.announce(term, null);
    // Step through the path: the packet moves on the topology, the step that decided is highlighted here.
    const status = h('span', { class: 'path-pos', 'aria-live': 'polite' });
    const btn = (label: string, text: string, act: string) => h('button', { type: 'button', class: 'btn small', 'data-path-act': act, 'aria-label': label }, text);
    const prev = btn(t(lang, 'path.prev'), '◀', 'prev');
    const next = btn(t(lang, 'path.next'), '▶', 'next');
    const play = btn(t(lang, 'path.play'), t(lang, 'path.play'), 'play');
    const bar = h('div', { class: 'path-stepper', role: 'group', 'aria-label': t(lang, 'path.showOn') }, prev, status, next, play);
    view.insertBefore(bar, view.querySelector('.path-hops'));
    let cur = 0;
    const go = (i: number) => {
      cur = Math.max(0, Math.min(steps.length - 1, i));
      steps.forEach((li, j) => {
        li.classList.toggle('path-current', j === cur);
        if (j === cur) li.setAttribute('aria-current', 'step');
        else li.removeAttribute('aria-current');
      });
      steps[cur]!.scrollIntoView?.({ block: 'nearest' });
      status.textContent = `${t(lang, 'path.step', { i: cur + 1, n: steps.length })}: ${steps[cur]!.textContent ?? ''}`;
      (prev as HTMLButtonElement).disabled = cur === 0;
      (next as HTMLButtonElement).disabled = cur === steps.length - 1;
      const s = p.steps[cur]!;
      this.announce(term, { i: cur, n: steps.length, where: s.where, stage: s.stage, dev: stepDevice(s) });
    };
    bar.addEventListener('click', (ev) => {
      const act = (ev.target as Element).closest<HTMLElement>('[data-path-act]')?.dataset.pathAct;
      if (act === 'prev') go(cur - 1);
      else if (act === 'next') go(cur + 1);
      else if (act === 'play') {
        if (this.timer) return this.stop(play, lang);
        if (cur === steps.length - 1) go(0);
        play.textContent = t(lang, 'path.pause');
        play.setAttribute('aria-label', t(lang, 'path.pause'));
        this.timer = setInterval(() => {
          if (cur >= steps.length - 1) this.stop(play, lang);
          else go(cur + 1);
        }, 900);
      }
    });
    go(0);
  }

  private stop(play?: HTMLElement, lang: Lang = pageLang()): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (play) {
      play.textContent = t(lang, 'path.play');
      play.setAttribute('aria-label', t(lang, 'path.play'));
    }
  }

  /** Tell the topology which step to show. */
  private announce(term: PlTerminal, step: PathStepShown | null): void {
    (term as PlTerminal & { pathStep?: PathStepShown | null }).pathStep = step;
    term.dispatchEvent(new CustomEvent('pl-path-step', { detail: step }));
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }
}

if (!customElements.get('pl-topology')) customElements.define('pl-topology', PlTopology);
if (!customElements.get('pl-packet-path')) customElements.define('pl-packet-path', PlPacketPath);
