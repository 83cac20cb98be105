#!/bin/bash
# Record the real tools' behaviour for golden/NAME.txt into golden/NAME.json:
# each non-comment line runs as `bash -c LINE` in a scratch directory (LANG=C),
# as the simulated host's runScript does in /tmp. Run on Debian 12.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
for f in "${@:-$here/golden/*.txt}"; do
  out="${f%.txt}.json"
  dir=$(mktemp -d)
  node -e '
    const fs = require("fs"), cp = require("child_process");
    const lines = fs.readFileSync(process.argv[1], "utf8").split("\n").filter((l) => !/^\s*(#|$)/.test(l));
    const steps = lines.map((cmd) => {
      const r = cp.spawnSync("bash", ["-c", cmd], { cwd: process.argv[2], encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HOME: "/root", LANG: "C", LC_ALL: "C", TERM: "dumb" } });
      return { cmd, stdout: r.stdout, stderr: r.stderr, exit: r.status };
    });
    fs.writeFileSync(process.argv[3], JSON.stringify({ steps }, null, 1) + "\n");
  ' "$f" "$dir" "$out"
  rm -rf "$dir"
  echo "recorded $out"
done
