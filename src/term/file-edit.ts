// Saving a file from the editor pane as a shell command line: the save is an
// entry of the session like anything typed (so reload, undo, live checks and
// grading replay it), and the learner sees what it did.
//
//   shellWriteLine('/etc/cni/net.d/10-bridge.conf', '{\n  "a": 1\n}\n')
//     → printf '{\n  "a": 1\n}\n' > /etc/cni/net.d/10-bridge.conf

/** Quote a word for the shell (single quotes; a quote becomes '\''). */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** One command line that makes `path` hold exactly `data` (printf's format: \\ \n \t and %% escaped). */
export function shellWriteLine(path: string, data: string): string {
  const fmt = data.replace(/\\/g, '\\\\').replace(/%/g, '%%').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  return `printf ${shellQuote(fmt)} > ${shellQuote(path)}`;
}
