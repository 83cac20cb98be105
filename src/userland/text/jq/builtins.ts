// jq's builtins, one small generator each, looked up by name/arity.

import { HaltError, JqError, arith, compare, contains, delPaths, describe, dump, getPath, index, isObj, iterate, keysOf, lengthOf, num, parseJsonStream, setPath, splitStr, toStr, truthy, typeName, type JObj, type JVal } from './values.ts';
import { parse, type Node } from './parser.ts';
import { BUILTIN_ARITY, call, evaluate, paths, recursePaths, regexOf, tick, type Ctx, type Env } from './eval.ts';

/** What a builtin sees of its call. */
export interface BuiltinCall {
  n: { name: string; args: Node[] };
  a: Node[];
  input: JVal;
  env: Env;
  ctx: Ctx;
  /** The values of argument i evaluated on an input (default: the call's input). */
  ev: (i: number, inp?: JVal) => JVal[];
  /** Yield f(input). */
  one: (f: (v: JVal) => JVal) => Generator<JVal>;
}
export type Builtin = (c: BuiltinCall) => Generator<JVal>;

/** No values (a builtin that yields nothing). */
export function* nothing(): Generator<JVal> {
  yield* [];
}

/** empty/0 */
export function* b_empty_0(_c: BuiltinCall): Generator<JVal> {
  yield* [];
}

/** not/0 */
export function* b_not_0({ input }: BuiltinCall): Generator<JVal> {
  yield !truthy(input);
  return;
}

/** true/0 */
export function* b_true_0(_c: BuiltinCall): Generator<JVal> {
  yield true;
  return;
}

/** false/0 */
export function* b_false_0(_c: BuiltinCall): Generator<JVal> {
  yield false;
  return;
}

/** null/0 */
export function* b_null_0(_c: BuiltinCall): Generator<JVal> {
  yield null;
  return;
}

/** length/0 */
export function* b_length_0({ one }: BuiltinCall): Generator<JVal> {
  yield* one(lengthOf);
  return;
}

/** utf8bytelength/0 */
export function* b_utf8bytelength_0({ input }: BuiltinCall): Generator<JVal> {
  if (typeof input !== 'string') throw new JqError(`${describe(input)} only strings have UTF-8 byte length`);
  yield new TextEncoder().encode(input).length;
  return;
}

/** keys/0 */
export function* b_keys_0({ input }: BuiltinCall): Generator<JVal> {
  yield keysOf(input, true);
  return;
}

/** keys_unsorted/0 */
export function* b_keys_unsorted_0({ input }: BuiltinCall): Generator<JVal> {
  yield keysOf(input, false);
  return;
}

/** has/1 */
export function* b_has_1({ input, ev }: BuiltinCall): Generator<JVal> {
  for (const k of ev(0)) {
    if (isObj(input) && typeof k === 'string') yield input.has(k);
    else if (Array.isArray(input) && typeof k === 'number') yield k >= 0 && k < input.length;
    else throw new JqError(`Cannot check whether ${typeName(input)} has a ${typeName(k)} key`);
  }
  return;
}

/** in/1 */
export function* b_in_1({ input, env, ctx, ev }: BuiltinCall): Generator<JVal> {
  for (const o of ev(0)) yield* call({ name: 'has', args: [{ k: 'lit', v: input }] }, o, env, ctx);
  return;
}

/** map/1 */
export function* b_map_1({ a, input, env, ctx }: BuiltinCall): Generator<JVal> {
  const items = iterate(input);
  const out: JVal[] = [];
  for (const x of items) out.push(...evaluate(a[0], x, env, ctx));
  yield out;
  return;
}

/** map_values/1 */
export function* b_map_values_1({ a, input, env, ctx }: BuiltinCall): Generator<JVal> {
  if (isObj(input)) {
    const o: JObj = new Map();
    for (const [k, v] of input) {
      const r = evaluate(a[0], v, env, ctx).next();
      if (!r.done) o.set(k, r.value);
    }
    yield o;
  } else {
    const out: JVal[] = [];
    for (const v of iterate(input)) {
      const r = evaluate(a[0], v, env, ctx).next();
      if (!r.done) out.push(r.value);
    }
    yield out;
  }
  return;
}

/** select/1 */
export function* b_select_1({ a, input, env, ctx }: BuiltinCall): Generator<JVal> {
  for (const c of evaluate(a[0], input, env, ctx)) if (truthy(c)) yield input;
  return;
}

/** add/0 */
export function* b_add_0({ input }: BuiltinCall): Generator<JVal> {
  let acc: JVal = null;
  for (const v of iterate(input)) acc = arith('+', acc, v);
  yield acc;
  return;
}

/** any/0 */
export function* b_any_0({ input }: BuiltinCall): Generator<JVal> {
  yield iterate(input).some(truthy);
  return;
}

/** all/0 */
export function* b_all_0({ input }: BuiltinCall): Generator<JVal> {
  yield iterate(input).every(truthy);
  return;
}

/** any/1 */
export function* b_any_1({ input, ev }: BuiltinCall): Generator<JVal> {
  yield iterate(input).some((x) => ev(0, x).some(truthy));
  return;
}

/** all/1 */
export function* b_all_1({ input, ev }: BuiltinCall): Generator<JVal> {
  yield iterate(input).every((x) => ev(0, x).every(truthy));
  return;
}

/** range/1, range/2, range/3 */
export function* b_range_1({ a, ctx, ev }: BuiltinCall): Generator<JVal> {
  const froms = a.length === 1 ? [0] : ev(0);
  const tos = ev(a.length === 1 ? 0 : 1);
  const bys = a.length === 3 ? ev(2) : [1];
  for (const f of froms)
    for (const t of tos)
      for (const b of bys) {
        if (typeof f !== 'number' || typeof t !== 'number' || typeof b !== 'number') throw new JqError('Range bounds must be numeric');
        if (b > 0) for (let x = f; x < t; x += b) yield (tick(ctx), x);
        else if (b < 0) for (let x = f; x > t; x += b) yield (tick(ctx), x);
      }
  return;
}

/** floor/0 */
export function* b_floor_0({ input }: BuiltinCall): Generator<JVal> {
  yield num(input, 'floor', Math.floor);
  return;
}

/** ceil/0 */
export function* b_ceil_0({ input }: BuiltinCall): Generator<JVal> {
  yield num(input, 'ceil', Math.ceil);
  return;
}

/** round/0 */
export function* b_round_0({ input }: BuiltinCall): Generator<JVal> {
  yield num(input, 'round', (x) => (x < 0 ? -Math.round(-x) : Math.round(x)));
  return;
}

/** sqrt/0 */
export function* b_sqrt_0({ input }: BuiltinCall): Generator<JVal> {
  yield num(input, 'sqrt', Math.sqrt);
  return;
}

/** fabs/0, abs/0 */
export function* b_fabs_0({ input }: BuiltinCall): Generator<JVal> {
  yield num(input, 'fabs', Math.abs);
  return;
}

/** tostring/0 */
export function* b_tostring_0({ input }: BuiltinCall): Generator<JVal> {
  yield toStr(input);
  return;
}

/** tonumber/0 */
export function* b_tonumber_0({ input }: BuiltinCall): Generator<JVal> {
  if (typeof input === 'number') yield input;
  else if (typeof input === 'string') {
    const t = input.trim();
    const x = Number(t);
    if (t === '' || Number.isNaN(x)) throw new JqError(`Cannot parse '${input}' as JSON`);
    yield x;
  } else throw new JqError(`${describe(input)} cannot be parsed as a number`);
  return;
}

/** type/0 */
export function* b_type_0({ input }: BuiltinCall): Generator<JVal> {
  yield typeName(input);
  return;
}

/** sort/0 */
export function* b_sort_0({ input }: BuiltinCall): Generator<JVal> {
  if (!Array.isArray(input)) throw new JqError(`${describe(input)} cannot be sorted, as it is not an array`);
  yield [...input].sort(compare);
  return;
}

/** sort_by/1, group_by/1, unique_by/1, min_by/1, max_by/1 */
export function* b_sort_by_1({ n, a, input, env, ctx }: BuiltinCall): Generator<JVal> {
  if (!Array.isArray(input)) throw new JqError(`Cannot index ${typeName(input)} with number`);
  const keyed = input.map((v, i) => ({ v, k: [...evaluate(a[0], v, env, ctx)] as JVal, i }));
  keyed.sort((x, y) => compare(x.k, y.k) || x.i - y.i);
  if (n.name === 'sort_by') yield keyed.map((x) => x.v);
  else if (n.name === 'min_by') yield keyed.length ? keyed[0].v : null;
  else if (n.name === 'max_by') yield keyed.length ? keyed[keyed.length - 1].v : null;
  else {
    const groups: JVal[][] = [];
    let prev: JVal | undefined;
    for (const x of keyed) {
      if (prev !== undefined && compare(prev, x.k) === 0) groups[groups.length - 1].push(x.v);
      else groups.push([x.v]);
      prev = x.k;
    }
    yield n.name === 'group_by' ? groups : groups.map((g) => g[0]);
  }
  return;
}

/** unique/0 */
export function* b_unique_0({ input }: BuiltinCall): Generator<JVal> {
  if (!Array.isArray(input)) throw new JqError(`${describe(input)} cannot be sorted, as it is not an array`);
  const s = [...input].sort(compare);
  yield s.filter((v, i) => i === 0 || compare(s[i - 1], v) !== 0);
  return;
}

/** min/0, max/0 */
export function* b_min_0({ n, input }: BuiltinCall): Generator<JVal> {
  if (!Array.isArray(input)) throw new JqError(`${describe(input)} cannot be sorted, as it is not an array`);
  const s = [...input].sort(compare);
  yield s.length ? (n.name === 'min' ? s[0] : s[s.length - 1]) : null;
  return;
}

/** reverse/0 */
export function* b_reverse_0({ input }: BuiltinCall): Generator<JVal> {
  if (typeof input === 'string') yield [...input].reverse().join('');
  else if (input === null) yield [];
  else yield [...iterate(input)].reverse();
  return;
}

/** contains/1 */
export function* b_contains_1({ input, ev }: BuiltinCall): Generator<JVal> {
  for (const b of ev(0)) yield contains(input, b);
  return;
}

/** inside/1 */
export function* b_inside_1({ input, ev }: BuiltinCall): Generator<JVal> {
  for (const b of ev(0)) yield contains(b, input);
  return;
}

/** startswith/1, endswith/1 */
export function* b_startswith_1({ n, input, ev }: BuiltinCall): Generator<JVal> {
  for (const b of ev(0)) {
    if (typeof input !== 'string' || typeof b !== 'string') throw new JqError(`${n.name}() requires string inputs`);
    yield n.name === 'startswith' ? input.startsWith(b) : input.endsWith(b);
  }
  return;
}

/** ltrimstr/1 */
export function* b_ltrimstr_1({ input, ev }: BuiltinCall): Generator<JVal> {
  for (const b of ev(0)) yield typeof input === 'string' && typeof b === 'string' && input.startsWith(b) ? input.slice(b.length) : input;
  return;
}

/** rtrimstr/1 */
export function* b_rtrimstr_1({ input, ev }: BuiltinCall): Generator<JVal> {
  for (const b of ev(0)) yield typeof input === 'string' && typeof b === 'string' && input.endsWith(b) && b !== '' ? input.slice(0, -b.length) : input;
  return;
}

/** split/1 */
export function* b_split_1({ input, ev }: BuiltinCall): Generator<JVal> {
  for (const b of ev(0)) {
    if (typeof input !== 'string' || typeof b !== 'string') throw new JqError('split input and separator must be strings');
    yield splitStr(input, b);
  }
  return;
}

/** split/2 */
export function* b_split_2({ input, ev }: BuiltinCall): Generator<JVal> {
  for (const f of ev(1))
    for (const re of ev(0)) {
      if (typeof input !== 'string') throw new JqError(`${describe(input)} cannot be matched, as it is not a string`);
      yield input.split(regexOf(re, f));
    }
  return;
}

/** join/1 */
export function* b_join_1({ input, ev }: BuiltinCall): Generator<JVal> {
  for (const sep of ev(0)) {
    const items = iterate(input);
    if (typeof sep !== 'string') throw new JqError(`${describe(sep)} and ${describe(items[0] ?? '')} cannot be added`);
    yield items
      .map((x) => {
        if (x === null) return '';
        if (typeof x === 'string') return x;
        if (typeof x === 'number' || typeof x === 'boolean') return toStr(x);
        throw new JqError(`Cannot join with ${typeName(x)}`);
      })
      .join(sep);
  }
  return;
}

/** ascii_downcase/0, ascii_upcase/0 */
export function* b_ascii_downcase_0({ n, input }: BuiltinCall): Generator<JVal> {
  if (typeof input !== 'string') throw new JqError(`${describe(input)} cannot be ${n.name === 'ascii_downcase' ? 'lowercased' : 'uppercased'}`);
  yield n.name === 'ascii_downcase' ? input.replace(/[A-Z]/g, (c) => c.toLowerCase()) : input.replace(/[a-z]/g, (c) => c.toUpperCase());
  return;
}

/** test/1, test/2 */
export function* b_test_1({ a, input, ev }: BuiltinCall): Generator<JVal> {
  for (const f of a.length === 2 ? ev(1) : [null])
    for (const re of ev(0)) {
      if (typeof input !== 'string') throw new JqError(`${describe(input)} cannot be matched, as it is not a string`);
      yield regexOf(re, f).test(input);
    }
  return;
}

/** match/1, match/2, capture/1, capture/2 */
export function* b_match_1({ n, a, input, ev }: BuiltinCall): Generator<JVal> {
  for (const f of a.length === 2 ? ev(1) : [null])
    for (const re of ev(0)) {
      if (typeof input !== 'string') throw new JqError(`${describe(input)} cannot be matched, as it is not a string`);
      const rx = regexOf(re, f);
      const ms = rx.global ? [...input.matchAll(rx)] : [rx.exec(input)].filter((m): m is RegExpExecArray => m !== null);
      for (const m of ms) {
        if (n.name === 'capture') {
          const o: JObj = new Map();
          for (const [k, v] of Object.entries(m.groups ?? {})) o.set(k, v ?? null);
          yield o;
          continue;
        }
        const caps: JVal[] = [];
        for (let i = 1; i < m.length; i++) {
          const c = m[i];
          const off = c === undefined ? -1 : input.indexOf(c, m.index);
          const name = Object.entries(m.groups ?? {}).find(([, v]) => v === c)?.[0] ?? null;
          caps.push(new Map<string, JVal>([['offset', off], ['length', c === undefined ? 0 : c.length], ['string', c ?? null], ['name', name]]));
        }
        yield new Map<string, JVal>([['offset', m.index], ['length', m[0].length], ['string', m[0]], ['captures', caps]]);
      }
    }
  return;
}

/** sub/2, gsub/2, sub/3, gsub/3 */
export function* b_sub_2({ n, a, input, ev }: BuiltinCall): Generator<JVal> {
  if (typeof input !== 'string') throw new JqError(`${describe(input)} cannot be matched, as it is not a string`);
  const flags = (a.length === 3 ? String(ev(2)[0] ?? '') : '') + (n.name === 'gsub' ? 'g' : '');
  for (const re of ev(0)) {
    const rx = regexOf(re, flags);
    let out = '';
    let last = 0;
    const ms = rx.global ? [...input.matchAll(rx)] : [rx.exec(input)].filter((m): m is RegExpExecArray => m !== null);
    for (const m of ms) {
      const capObj: JObj = new Map(Object.entries(m.groups ?? {}).map(([k, v]) => [k, v ?? null]));
      const rep = ev(1, capObj)[0];
      if (typeof rep !== 'string') throw new JqError(`${describe(rep)} cannot be added to a string`);
      out += input.slice(last, m.index) + rep;
      last = m.index + m[0].length;
    }
    yield out + input.slice(last);
  }
  return;
}

/** first/0 */
export function* b_first_0({ input }: BuiltinCall): Generator<JVal> {
  yield index(input, 0);
  return;
}

/** last/0 */
export function* b_last_0({ input }: BuiltinCall): Generator<JVal> {
  yield index(input, -1);
  return;
}

/** first/1 */
export function* b_first_1({ a, input, env, ctx }: BuiltinCall): Generator<JVal> {
  const r = evaluate(a[0], input, env, ctx).next();
  if (!r.done) yield r.value;
  return;
}

/** last/1 */
export function* b_last_1({ ev }: BuiltinCall): Generator<JVal> {
  const all = ev(0);
  if (all.length) yield all[all.length - 1];
  return;
}

/** nth/1 */
export function* b_nth_1({ input, ev }: BuiltinCall): Generator<JVal> {
  for (const i of ev(0)) yield index(input, i);
  return;
}

/** nth/2 */
export function* b_nth_2({ a, input, env, ctx, ev }: BuiltinCall): Generator<JVal> {
  for (const i of ev(0)) {
    let c = 0;
    for (const v of evaluate(a[1], input, env, ctx)) {
      if (c++ === i) {
        yield v;
        break;
      }
    }
  }
  return;
}

/** limit/2 */
export function* b_limit_2({ a, input, env, ctx, ev }: BuiltinCall): Generator<JVal> {
  for (const lim of ev(0)) {
    if (typeof lim !== 'number' || lim <= 0) continue;
    let c = 0;
    for (const v of evaluate(a[1], input, env, ctx)) {
      yield v;
      if (++c >= lim) break;
    }
  }
  return;
}

/** isempty/1 */
export function* b_isempty_1({ a, input, env, ctx }: BuiltinCall): Generator<JVal> {
  yield evaluate(a[0], input, env, ctx).next().done === true;
  return;
}

/** to_entries/0 */
export function* b_to_entries_0({ input }: BuiltinCall): Generator<JVal> {
  if (isObj(input)) yield [...input].map(([k, v]) => new Map<string, JVal>([['key', k], ['value', v]]));
  else yield keysOf(input, true) as JVal;
  return;
}

/** from_entries/0 */
export function* b_from_entries_0({ input }: BuiltinCall): Generator<JVal> {
  const o: JObj = new Map();
  for (const e of iterate(input)) {
    if (!isObj(e)) throw new JqError(`Cannot index ${typeName(e)} with string "k"`);
    let k = e.get('key') ?? e.get('k') ?? e.get('name') ?? e.get('Name') ?? e.get('Key') ?? e.get('K') ?? null;
    if (typeof k === 'number' || typeof k === 'boolean') k = toStr(k);
    if (typeof k !== 'string') throw new JqError(`Cannot use ${describe(k)} as object key`);
    const v = e.has('value') ? e.get('value')! : e.has('v') ? e.get('v')! : e.get('Value') ?? null;
    o.set(k, v);
  }
  yield o;
  return;
}

/** with_entries/1 */
export function* b_with_entries_1({ a, input, env, ctx }: BuiltinCall): Generator<JVal> {
  yield* evaluate(parse('to_entries | map(f) | from_entries'), input, { ...env, closures: new Map([...env.closures, ['f/0', { node: a[0], env }]]) }, ctx);
  return;
}

/** tojson/0 */
export function* b_tojson_0({ input }: BuiltinCall): Generator<JVal> {
  yield dump(input, 0);
  return;
}

/** fromjson/0 */
export function* b_fromjson_0({ input }: BuiltinCall): Generator<JVal> {
  if (typeof input !== 'string') throw new JqError(`${describe(input)} cannot be parsed as JSON`);
  const r = parseJsonStream(input);
  if (r.error || r.values.length !== 1) throw new JqError(`${input} (while parsing '${input}')`);
  yield r.values[0];
  return;
}

/** error/0 */
export function b_error_0({ input }: BuiltinCall): Generator<JVal> {
  throw new JqError(input);
}

/** error/1 */
export function b_error_1({ ev }: BuiltinCall): Generator<JVal> {
  for (const m of ev(0)) throw new JqError(m);
  return nothing();
}

/** recurse/0 */
export function* b_recurse_0({ input }: BuiltinCall): Generator<JVal> {
  for (const [, v] of recursePaths(input, [])) yield v;
  return;
}

/** recurse/1 */
export function* b_recurse_1({ a, input, env, ctx }: BuiltinCall): Generator<JVal> {
  const rec = function* (v: JVal, depth: number): Generator<JVal> {
    yield v;
    if (depth > 10000) return;
    for (const w of evaluate(a[0], v, env, ctx)) yield* rec(w, depth + 1);
  };
  yield* rec(input, 0);
  return;
}

/** env/0 */
export function* b_env_0({ ctx }: BuiltinCall): Generator<JVal> {
  yield new Map(Object.entries(ctx.env));
  return;
}

/** paths/0 */
export function* b_paths_0({ input }: BuiltinCall): Generator<JVal> {
  for (const [p] of recursePaths(input, [])) if (p.length) yield p;
  return;
}

/** leaf_paths/0 */
export function* b_leaf_paths_0({ input }: BuiltinCall): Generator<JVal> {
  for (const [p, v] of recursePaths(input, [])) if (p.length && !Array.isArray(v) && !isObj(v)) yield p;
  return;
}

/** path/1 */
export function* b_path_1({ a, input, env, ctx }: BuiltinCall): Generator<JVal> {
  for (const [p] of paths(a[0], input, env, ctx)) yield p;
  return;
}

/** del/1 */
export function* b_del_1({ a, input, env, ctx }: BuiltinCall): Generator<JVal> {
  yield delPaths(input, [...paths(a[0], input, env, ctx)].map(([p]) => p));
  return;
}

/** getpath/1 */
export function* b_getpath_1({ input, ev }: BuiltinCall): Generator<JVal> {
  for (const p of ev(0)) {
    try {
      yield getPath(input, p as JVal[]);
    } catch {
      yield null;
    }
  }
  return;
}

/** setpath/2 */
export function* b_setpath_2({ input, ev }: BuiltinCall): Generator<JVal> {
  for (const v of ev(1)) for (const p of ev(0)) yield setPath(input, p as JVal[], v);
  return;
}

/** delpaths/1 */
export function* b_delpaths_1({ input, ev }: BuiltinCall): Generator<JVal> {
  for (const ps of ev(0)) yield delPaths(input, ps as JVal[][]);
  return;
}

/** arrays/0, objects/0, iterables/0, booleans/0, numbers/0, strings/0, nulls/0, scalars/0 */
export function* b_arrays_0({ n, input }: BuiltinCall): Generator<JVal> {
  const t = typeName(input);
  const ok =
    n.name === 'iterables' ? t === 'array' || t === 'object' : n.name === 'scalars' ? t !== 'array' && t !== 'object' : n.name === 'booleans' ? t === 'boolean' : t + 's' === n.name;
  if (ok) yield input;
  return;
}

/** flatten/0, flatten/1 */
export function* b_flatten_0({ a, input, ev }: BuiltinCall): Generator<JVal> {
  for (const d of a.length ? ev(0) : [1e9]) {
    if (typeof d !== 'number' || d < 0) throw new JqError('flatten depth must not be negative');
    const flat = (v: JVal[], depth: number): JVal[] => v.flatMap((x) => (Array.isArray(x) && depth > 0 ? flat(x, depth - 1) : [x]));
    if (!Array.isArray(input)) throw new JqError(`Cannot iterate over ${describe(input)}`);
    yield flat(input, d);
  }
  return;
}

/** indices/1, index/1, rindex/1 */
export function* b_indices_1({ n, input, ev }: BuiltinCall): Generator<JVal> {
  for (const b of ev(0)) {
    const idx: number[] = [];
    if (typeof input === 'string' && typeof b === 'string') {
      if (b !== '') for (let i = input.indexOf(b); i >= 0 && idx.length < 1e6; i = input.indexOf(b, i + 1)) idx.push(i);
    } else if (Array.isArray(input)) {
      const bb = Array.isArray(b) ? b : [b];
      if (bb.length) for (let i = 0; i + bb.length <= input.length; i++) if (bb.every((x, j) => compare(x, input[i + j]) === 0)) idx.push(i);
    } else if (input === null) {
      yield null;
      continue;
    }
    if (n.name === 'indices') yield idx;
    else yield idx.length ? (n.name === 'index' ? idx[0] : idx[idx.length - 1]) : null;
  }
  return;
}

/** tostream/0 */
export function* b_tostream_0({ input }: BuiltinCall): Generator<JVal> {
  for (const [p, v] of recursePaths(input, [])) if ((!Array.isArray(v) && !isObj(v)) || (Array.isArray(v) ? v.length === 0 : v.size === 0)) yield [p, v];
  return;
}

/** infinite/0 */
export function* b_infinite_0(_c: BuiltinCall): Generator<JVal> {
  yield Number.MAX_VALUE;
  return;
}

/** nan/0 */
export function* b_nan_0(_c: BuiltinCall): Generator<JVal> {
  yield NaN;
  return;
}

/** isnan/0 */
export function* b_isnan_0({ input }: BuiltinCall): Generator<JVal> {
  yield typeof input === 'number' && Number.isNaN(input);
  return;
}

/** isinfinite/0 */
export function* b_isinfinite_0({ input }: BuiltinCall): Generator<JVal> {
  yield typeof input === 'number' && Math.abs(input) >= Number.MAX_VALUE;
  return;
}

/** pow/2 */
export function* b_pow_2({ ev }: BuiltinCall): Generator<JVal> {
  for (const y of ev(1)) for (const x of ev(0)) yield Math.pow(x as number, y as number);
  return;
}

/** log/0 */
export function* b_log_0({ input }: BuiltinCall): Generator<JVal> {
  yield num(input, 'log', Math.log);
  return;
}

/** exp/0 */
export function* b_exp_0({ input }: BuiltinCall): Generator<JVal> {
  yield num(input, 'exp', Math.exp);
  return;
}

/** log10/0 */
export function* b_log10_0({ input }: BuiltinCall): Generator<JVal> {
  yield num(input, 'log10', Math.log10);
  return;
}

/** explode/0 */
export function* b_explode_0({ input }: BuiltinCall): Generator<JVal> {
  if (typeof input !== 'string') throw new JqError(`${describe(input)} cannot be exploded`);
  yield [...input].map((c) => c.codePointAt(0)!);
  return;
}

/** implode/0 */
export function* b_implode_0({ input }: BuiltinCall): Generator<JVal> {
  // jq 1.6 turns what is no Unicode scalar value into U+FFFD.
  yield (iterate(input) as number[]).map((c) => (Number.isInteger(c) && c >= 0 && c <= 0x10ffff && (c < 0xd800 || c > 0xdfff) ? String.fromCodePoint(c) : '\ufffd')).join('');
  return;
}

/** transpose/0 */
export function* b_transpose_0({ input }: BuiltinCall): Generator<JVal> {
  const rows = iterate(input).map((r) => iterate(r));
  const w = Math.max(0, ...rows.map((r) => r.length));
  yield Array.from({ length: w }, (_, i) => rows.map((r) => r[i] ?? null));
  return;
}

/** walk/1 */
export function* b_walk_1({ a, input, env, ctx }: BuiltinCall): Generator<JVal> {
  const w = (v: JVal): JVal => {
    tick(ctx);
    let x = v;
    if (Array.isArray(v)) x = v.map(w);
    else if (isObj(v)) x = new Map([...v].map(([k, y]) => [k, w(y)]));
    const r = evaluate(a[0], x, env, ctx).next();
    return r.done ? null : r.value;
  };
  yield w(input);
  return;
}

/** input_line_number/0 */
export function* b_input_line_number_0(_c: BuiltinCall): Generator<JVal> {
  yield 0;
  return;
}

/** splits/1, splits/2 */
export function* b_splits_1({ a, input, ev }: BuiltinCall): Generator<JVal> {
  for (const f of a.length === 2 ? ev(1) : [null]) for (const re of ev(0)) yield* (input as string).split(regexOf(re, f));
  return;
}

/** IN/1 */
export function* b_IN_1({ input, ev }: BuiltinCall): Generator<JVal> {
  for (const v of ev(0))
    if (compare(v, input) === 0) {
      yield true;
      return;
    }
  yield false;
  return;
}

/** builtins/0 */
export function* b_builtins_0(_c: BuiltinCall): Generator<JVal> {
  yield Object.entries(BUILTIN_ARITY).flatMap(([k, v]) => v.map((x) => `${k}/${x}`));
  return;
}

/** debug/0 */
export function* b_debug_0({ input, ctx }: BuiltinCall): Generator<JVal> {
  ctx.debug?.(`["DEBUG:",${dump(input, 0)}]`);
  yield input;
  return;
}

/** stderr/0 */
export function* b_stderr_0({ input, ctx }: BuiltinCall): Generator<JVal> {
  ctx.debug?.(dump(input, 0));
  yield input;
  return;
}

/** input/0, inputs/0 */
export function* b_input_0({ n, ctx }: BuiltinCall): Generator<JVal> {
  const nx = ctx.nextInput?.();
  if (n.name === 'input') {
    if (nx === undefined) throw new JqError('No more inputs');
    yield nx;
  } else {
    for (let v = nx; v !== undefined; v = ctx.nextInput?.()) yield v;
  }
  return;
}

/** ascii/0 */
export function* b_ascii_0({ input }: BuiltinCall): Generator<JVal> {
  yield String.fromCharCode(input as number);
  return;
}

/** halt/0 */
export function b_halt_0(_c: BuiltinCall): Generator<JVal> {
  throw new HaltError(0);
}

/** halt_error/0, halt_error/1 */
export function b_halt_error_0({ a, input, ev }: BuiltinCall): Generator<JVal> {
  throw new HaltError(a.length ? Number(ev(0)[0]) : 5, input);
}

/** todate/0 */
export function* b_todate_0({ input }: BuiltinCall): Generator<JVal> {
  yield new Date((input as number) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return;
}

/** now/0 */
export function* b_now_0(_c: BuiltinCall): Generator<JVal> {
  yield 0;
  return;
}

/** jq's builtins by name/arity: each one a small generator over the call's input. */
export const BUILTINS = new Map<string, Builtin>([
  ['empty/0', b_empty_0],
  ['not/0', b_not_0],
  ['true/0', b_true_0],
  ['false/0', b_false_0],
  ['null/0', b_null_0],
  ['length/0', b_length_0],
  ['utf8bytelength/0', b_utf8bytelength_0],
  ['keys/0', b_keys_0],
  ['keys_unsorted/0', b_keys_unsorted_0],
  ['has/1', b_has_1],
  ['in/1', b_in_1],
  ['map/1', b_map_1],
  ['map_values/1', b_map_values_1],
  ['select/1', b_select_1],
  ['add/0', b_add_0],
  ['any/0', b_any_0],
  ['all/0', b_all_0],
  ['any/1', b_any_1],
  ['all/1', b_all_1],
  ['range/1', b_range_1],
  ['range/2', b_range_1],
  ['range/3', b_range_1],
  ['floor/0', b_floor_0],
  ['ceil/0', b_ceil_0],
  ['round/0', b_round_0],
  ['sqrt/0', b_sqrt_0],
  ['fabs/0', b_fabs_0],
  ['abs/0', b_fabs_0],
  ['tostring/0', b_tostring_0],
  ['tonumber/0', b_tonumber_0],
  ['type/0', b_type_0],
  ['sort/0', b_sort_0],
  ['sort_by/1', b_sort_by_1],
  ['group_by/1', b_sort_by_1],
  ['unique_by/1', b_sort_by_1],
  ['min_by/1', b_sort_by_1],
  ['max_by/1', b_sort_by_1],
  ['unique/0', b_unique_0],
  ['min/0', b_min_0],
  ['max/0', b_min_0],
  ['reverse/0', b_reverse_0],
  ['contains/1', b_contains_1],
  ['inside/1', b_inside_1],
  ['startswith/1', b_startswith_1],
  ['endswith/1', b_startswith_1],
  ['ltrimstr/1', b_ltrimstr_1],
  ['rtrimstr/1', b_rtrimstr_1],
  ['split/1', b_split_1],
  ['split/2', b_split_2],
  ['join/1', b_join_1],
  ['ascii_downcase/0', b_ascii_downcase_0],
  ['ascii_upcase/0', b_ascii_downcase_0],
  ['test/1', b_test_1],
  ['test/2', b_test_1],
  ['match/1', b_match_1],
  ['match/2', b_match_1],
  ['capture/1', b_match_1],
  ['capture/2', b_match_1],
  ['sub/2', b_sub_2],
  ['gsub/2', b_sub_2],
  ['sub/3', b_sub_2],
  ['gsub/3', b_sub_2],
  ['first/0', b_first_0],
  ['last/0', b_last_0],
  ['first/1', b_first_1],
  ['last/1', b_last_1],
  ['nth/1', b_nth_1],
  ['nth/2', b_nth_2],
  ['limit/2', b_limit_2],
  ['isempty/1', b_isempty_1],
  ['to_entries/0', b_to_entries_0],
  ['from_entries/0', b_from_entries_0],
  ['with_entries/1', b_with_entries_1],
  ['tojson/0', b_tojson_0],
  ['fromjson/0', b_fromjson_0],
  ['error/0', b_error_0],
  ['error/1', b_error_1],
  ['recurse/0', b_recurse_0],
  ['recurse/1', b_recurse_1],
  ['env/0', b_env_0],
  ['paths/0', b_paths_0],
  ['leaf_paths/0', b_leaf_paths_0],
  ['path/1', b_path_1],
  ['del/1', b_del_1],
  ['getpath/1', b_getpath_1],
  ['setpath/2', b_setpath_2],
  ['delpaths/1', b_delpaths_1],
  ['arrays/0', b_arrays_0],
  ['objects/0', b_arrays_0],
  ['iterables/0', b_arrays_0],
  ['booleans/0', b_arrays_0],
  ['numbers/0', b_arrays_0],
  ['strings/0', b_arrays_0],
  ['nulls/0', b_arrays_0],
  ['scalars/0', b_arrays_0],
  ['flatten/0', b_flatten_0],
  ['flatten/1', b_flatten_0],
  ['indices/1', b_indices_1],
  ['index/1', b_indices_1],
  ['rindex/1', b_indices_1],
  ['tostream/0', b_tostream_0],
  ['infinite/0', b_infinite_0],
  ['nan/0', b_nan_0],
  ['isnan/0', b_isnan_0],
  ['isinfinite/0', b_isinfinite_0],
  ['pow/2', b_pow_2],
  ['log/0', b_log_0],
  ['exp/0', b_exp_0],
  ['log10/0', b_log10_0],
  ['explode/0', b_explode_0],
  ['implode/0', b_implode_0],
  ['transpose/0', b_transpose_0],
  ['walk/1', b_walk_1],
  ['input_line_number/0', b_input_line_number_0],
  ['splits/1', b_splits_1],
  ['splits/2', b_splits_1],
  ['IN/1', b_IN_1],
  ['builtins/0', b_builtins_0],
  ['debug/0', b_debug_0],
  ['stderr/0', b_stderr_0],
  ['input/0', b_input_0],
  ['inputs/0', b_input_0],
  ['ascii/0', b_ascii_0],
  ['halt/0', b_halt_0],
  ['halt_error/0', b_halt_error_0],
  ['halt_error/1', b_halt_error_0],
  ['todate/0', b_todate_0],
  ['now/0', b_now_0],
]);
