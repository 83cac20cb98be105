// client-go util/jsonpath's own test table (jsonpath_test.go: TestTypesInput,
// TestStructInput, TestJSONInput, TestKubernetes, TestEmptyRange,
// TestNestedRanges, TestFilterPartialMatchesSometimesMissingAnnotations,
// TestNegativeIndex, TestRunningPodsJSONPathOutput, TestStep) run against
// our evaluator. The inputs are the JSON those Go values marshal to; where
// upstream feeds a Go struct (fields in declaration order) the expected
// JSON here has the sorted keys a map (kubectl's unstructured objects)
// prints. The `=~` cases of a fork are not upstream and are left out.

import { describe, expect, it } from 'vitest';
import { JsonPath, JsonPathError, goSharpV, goFloat, relaxedJsonPath } from './jsonpath.ts';

type Case = [name: string, template: string, input: unknown, expect: string, expectError?: boolean];

function run(cases: Case[], allowMissingKeys: boolean): void {
  for (const [name, tmpl, input, want, wantErr] of cases) {
    let out: string | undefined;
    let err: unknown;
    try {
      const j = new JsonPath(tmpl);
      j.allowMissingKeys = allowMissingKeys;
      out = j.execute(input);
    } catch (e) {
      err = e;
    }
    if (wantErr) expect(err, `${name}: ${tmpl}`).toBeInstanceOf(JsonPathError);
    else {
      expect(err, `${name}: ${tmpl}`).toBeUndefined();
      expect(out, `${name}: ${tmpl}`).toBe(want);
    }
  }
}

function failWith(cases: Case[]): void {
  for (const [name, tmpl, input, want] of cases) {
    let msg = 'nil';
    try {
      new JsonPath(tmpl).execute(input);
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg, name).toBe(want);
  }
}

const types = {
  bools: [true, false, true, false],
  integers: [1, 2, 3, 4],
  floats: [1.0, 2.2, 3.3, 4.0],
  strings: ['one', 'two', 'three', 'four'],
  interfaces: [true, 'one', 1, 1.1],
  maps: [
    { name: 'one', value: 1 },
    { name: 'two', value: 2.02 },
    { name: 'three', value: 3.03 },
    { name: 'four', value: 4.04 },
  ],
};

const store = {
  Name: 'jsonpath',
  Book: [
    { Category: 'reference', Author: 'Nigel Rees', Title: 'Sayings of the Centurey', Price: 8.95 },
    { Category: 'fiction', Author: 'Evelyn Waugh', Title: 'Sword of Honour', Price: 12.99 },
    { Category: 'fiction', Author: 'Herman Melville', Title: 'Moby Dick', Price: 8.99 },
  ],
  Bicycle: [
    { Color: 'red', Price: 19.95, IsNew: true },
    { Color: 'green', Price: 20.01, IsNew: false },
  ],
  Labels: { engieer: 10, 'web/html': 15, 'k8s-app': 20 },
  Employees: { jason: 'manager', dan: 'clerk' },
};

const nodes = {
  kind: 'List',
  items: [
    { kind: 'None', metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } }, status: { capacity: { cpu: '4' }, ready: true, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] } },
    { kind: 'None', metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } }, status: { capacity: { cpu: '8' }, ready: false, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.2' }, { type: 'another', address: '127.0.0.3' }] } },
  ],
  users: [
    { name: 'myself', user: {} },
    { name: 'e2e', user: { username: 'admin', password: 'secret' } },
  ],
};

const containers = (n: number): unknown => ({ apiVersion: 'v1', kind: 'Pod', spec: { containers: Array.from({ length: n }, (_, i) => ({ image: 'radial/busyboxplus:curl', name: `fake${i}` })) } });

describe('client-go jsonpath_test.go', () => {
  it('TestTypesInput', () => {
    run(
      [
        ['boolSlice', '{ .bools }', types, '[true,false,true,false]'],
        ['boolSliceIndex', '{ .bools[0] }', types, 'true'],
        ['boolSliceIndex', '{ .bools[-1] }', types, 'false'],
        ['boolSubSlice', '{ .bools[0:2] }', types, 'true false'],
        ['boolSubSliceFirst2', '{ .bools[:2] }', types, 'true false'],
        ['boolSubSliceStep2', '{ .bools[:4:2] }', types, 'true true'],
        ['integerSlice', '{ .integers }', types, '[1,2,3,4]'],
        ['integerSliceIndex', '{ .integers[0] }', types, '1'],
        ['integerSliceIndexReverse', '{ .integers[-2] }', types, '3'],
        ['integerSubSliceFirst2', '{ .integers[0:2] }', types, '1 2'],
        ['integerSubSliceStep2', '{ .integers[:4:2] }', types, '1 3'],
        ['floatSlice', '{ .floats }', types, '[1,2.2,3.3,4]'],
        ['floatSliceIndexReverse', '{ .floats[-2] }', types, '3.3'],
        ['floatSubSliceStep2', '{ .floats[:4:2] }', types, '1 3.3'],
        ['stringSlice', '{ .strings }', types, '["one","two","three","four"]'],
        ['stringSliceIndexReverse', '{ .strings[-2] }', types, 'three'],
        ['stringSubSliceStep2', '{ .strings[:4:2] }', types, 'one three'],
        ['interfaceSlice', '{ .interfaces }', types, '[true,"one",1,1.1]'],
        ['interfaceSubSliceFirst2', '{ .interfaces[0:2] }', types, 'true one'],
        ['interfaceSubSliceStep2', '{ .interfaces[:4:2] }', types, 'true 1'],
        ['mapSlice', '{ .maps }', types, '[{"name":"one","value":1},{"name":"two","value":2.02},{"name":"three","value":3.03},{"name":"four","value":4.04}]'],
        ['mapSliceIndexReverse', '{ .maps[-2] }', types, '{"name":"three","value":3.03}'],
        ['mapSubSliceFirst2', '{ .maps[0:2] }', types, '{"name":"one","value":1} {"name":"two","value":2.02}'],
        ['mapSubSliceStepOdd', '{ .maps[::2] }', types, '{"name":"one","value":1} {"name":"three","value":3.03}'],
        ['mapSubSliceStepEven', '{ .maps[1::2] }', types, '{"name":"two","value":2.02} {"name":"four","value":4.04}'],
      ],
      false,
    );
  });

  it('TestStructInput', () => {
    run(
      [
        ['plain', 'hello jsonpath', null, 'hello jsonpath'],
        ['recursive', '{..}', [1, 2, 3], '[1,2,3]'],
        ['filter', '{[?(@<5)]}', [2, 6, 3, 7], '2 3'],
        ['quote', '{"{"}', null, '{'],
        ['union', '{[1,3,4]}', [0, 1, 2, 3, 4], '1 3 4'],
        ['array', '{[0:2]}', ['Monday', 'Tudesday'], 'Monday Tudesday'],
        ['variable', 'hello {.Name}', store, 'hello jsonpath'],
        ['dict/', '{$.Labels.web/html}', store, '15'],
        ['dict/', '{$.Employees.jason}', store, 'manager'],
        ['dict/', '{$.Employees.dan}', store, 'clerk'],
        ['dict-', '{.Labels.k8s-app}', store, '20'],
        ['nest', '{.Bicycle[*].Color}', store, 'red green'],
        ['allarray', '{.Book[*].Author}', store, 'Nigel Rees Evelyn Waugh Herman Melville'],
        // struct fields in declaration order upstream (Color Price IsNew); map values here (sorted keys)
        ['allfields', '{range .Bicycle[*]}{ "{" }{ @.* }{ "} " }{end}', store, '{red true 19.95} {green false 20.01} '],
        // upstream walks the struct (Book before Bicycle); a map is walked here in sorted key order
        ['recurfields', '{..Price}', store, '19.95 20.01 8.95 12.99 8.99'],
        ['recurdotfields', '{...Price}', store, '19.95 20.01 8.95 12.99 8.99'],
        ['superrecurfields', '{............................................................Price}', store, '', true],
        ['allstructsSlice', '{.Bicycle}', store, '[{"Color":"red","IsNew":true,"Price":19.95},{"Color":"green","IsNew":false,"Price":20.01}]'],
        ['allstructs', '{range .Bicycle[*]}{ @ }{ " " }{end}', store, '{"Color":"red","IsNew":true,"Price":19.95} {"Color":"green","IsNew":false,"Price":20.01} '],
        ['lastarray', '{.Book[-1:]}', store, '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}'],
        ['recurarray', '{..Book[2]}', store, '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}'],
        ['bool', '{.Bicycle[?(@.IsNew==true)]}', store, '{"Color":"red","IsNew":true,"Price":19.95}'],
      ],
      false,
    );
    run(
      [
        ['nonexistent field', '{.hello}', store, ''],
        ['nonexistent field 2', 'before-{.hello}after', store, 'before-after'],
      ],
      true,
    );
    failWith([
      ['invalid identifier', '{hello}', store, 'unrecognized identifier hello'],
      ['nonexistent field', '{.hello}', store, 'hello is not found'],
      ['invalid array', '{.Labels[0]}', store, 'map[string]interface {} is not array or slice'],
      ['invalid filter operator', '{.Book[?(@.Price<>10)]}', store, 'unrecognized filter operator <>'],
      ['redundant end', '{range .Labels.*}{@}{end}{end}', store, 'not in range, nothing to end'],
    ]);
  });

  it('TestJSONInput', () => {
    const points = [
      { id: 'i1', x: 4, y: -5 },
      { id: 'i2', x: -2, y: -5, z: 1 },
      { id: 'i3', x: 8, y: 3 },
      { id: 'i4', x: -6, y: -1 },
      { id: 'i5', x: 0, y: 2, z: 1 },
      { id: 'i6', x: 1, y: 4 },
    ];
    run(
      [
        ['exists filter', '{[?(@.z)].id}', points, 'i2 i5'],
        ['bracket key', "{[0]['id']}", points, 'i1'],
      ],
      false,
    );
  });

  it('TestKubernetes', () => {
    run(
      [
        ['range item', '{range .items[*]}{.metadata.name}, {end}{.kind}', nodes, '127.0.0.1, 127.0.0.2, List'],
        ['range item with quote', '{range .items[*]}{.metadata.name}{"\\t"}{end}', nodes, '127.0.0.1\t127.0.0.2\t'],
        ['range addresss', '{.items[*].status.addresses[*].address}', nodes, '127.0.0.1 127.0.0.2 127.0.0.3'],
        ['double range', '{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', nodes, '127.0.0.1, 127.0.0.2, 127.0.0.3, '],
        ['item name', '{.items[*].metadata.name}', nodes, '127.0.0.1 127.0.0.2'],
        ['union nodes capacity', "{.items[*]['metadata.name', 'status.capacity']}", nodes, '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
        ['range nodes capacity', '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', nodes, '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
        ['user password', '{.users[?(@.name=="e2e")].user.password}', nodes, 'secret'],
        ['hostname', '{.items[0].metadata.labels.kubernetes\\.io/hostname}', nodes, '127.0.0.1'],
        ['hostname filter', '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', nodes, 'None'],
        ['bool item', '{.items[?(@..ready==true)].metadata.name}', nodes, '127.0.0.1'],
      ],
      false,
    );
    // randomPrintOrderTests: compared sorted
    expect(new JsonPath('{..name}').execute(nodes).split(' ').sort()).toEqual(['127.0.0.1', '127.0.0.2', 'e2e', 'myself']);
  });

  it('TestEmptyRange', () => {
    run(
      [
        ['empty range', '{range .items[*]}{.metadata.name}{end}', { items: [] }, ''],
        ['empty nested range', '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', { items: [] }, ''],
      ],
      true,
    );
  });

  it('TestNestedRanges', () => {
    const c = (name: string) => ({ name, another: [{ name: 'value1' }, { name: 'value2' }] });
    const data = { items: [{ metadata: { name: 'pod1' }, spec: { containers: [c('foo'), c('bar')] } }, { metadata: { name: 'pod2' }, spec: { containers: [c('baz')] } }] };
    run(
      [
        ['nested range with a trailing newline', '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', data, 'pod1:foo,bar,+pod2:baz,+'],
        ['nested in nested', '{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}', data, 'pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#'],
        ['two nested ranges at the same level', '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}', data, 'pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n'],
      ],
      false,
    );
  });

  it('TestFilterPartialMatchesSometimesMissingAnnotations', () => {
    const data = { kind: 'List', items: [{ kind: 'Pod', metadata: { name: 'pod1', annotations: { color: 'blue' } } }, { kind: 'Pod', metadata: { name: 'pod2' } }, { kind: 'Pod', metadata: { name: 'pod3', annotations: { color: 'green' } } }, { kind: 'Pod', metadata: { name: 'pod4', annotations: { color: 'blue' } } }] };
    run([['tolerate missing', '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}', data, 'pod1 pod4']], true);
    run([['error on missing', '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}', data, '', true]], false);
  });

  it('TestNegativeIndex', () => {
    const d = containers(4);
    run(
      [
        ['[0]', '{.spec.containers[0].name}', d, 'fake0'],
        ['[0:0]', '{.spec.containers[0:0].name}', d, ''],
        ['[0:-1]', '{.spec.containers[0:-1].name}', d, 'fake0 fake1 fake2'],
        ['[-1:0]', '{.spec.containers[-1:0].name}', d, '', true],
        ['[-1]', '{.spec.containers[-1].name}', d, 'fake3'],
        ['[-1:]', '{.spec.containers[-1:].name}', d, 'fake3'],
        ['[-2]', '{.spec.containers[-2].name}', d, 'fake2'],
        ['[-2:]', '{.spec.containers[-2:].name}', d, 'fake2 fake3'],
        ['[-3]', '{.spec.containers[-3].name}', d, 'fake1'],
        ['[-4]', '{.spec.containers[-4].name}', d, 'fake0'],
        ['[-4:]', '{.spec.containers[-4:].name}', d, 'fake0 fake1 fake2 fake3'],
        ['[-5]', '{.spec.containers[-5].name}', d, '', true],
        ['[5:5]', '{.spec.containers[5:5].name}', d, ''],
        ['[-5:-5]', '{.spec.containers[-5:-5].name}', d, ''],
        ['[3:1]', '{.spec.containers[3:1].name}', d, '', true],
        ['[-1:-2]', '{.spec.containers[-1:-2].name}', d, '', true],
      ],
      false,
    );
  });

  it('TestRunningPodsJSONPathOutput', () => {
    const data = { kind: 'List', items: [{ kind: 'Pod', metadata: { name: 'pod1' }, status: { phase: 'Running' } }, { kind: 'Pod', metadata: { name: 'pod2' }, status: { phase: 'Running' } }, { kind: 'Pod', metadata: { name: 'pod3' }, status: { phase: 'Running' } }, { resourceVersion: '' }] };
    run([['range over pods without selecting the last one', '{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}', data, 'pod1 is Running\npod2 is Running\npod3 is Running\n']], true);
  });

  it('TestStep', () => {
    const d = containers(6);
    run(
      [
        ['[0:]', '{.spec.containers[0:].name}', d, 'fake0 fake1 fake2 fake3 fake4 fake5'],
        ['[0:6:]', '{.spec.containers[0:6:].name}', d, 'fake0 fake1 fake2 fake3 fake4 fake5'],
        ['[0:6:1]', '{.spec.containers[0:6:1].name}', d, 'fake0 fake1 fake2 fake3 fake4 fake5'],
        ['[0:6:0]', '{.spec.containers[0:6:0].name}', d, '', true],
        ['[0:6:-1]', '{.spec.containers[0:6:-1].name}', d, '', true],
        ['[1:4:2]', '{.spec.containers[1:4:2].name}', d, 'fake1 fake3'],
        ['[1:4:3]', '{.spec.containers[1:4:3].name}', d, 'fake1'],
        ['[1:4:4]', '{.spec.containers[1:4:4].name}', d, 'fake1'],
        ['[0:6:2]', '{.spec.containers[0:6:2].name}', d, 'fake0 fake2 fake4'],
        ['[0:6:3]', '{.spec.containers[0:6:3].name}', d, 'fake0 fake3'],
        ['[0:6:5]', '{.spec.containers[0:6:5].name}', d, 'fake0 fake5'],
        ['[0:6:6]', '{.spec.containers[0:6:6].name}', d, 'fake0'],
      ],
      false,
    );
  });

  it('parse errors as parser.go words them', () => {
    const perr = (t: string): string => {
      try {
        new JsonPath(t);
        return 'nil';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(perr('{.x')).toBe('unclosed action');
    expect(perr('{.items[0}')).toBe('unterminated array');
    expect(perr('{.a[?(@.x=="y"}')).toBe('unterminated filter');
    expect(perr('{"abc}')).toBe('unterminated quoted string');
    expect(perr('{.a[x]}')).toBe('invalid array index x');
    expect(perr('{#}')).toBe("unrecognized character in action: U+0023 '#'");
    expect(perr('{....a}')).toBe('invalid multiple recursive descent');
  });

  it('Go formatting helpers', () => {
    expect(goFloat(0.00001)).toBe('1e-05');
    expect(goFloat(1e21)).toBe('1e+21');
    expect(goFloat(19.95)).toBe('19.95');
    expect(goSharpV({ b: [1, 'x', null], a: 2.5 })).toBe('map[string]interface {}{"a":2.5, "b":[]interface {}{1, "x", interface {}(nil)}}');
    expect(relaxedJsonPath('metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('{.status.podIP}')).toBe('{.status.podIP}');
  });
});
