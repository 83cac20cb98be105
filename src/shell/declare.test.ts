// declare, local, readonly and (( )): the attributes the simulation honours,
// and the ones it refuses instead of accepting and ignoring. The outputs of
// the honoured forms are recorded on bash 5.2 in fidelity/scenarios/170-bash-declare.sh
// and 171-bash-arith-command.sh; the interactive abort below was recorded on
// bash 5.2 reading `readonly z=3; z=4; echo after` and `echo next $?` from a
// terminal (it printed only the error, then `next 1`), and the same for
// `x=${q:?unset}; echo after2` (only `bash: q: unset`, then `next2 1`).

import { describe, expect, it } from 'vitest';
import { bareWorld } from '../world/world.ts';
import { runScript } from '../session/session.ts';
import { Session } from '../session/session.ts';
import { NOT_SIMULATED_STATUS } from '../userland/registry.ts';
import { plain } from '../../test/kit.ts';

describe('declaration builtins', () => {
  it('refuses the attributes it does not model, naming them', async () => {
    const steps = await runScript(bareWorld(1), ['declare -i n=3+4; echo $n', 'f() { :; }; declare -xf f', 'typeset -a arr', 'readonly -a arr', 'export -f f', 'f() { local -n ref=x; }; f', 'declare -l x=AB']);
    for (const s of steps) expect(s.stderr).toMatch(/^(declare|typeset|readonly|export|local): (-f )?-[aAfilnux]: not simulated\n/);
    expect(steps.map((s) => s.exit)).toEqual([0, NOT_SIMULATED_STATUS, NOT_SIMULATED_STATUS, NOT_SIMULATED_STATUS, NOT_SIMULATED_STATUS, NOT_SIMULATED_STATUS, NOT_SIMULATED_STATUS]);
    // The refused declaration did not assign: `echo $n` prints an empty line.
    expect(steps[0].stdout).toBe('\n');
  });

  it('prints a here-document inside a function after its command, as bash does', async () => {
    // Recorded: bash 5.2 -c "f() { cat <<'E'\n\$x\nE\necho after; }; type f" (a scenario line cannot hold the here-document).
    const [s] = await runScript(bareWorld(1), ["f() { cat <<'E'\n$x\nE\necho after; }; type f"]);
    expect(s.stdout).toBe("f is a function\nf () \n{ \n    cat <<'E'\n$x\nE\n\n    echo after\n}\n");
  });

  it('trap refuses signal, DEBUG and RETURN traps and -l, and keeps EXIT working beside them', async () => {
    const [a, b, c] = await runScript(bareWorld(1), ["trap 'echo int' INT; echo rc=$?", "trap 'echo d' DEBUG RETURN", "trap -l"]);
    expect(a.stderr).toBe('trap: SIGINT: not simulated\n');
    expect(a.stdout).toBe(`rc=${NOT_SIMULATED_STATUS}\n`);
    expect(b.stderr).toBe('trap: DEBUG: not simulated\ntrap: RETURN: not simulated\n');
    expect(c.stderr).toBe('trap: -l: not simulated\n');
    const [d] = await runScript(bareWorld(1), ["trap 'echo bye' EXIT; trap 'echo t' TERM; echo hi"]);
    expect(d.stdout).toBe('hi\nbye\n');
  });

  it('local hides the outer variable until the function returns, even when readonly', async () => {
    const [s] = await runScript(bareWorld(1), ['x=1; f() { local -r x=2; echo in=$x; g; }; g() { echo g=$x; }; f; echo out=$x; x=3; echo $x']);
    expect(s.stdout).toBe('in=2\ng=2\nout=1\n3\n');
  });

  it('an interactive shell abandons the line after assigning to a readonly variable, and keeps running', async () => {
    const s = new Session({ makeWorld: () => bareWorld(7) });
    let out = '';
    s.onOutput((d) => (out += d));
    await s.start();
    await s.runLine('readonly z=3; z=4; echo after');
    await s.runLine('echo next $?');
    await s.runLine('x=${q:?unset}; echo after2');
    await s.runLine('echo next2 $?');
    expect(plain(out)).toBe('root@host:~# readonly z=3; z=4; echo after\nbash: z: readonly variable\nroot@host:~# echo next $?\nnext 1\nroot@host:~# x=${q:?unset}; echo after2\nbash: q: unset\nroot@host:~# echo next2 $?\nnext2 1\nroot@host:~# ');
  });
});

describe('brace expansion bound', () => {
  it('refuses more than MAX_BRACE_WORDS words as a failed allocation and leaves the word', async () => {
    const [a, b] = await runScript(bareWorld(1), ['echo {1..100001} | wc -c', 'echo {1..100000} | wc -w']);
    expect(a.stderr).toBe('bash: line 1: brace expansion: failed to allocate memory for 100001 elements\n');
    expect(a.stdout).toBe('12\n');
    expect(b.stdout).toBe('100000\n');
    // 100,000 words through echo and a pipe take about a second alone and several on a loaded machine: a bound, not a speed, is under test.
  }, 60_000);
});
