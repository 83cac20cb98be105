// `npm run --silent lab -- list | check LAB_ID FILE | verify [LAB_ID...]`
//
//   list    JSON array of {id, title, lesson}
//   check   start LAB_ID fresh, type each line of FILE into its shell, run the
//           checks; JSON {lab, passed, checks:[{id, passed, message}]};
//           exit 0 all pass, 1 not, 2 bad usage
//   verify  for every lab: the reference solution passes and the untouched
//           start fails, and every shortcut the lab lists (a way to fake
//           the goal) fails the checks it names; exit 1 if any lab breaks
//           that rule

import { readFileSync } from 'node:fs';
import { listLabs, labInfo, labShortcuts, makeLabWorld, runChecks } from '../labs/index.ts';
import { checkLines } from '../labs/replay.ts';

const USAGE = 'usage: lab list | lab check LAB_ID FILE | lab verify [LAB_ID...]\n';

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'list' && rest.length === 0) {
    process.stdout.write(JSON.stringify(listLabs().map((l) => ({ id: l.id, title: l.title, lesson: l.lesson })), null, 2) + '\n');
    return 0;
  }
  if (cmd === 'check' && rest.length === 2) {
    const [id, file] = rest;
    if (!labInfo(id)) {
      process.stderr.write(`lab: unknown lab '${id}' (try: lab list)\n`);
      return 2;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      process.stderr.write(`lab: cannot read ${file}: ${(e as Error).message}\n`);
      return 2;
    }
    const checks = await checkLines(id, 1, text.split('\n'));
    const passed = checks.every((c) => c.passed);
    process.stdout.write(JSON.stringify({ lab: id, passed, checks: checks.map((c) => ({ id: c.id, passed: c.passed, message: c.message })) }, null, 2) + '\n');
    return passed ? 0 : 1;
  }
  if (cmd === 'verify') {
    const ids = rest.length ? rest : listLabs().map((l) => l.id);
    let ok = 0;
    let bad = 0;
    for (const id of ids) {
      const info = labInfo(id);
      if (!info) {
        process.stderr.write(`lab: unknown lab '${id}'\n`);
        return 2;
      }
      for (const seed of info.parametric ? [1, 2, 3] : [1]) {
        const si = labInfo(id, seed)!;
        const sol = await checkLines(id, seed, si.solution);
        const start = await runChecks(id, makeLabWorld(id, seed), seed);
        const solOk = sol.every((c) => c.passed);
        const startFails = start.some((c) => !c.passed);
        const tag = info.parametric ? `${id} (seed ${seed})` : id;
        if (solOk && startFails) {
          ok++;
          process.stdout.write(`ok   ${tag}: solution passes ${sol.length}/${sol.length}; untouched start fails ${start.filter((c) => !c.passed).length}/${start.length}\n`);
        } else {
          bad++;
          process.stdout.write(`FAIL ${tag}: ${solOk ? '' : 'solution fails: ' + sol.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`).join('; ')}${startFails ? '' : ' untouched start passes every check'}\n`);
        }
        for (const sc of labShortcuts(id, seed)) {
          const res = await checkLines(id, seed, sc.commands);
          const unknown = sc.expect.filter((e) => !res.some((c) => c.id === e));
          const fooled = res.filter((c) => sc.expect.includes(c.id) && c.passed);
          if (!unknown.length && !fooled.length) {
            ok++;
            const f = res.find((c) => c.id === sc.expect[0])!;
            process.stdout.write(`ok   ${tag} shortcut "${sc.name}": fails ${sc.expect.join(', ')} (${f.message})\n`);
          } else {
            bad++;
            process.stdout.write(`FAIL ${tag} shortcut "${sc.name}": ${unknown.length ? `no check ${unknown.join(', ')}` : `passes ${fooled.map((c) => `${c.id} (${c.message})`).join('; ')}`}\n`);
          }
        }
      }
    }
    process.stdout.write(`${ok} passed, ${bad} failed\n`);
    return bad ? 1 : 0;
  }
  process.stderr.write(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`lab: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
