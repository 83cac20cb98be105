// jq's evaluator: a syntax tree run on an input as generators of values,
// variables, user functions and paths; builtins live in builtins.ts.

import { safeRegExp } from '../../lib/safe-regex.ts';
import { BreakOut, CompileError, JqError, arith, delPaths, describe, format, getPath, index, isObj, setPath, slice, toStr, truthy, type JObj, type JVal } from './values.ts';
import type { Node } from './parser.ts';
import { BUILTINS } from './builtins.ts';

export interface Env {
  vars: Map<string, JVal>;
  funcs: Map<string, { params: string[]; body: Node; env: Env }>;
  closures: Map<string, { node: Node; env: Env }>;
}

/** Paths a filter designates (for assignment and del). */
export function* paths(n: Node, input: JVal, env: Env, ctx: Ctx): Generator<[JVal[], JVal]> {
  switch (n.k) {
    case 'identity':
      yield [[], input];
      return;
    case 'index':
      for (const [p, v] of paths(n.target, input, env, ctx))
        for (const k of evaluate(n.key, input, env, ctx)) {
          try {
            yield [[...p, k], index(v, k)];
          } catch (e) {
            if (!n.opt) throw e;
          }
        }
      return;
    case 'iter':
      for (const [p, v] of paths(n.target, input, env, ctx)) {
        if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield [[...p, i], v[i]];
        else if (isObj(v)) for (const [k, x] of v) yield [[...p, k], x];
        else if (v !== null && !n.opt) throw new JqError(`Cannot iterate over ${describe(v)}`);
      }
      return;
    case 'pipe':
      for (const [p, v] of paths(n.l, input, env, ctx)) for (const [q, w] of paths(n.r, v, env, ctx)) yield [[...p, ...q], w];
      return;
    case 'comma':
      yield* paths(n.l, input, env, ctx);
      yield* paths(n.r, input, env, ctx);
      return;
    case 'call':
      if (n.name === 'select' && n.args.length === 1) {
        for (const c of evaluate(n.args[0], input, env, ctx)) if (truthy(c)) yield [[], input];
        return;
      }
      if (n.name === 'empty') return;
      if (n.name === 'recurse' || n.name === '..') {
        yield* recursePaths(input, []);
        return;
      }
      break;
    case 'recurse':
      yield* recursePaths(input, []);
      return;
    case 'opt':
      try {
        yield* paths(n.e, input, env, ctx);
      } catch {
        // ignored
      }
      return;
  }
  throw new JqError('Invalid path expression');
}

export function* recursePaths(v: JVal, p: JVal[]): Generator<[JVal[], JVal]> {
  yield [p, v];
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* recursePaths(v[i], [...p, i]);
  else if (isObj(v)) for (const [k, x] of v) yield* recursePaths(x, [...p, k]);
}

export interface Ctx {
  steps: number;
  env: Record<string, string>;
}

export function tick(ctx: Ctx): void {
  if (++ctx.steps > 5_000_000) throw new JqError('jq: evaluation budget exhausted');
}

/** A node of kind K. */
type NodeOf<K extends Node['k']> = Node & { k: K };
type Evaluator<K extends Node['k']> = (n: NodeOf<K>, input: JVal, env: Env, ctx: Ctx) => Generator<JVal>;

/** Run a filter on one input: the values it yields, lazily (one step of the budget is counted on the call). */
export function evaluate(n: Node, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  tick(ctx);
  return (EVALUATORS[n.k] as Evaluator<Node['k']>)(n, input, env, ctx);
}

/** String interpolation: every combination of the parts' values. */
function* evalStr(n: NodeOf<'str'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  let outs: string[] = [''];
  for (const part of n.parts) {
    if (typeof part === 'string') outs = outs.map((s) => s + part);
    else {
      const vals = [...evaluate(part, input, env, ctx)].map(toStr);
      outs = outs.flatMap((s) => vals.map((v) => s + v));
    }
  }
  yield* outs;
}

function* evalIndex(n: NodeOf<'index'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  for (const t of evaluate(n.target, input, env, ctx))
    for (const k of evaluate(n.key, input, env, ctx)) {
      try {
        yield index(t, k);
      } catch (e) {
        if (!n.opt || !(e instanceof JqError)) throw e;
      }
    }
}

function* evalSlice(n: NodeOf<'slice'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  for (const t of evaluate(n.target, input, env, ctx))
    for (const to of n.to ? evaluate(n.to, input, env, ctx) : [null])
      for (const from of n.from ? evaluate(n.from, input, env, ctx) : [null]) {
        try {
          yield slice(t, from, to);
        } catch (e) {
          if (!n.opt || !(e instanceof JqError)) throw e;
        }
      }
}

function* evalIter(n: NodeOf<'iter'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  for (const t of evaluate(n.target, input, env, ctx)) {
    if (Array.isArray(t)) yield* t;
    else if (isObj(t)) yield* t.values();
    else if (!n.opt) throw new JqError(`Cannot iterate over ${describe(t)}`);
  }
}

function* evalNeg(n: NodeOf<'neg'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  for (const v of evaluate(n.e, input, env, ctx)) {
    if (typeof v !== 'number') throw new JqError(`${describe(v)} cannot be negated`);
    yield -v;
  }
}

/** `and` and `or`: the right side runs only when the left does not decide. */
function* evalLogic(n: NodeOf<'and' | 'or'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  for (const l of evaluate(n.l, input, env, ctx)) {
    if (n.k === 'and' && !truthy(l)) {
      yield false;
      continue;
    }
    if (n.k === 'or' && truthy(l)) {
      yield true;
      continue;
    }
    for (const r of evaluate(n.r, input, env, ctx)) yield truthy(r);
  }
}

/** `a // b`: a's truthy values (errors in a ignored), else b. */
function* evalAlt(n: NodeOf<'alt'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  let any = false;
  try {
    for (const l of evaluate(n.l, input, env, ctx))
      if (truthy(l)) {
        any = true;
        yield l;
      }
  } catch (e) {
    if (!(e instanceof JqError)) throw e;
  }
  if (!any) yield* evaluate(n.r, input, env, ctx);
}

/** Object construction: one object per combination of key and value outputs. */
function* evalObject(n: NodeOf<'object'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  let objs: JObj[] = [new Map()];
  for (const ent of n.entries) {
    const keys = [...evaluate(ent.key, input, env, ctx)];
    for (const k of keys) if (typeof k !== 'string') throw new JqError(`Object keys must be strings`);
    const vals = ent.varName !== undefined ? [lookupVar(env, ent.varName)] : ent.value ? [...evaluate(ent.value, input, env, ctx)] : null;
    const next: JObj[] = [];
    for (const o of objs)
      for (const k of keys as string[])
        for (const v of vals ?? [index(input, k)]) {
          const m = new Map(o);
          m.set(k, v);
          next.push(m);
        }
    objs = next;
  }
  yield* objs;
}

/** `src as $name | body` */
function* evalAs(n: NodeOf<'as'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  for (const v of evaluate(n.src, input, env, ctx)) {
    const vars = new Map(env.vars);
    vars.set(n.name, v);
    yield* evaluate(n.body, input, { ...env, vars }, ctx);
  }
}

function* evalIf(n: NodeOf<'if'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  for (const c of evaluate(n.cond, input, env, ctx)) {
    if (truthy(c)) yield* evaluate(n.then, input, env, ctx);
    else if (n.elifs.length) yield* evaluate({ k: 'if', cond: n.elifs[0][0], then: n.elifs[0][1], elifs: n.elifs.slice(1), else: n.else }, input, env, ctx);
    else if (n.else) yield* evaluate(n.else, input, env, ctx);
    else yield input;
  }
}

function* evalReduce(n: NodeOf<'reduce'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  for (const init of evaluate(n.init, input, env, ctx)) {
    let acc: JVal = init;
    for (const v of evaluate(n.src, input, env, ctx)) {
      const vars = new Map(env.vars);
      vars.set(n.name, v);
      const outs = [...evaluate(n.upd, acc, { ...env, vars }, ctx)];
      acc = outs.length ? outs[outs.length - 1] : null;
    }
    yield acc;
  }
}

/** `l = r`: every path of l set to each value of r (r evaluated on the input). */
function* evalSet(n: NodeOf<'assign'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  for (const r of evaluate(n.r, input, env, ctx)) {
    let out = input;
    for (const [p] of paths(n.l, input, env, ctx)) out = setPath(out, p, r);
    yield out;
  }
}

/** `l |= f`: each path of l replaced by f's first value on it (deleted when f is empty). */
function* evalUpdate(n: NodeOf<'assign'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  let out = input;
  for (const [p] of paths(n.l, input, env, ctx)) {
    const cur = getPath(out, p);
    const first = evaluate(n.r, cur, env, ctx).next();
    out = first.done ? delPaths(out, [p]) : setPath(out, p, first.value);
  }
  yield out;
}

/** `l op= r` (`+=` ... `//=`): each path of l combined with each value of r. */
function* evalArithUpdate(n: NodeOf<'assign'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  const op = n.op.slice(0, -1);
  for (const r of evaluate(n.r, input, env, ctx)) {
    let out = input;
    for (const [p] of paths(n.l, input, env, ctx)) {
      const cur = getPath(out, p);
      out = setPath(out, p, op === '//' ? (truthy(cur) ? cur : r) : arith(op, cur, r));
    }
    yield out;
  }
}

function* evalTry(n: NodeOf<'try'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  try {
    for (const v of evaluate(n.body, input, env, ctx)) yield v;
  } catch (e) {
    if (e instanceof BreakOut || !(e instanceof JqError)) throw e;
    if (n.catch) yield* evaluate(n.catch, e.value, env, ctx);
  }
}

function* evalOpt(n: NodeOf<'opt'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  try {
    yield* evaluate(n.e, input, env, ctx);
  } catch (e) {
    if (!(e instanceof JqError)) throw e;
  }
}

/** `def name(params): body; rest` — rest runs with the function defined. */
function* evalDef(n: NodeOf<'def'>, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  const funcs = new Map(env.funcs);
  const newEnv: Env = { ...env, funcs };
  funcs.set(`${n.name}/${n.params.length}`, { params: n.params, body: n.body, env: newEnv });
  yield* evaluate(n.rest, input, newEnv, ctx);
}

/** One evaluator per node kind. */
const EVALUATORS: { [K in Node['k']]: Evaluator<K> } = {
  *identity(_n, input) {
    yield input;
  },
  *recurse(_n, input) {
    for (const [, v] of recursePaths(input, [])) yield v;
  },
  *lit(n) {
    yield n.v;
  },
  str: evalStr,
  index: evalIndex,
  slice: evalSlice,
  iter: evalIter,
  *pipe(n, input, env, ctx) {
    for (const v of evaluate(n.l, input, env, ctx)) yield* evaluate(n.r, v, env, ctx);
  },
  *comma(n, input, env, ctx) {
    yield* evaluate(n.l, input, env, ctx);
    yield* evaluate(n.r, input, env, ctx);
  },
  *bin(n, input, env, ctx) {
    for (const r of evaluate(n.r, input, env, ctx)) for (const l of evaluate(n.l, input, env, ctx)) yield arith(n.op, l, r);
  },
  neg: evalNeg,
  and: evalLogic,
  or: evalLogic,
  alt: evalAlt,
  *array(n, input, env, ctx) {
    yield n.e ? [...evaluate(n.e, input, env, ctx)] : [];
  },
  object: evalObject,
  *var(n, _input, env) {
    yield lookupVar(env, n.name);
  },
  as: evalAs,
  if: evalIf,
  reduce: evalReduce,
  assign: (n, input, env, ctx) => (n.op === '=' ? evalSet : n.op === '|=' ? evalUpdate : evalArithUpdate)(n, input, env, ctx),
  try: evalTry,
  opt: evalOpt,
  def: evalDef,
  call: (n, input, env, ctx) => call(n, input, env, ctx),
};

export function lookupVar(env: Env, name: string): JVal {
  const v = env.vars.get(name);
  if (v === undefined) {
    if (name === 'ENV') return new Map(Object.entries({}));
    return null;
  }
  return v;
}

export const BUILTIN_ARITY: Record<string, number[]> = Object.setPrototypeOf({
  empty: [0], not: [0], length: [0], utf8bytelength: [0], keys: [0], keys_unsorted: [0], values: [0], has: [1], in: [1], map: [1], map_values: [1],
  select: [1], add: [0], any: [0, 1, 2], all: [0, 1, 2], range: [1, 2, 3], floor: [0], sqrt: [0], tostring: [0], tonumber: [0], type: [0],
  sort: [0], sort_by: [1], group_by: [1], unique: [0], unique_by: [1], min: [0], max: [0], min_by: [1], max_by: [1], reverse: [0],
  contains: [1], inside: [1], startswith: [1], endswith: [1], ltrimstr: [1], rtrimstr: [1], split: [1, 2], join: [1], ascii_downcase: [0],
  ascii_upcase: [0], test: [1, 2], first: [0, 1], last: [0, 1], limit: [2], nth: [1, 2], to_entries: [0], from_entries: [0], with_entries: [1],
  tojson: [0], fromjson: [0], error: [0, 1], recurse: [0, 1], env: [0], paths: [0, 1], leaf_paths: [0], path: [1], del: [1], getpath: [1],
  setpath: [2], delpaths: [1], to_array: [0], arrays: [0], objects: [0], iterables: [0], booleans: [0], numbers: [0], strings: [0], nulls: [0],
  scalars: [0], flatten: [0, 1], indices: [1], index: [1], rindex: [1], isempty: [1], input: [0], inputs: [0], debug: [0], stderr: [0],
  true: [0], false: [0], null: [0], ascii: [0], explode: [0], implode: [0], ltrimstr_: [0], splits: [1, 2], sub: [2, 3], gsub: [2, 3], match: [1, 2],
  capture: [1, 2], tostream: [0], infinite: [0], nan: [0], isnan: [0], isinfinite: [0], isnormal: [0], round: [0], ceil: [0], fabs: [0], pow: [2],
  log: [0], exp: [0], log10: [0], transpose: [0], combinations: [0, 1], walk: [1], env_: [0], builtins: [0], input_line_number: [0], halt: [0],
  halt_error: [0, 1], getpath_: [0], splits_: [0], join_: [0], ascii_: [0], todate: [0], now: [0], tojson_: [0], '@base64': [0], '@text': [0],
  '@json': [0], '@csv': [0], '@tsv': [0], '@html': [0], '@uri': [0], '@sh': [0], '@base64d': [0], repeat: [1], until: [2], while: [2], env__: [0],
  min_by_: [0], abs: [0], trim: [0], ltrim: [0], rtrim: [0], splits__: [0], tojson__: [0], getpath__: [0], any_: [0], all_: [0], IN: [1, 2], INDEX: [1, 2],
  ascii__: [0], objects_: [0], significand: [0], gamma: [0], ltrimstr__: [0], error_: [0], not_: [0], type_: [0], toarray: [0], pick: [1], have_literal_numbers: [0],
  '$__loc__': [0], input_filename: [0], getpath___: [0], range_: [0], tostream_: [0], fromstream: [1], truncate_stream: [1], env___: [0], splits___: [0], ltrimstr___: [0],
}, null);

export function regexOf(re: JVal, flags: JVal): RegExp {
  if (typeof re !== 'string') throw new JqError(`${describe(re)} cannot be matched, as it is not a string`);
  const f = typeof flags === 'string' ? flags : '';
  let js = '';
  if (f.includes('i')) js += 'i';
  if (f.includes('g')) js += 'g';
  if (f.includes('x')) re = re.replace(/\s+|#.*$/gm, '');
  try {
    return safeRegExp(re, js + 'u');
  } catch {
    throw new JqError(`${re} (at offset 0) is not a valid regex`);
  }
}

export function* call(n: { name: string; args: Node[] }, input: JVal, env: Env, ctx: Ctx): Generator<JVal> {
  const a = n.args;
  const user = env.funcs.get(`${n.name}/${a.length}`);
  if (user) {
    const vars = new Map(user.env.vars);
    const closures = new Map(user.env.closures);
    const funcs = new Map(user.env.funcs);
    funcs.set(`${n.name}/${a.length}`, user);
    const params = user.params;
    // $param: evaluate each argument (cartesian); plain params are closures.
    const bindVals = function* (i: number, vs: Map<string, JVal>): Generator<Map<string, JVal>> {
      if (i === params.length) {
        yield vs;
        return;
      }
      const pn = params[i];
      if (pn.startsWith('$')) {
        for (const v of evaluate(a[i], input, env, ctx)) {
          const m = new Map(vs);
          m.set(pn.slice(1), v);
          yield* bindVals(i + 1, m);
        }
      } else yield* bindVals(i + 1, vs);
    };
    for (let i = 0; i < params.length; i++) {
      const pn = params[i].replace(/^\$/, '');
      closures.set(`${pn}/0`, { node: a[i], env });
      if (!params[i].startsWith('$')) funcs.delete(`${pn}/0`);
    }
    for (const vs of bindVals(0, vars)) yield* evaluate(user.body, input, { vars: vs, funcs, closures }, ctx);
    return;
  }
  const cl = a.length === 0 ? env.closures.get(`${n.name}/0`) : undefined;
  if (cl) {
    yield* evaluate(cl.node, input, cl.env, ctx);
    return;
  }
  const ev = (i: number, inp: JVal = input): JVal[] => [...evaluate(a[i], inp, env, ctx)];
  const one = function* (f: (v: JVal) => JVal): Generator<JVal> {
    yield f(input);
  };
  const builtin = BUILTINS.get(`${n.name}/${a.length}`);
  if (builtin) {
    yield* builtin({ n, a, input, env, ctx, ev, one });
    return;
  }
  if (n.name.startsWith('@') && a.length === 0) {
    yield format(n.name, input);
    return;
  }
  throw new CompileError(`${n.name}/${a.length} is not defined`);
}

export interface Ctx {
  debug?: (s: string) => void;
  nextInput?: () => JVal | undefined;
}
