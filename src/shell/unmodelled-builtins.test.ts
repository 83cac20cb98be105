// bash builtins the simulation does not model (builtins.ts
// UNMODELLED_BUILTINS): `type` names them as bash 5.2 and dash do (recorded
// in fidelity/scenarios/180-bash-case-modification.sh), and running one is
// refused as not simulated instead of "command not found", which would
// teach that bash has no getopts. bash's own ones stay "not found" in sh.
import { describe, expect, it } from 'vitest';
import { bareWorld } from '../world/world.ts';
import { runScript } from '../session/session.ts';
import { NOT_SIMULATED_STATUS, notSimulatedItems } from '../userland/registry.ts';
import './builtins.ts';

describe('builtins the simulation does not model', () => {
  it('refuses them in bash, naming the builtin, and runs nothing', async () => {
    const steps = await runScript(bareWorld(1), ['getopts ab o; echo "$? [$o]"', 'cd /; pushd /tmp; pwd', 'shopt -s extglob', 'mapfile x </etc/hostname', 'ulimit -n']);
    expect(steps.map((s) => s.stderr)).toEqual(['bash: getopts: not simulated\n', 'bash: pushd: not simulated\n', 'bash: shopt: not simulated\n', 'bash: mapfile: not simulated\n', 'bash: ulimit: not simulated\n']);
    expect(steps[0].stdout).toBe(`${NOT_SIMULATED_STATUS} []\n`);
    expect(steps[1].stdout).toBe('/\n');
    expect(steps.slice(2).map((s) => s.exit)).toEqual([NOT_SIMULATED_STATUS, NOT_SIMULATED_STATUS, NOT_SIMULATED_STATUS]);
  });

  it("leaves bash's own to bash: sh says not found, and refuses the ones dash has", async () => {
    const [pushd, getopts] = await runScript(bareWorld(1), ["sh -c 'pushd /tmp'", "sh -c 'getopts a o'"]);
    expect([pushd.stderr, pushd.exit]).toEqual(['sh: 1: pushd: not found\n', 127]);
    expect([getopts.stderr, getopts.exit]).toEqual(['sh: getopts: not simulated\n', NOT_SIMULATED_STATUS]);
  });

  it('lists every one on /reference/, and arrays', () => {
    const items = notSimulatedItems().filter((i) => i.tool === 'bash').map((i) => i.item);
    for (const b of ['getopts', 'shopt', 'pushd', 'popd', 'dirs', 'mapfile', 'readarray', 'ulimit', 'fc', 'complete']) expect(items).toContain(`builtin ${b}`);
    expect(items.some((i) => i.startsWith('arrays: NAME=(…)'))).toBe(true);
    expect(items.some((i) => i.startsWith('select NAME'))).toBe(true);
    expect(items).toContain('coproc [NAME] COMMAND');
  });

  it("refuses bash's select loop (its body never runs), where dash has no such word", async () => {
    // dash's error and bash's printing of a function holding one are recorded: dash 0.5.12 and bash 5.2.
    const [sel, dash, printed] = await runScript(bareWorld(1), ['select i in a b; do echo ran; done </dev/null; echo st=$?', "sh -c 'select i in a; do :; done'", 'f() { select x in 1 2; do :; done; }; type f']);
    expect([sel.stdout, sel.stderr]).toEqual([`st=${NOT_SIMULATED_STATUS}\n`, 'bash: select: not simulated\n']);
    expect([dash.stderr, dash.exit]).toEqual(['sh: 1: Syntax error: "do" unexpected\n', 2]);
    expect(printed.stdout).toBe('f is a function\nf () \n{ \n    select x in 1 2;\n    do\n        :;\n    done\n}\n');
  });

  it('refuses coproc, running nothing, in both its forms', async () => {
    const [plain, named] = await runScript(bareWorld(1), ['coproc touch /tmp/x; echo st=$?; ls /tmp', 'coproc W { touch /tmp/y; }; echo $?; ls /tmp']);
    expect([plain.stdout, plain.stderr]).toEqual([`st=${NOT_SIMULATED_STATUS}\n`, 'bash: coproc: not simulated\n']);
    expect([named.stdout, named.stderr]).toEqual([`${NOT_SIMULATED_STATUS}\n`, 'bash: coproc: not simulated\n']);
  });

  it('refuses arrays instead of a false syntax error: the assignment runs nothing, an expansion abandons the line', async () => {
    // bash would assign and print `y`; `$a[1]` is no subscript (the variable, then `[1]`).
    const steps = await runScript(bareWorld(1), ['a=(x y\nz); echo "st=$?"', 'echo "${a[1]}" next', 'echo ${#a[@]}', 'a=1; echo $a[1]', "f() { b+=(1 2); }; type f | tail -2", 'declare -r c=1 d=(2); echo "st=$? [$c]"']);
    expect(steps[0]).toMatchObject({ stdout: `st=${NOT_SIMULATED_STATUS}\n`, stderr: 'bash: line 1: a=(x y z): not simulated (arrays)\n' });
    expect(steps[1]).toMatchObject({ stdout: '', stderr: 'bash: line 1: ${a[1]}: not simulated (arrays)\n', exit: 1 });
    expect(steps[2].stderr).toBe('bash: line 1: ${#a[@]}: not simulated (arrays)\n');
    expect(steps[3].stdout).toBe('1[1]\n');
    // Printed back as bash prints a function holding one (recorded: bash 5.2 `f() { a=(1 2); }; type f`).
    expect(steps[4].stdout).toBe('    b+=(1 2)\n}\n');
    // An array argument of a declaration builtin refuses the whole command: c is not assigned either.
    expect([steps[5].stdout, steps[5].stderr]).toEqual([`st=${NOT_SIMULATED_STATUS} []\n`, 'bash: line 1: d=(2): not simulated (arrays)\n']);
  });
});
