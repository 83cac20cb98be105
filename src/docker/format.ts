// Text formats of the Docker CLI (docker/cli v29.7.2, go-units): durations
// ("Up 5 seconds"), sizes ("13.3kB"), tabwriter tables (minwidth 10,
// padding 3 as cli/command/formatter uses), ellipsis and short ids.

/** go-units HumanDuration of `ms` milliseconds. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / 60000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

/** Go's `%.*g` for a positive float. */
function fmtG(v: number, prec: number): string {
  if (v === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(v)));
  if (exp < -4 || exp >= prec) {
    const s = v.toExponential(prec - 1).replace(/\.?0+e/, 'e');
    return s.replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(Number(v.toPrecision(prec)));
}

/** go-units HumanSizeWithPrecision (decimal units). */
export function humanSize(bytes: number, precision = 3): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  let s = bytes;
  while (s >= 1000 && i < units.length - 1) {
    s /= 1000;
    i++;
  }
  return fmtG(s, precision) + units[i];
}

/** cli formatter.Ellipsis: cut to `max` display columns ending in `…`. */
export function ellipsis(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  if (max <= 1) return chars.slice(0, max).join('');
  return chars.slice(0, max - 1).join('') + '…';
}

/** The 12-character short form of an id (sha256: prefix dropped). */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/**
 * text/tabwriter with minwidth 10, tabwidth 1, padding 3, padchar ' ': every
 * cell but the last of a line is padded to max(10, widest+3).
 */
export function tabwrite(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => {
    if (i < r.length - 1) widths[i] = Math.max(widths[i] ?? 0, Math.max(10, [...c].length + 3));
  });
  return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c + ' '.repeat(widths[i] - [...c].length) : c)).join('') + '\n').join('');
}

/** Go's time.Time.String() for a UTC instant in ms (as `docker ps --format {{.CreatedAt}}` prints). */
export function goTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 UTC`;
}

/** RFC 3339 with nanoseconds as the Engine API writes times in inspect output. */
export function rfc3339(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.(\d{3})Z$/, (_m, f: string) => `.${f}000000Z`);
}
