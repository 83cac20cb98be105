// The engine's local image store. The course runs without a registry, so the
// store starts with a few images (hello-world, busybox, alpine, nginx and a
// small Python web app); `docker build` adds more. Image ids and sizes are
// the simulator's own values (no real layers exist); the image configs
// (Cmd, Entrypoint, ExposedPorts, WorkingDir, Env) follow the real images.

/** An image's runtime config (the OCI/Docker image config fields we use). */
export interface ImageConfig {
  Cmd: string[] | null;
  Entrypoint: string[] | null;
  Env: string[];
  ExposedPorts: string[];
  WorkingDir: string;
  Labels?: Record<string, string>;
  StopSignal?: string;
}

/** One image in the local store. */
export interface Image {
  /** `sha256:` + 64 hex. */
  id: string;
  /** Repository:tag names (familiar form, e.g. `nginx:latest`). */
  tags: string[];
  /** Creation time (ms since the Unix epoch). */
  created: number;
  /** Unpacked size in bytes (Disk usage). */
  size: number;
  /** Compressed content size in bytes. */
  contentSize: number;
  config: ImageConfig;
  /** Files the image adds (path -> content), from COPY in a Dockerfile. */
  files: Map<string, string>;
  /**
   * Programs the image's root file system has: name -> the registered
   * program that implements it (busybox's applets have their own `ping`,
   * `wget`…). Undefined = every registered program (an image built on the
   * host's userland).
   */
  programs?: Map<string, string>;
  /** Build history lines (`docker history`-like, for inspect). */
  parent?: string;
}

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The text of hello-world's /hello (as the real image prints it). */
export const HELLO_TEXT =
  '\nHello from Docker!\n' +
  'This message shows that your installation appears to be working correctly.\n\n' +
  'To generate this message, Docker took the following steps:\n' +
  ' 1. The Docker client contacted the Docker daemon.\n' +
  ' 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.\n' +
  '    (amd64)\n' +
  ' 3. The Docker daemon created a new container from that image which runs the\n' +
  '    executable that produces the output you are currently reading.\n' +
  ' 4. The Docker daemon streamed that output to the Docker client, which sent it\n' +
  '    to your terminal.\n\n' +
  'To try something more ambitious, you can run an Ubuntu container with:\n' +
  ' $ docker run -it ubuntu bash\n\n' +
  'Share images, automate workflows, and more with a free Docker ID:\n' +
  ' https://hub.docker.com/\n\n' +
  'For more examples and ideas, visit:\n' +
  ' https://docs.docker.com/get-started/\n\n';

/** The page the Python web app image serves from its working directory /app. */
export const PYWEB_INDEX = '<!DOCTYPE html>\n<html><body><h1>Hello from pyweb</h1><p>Served by python3 -m http.server in a container.</p></body></html>\n';

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 15, 9, 0, 0);

// ── What each image's root file system holds — the ONE place that says so ──
//
// busybox (and alpine, whose userland is busybox): BusyBox's applets that
// this simulation implements. The names are those of `busybox --list`
// (recorded from Debian's busybox 1.35.0-4+deb12u1 on the recording host;
// the official image is built from busybox's defconfig, which has them
// too). `ping`, `wget`, `nslookup`, `ip`, `ifconfig`, `route` and `netstat` are busybox's own implementations
// (src/userland/docker/busybox.ts, formats from busybox 1_36_1
// networking/ping.c, nslookup.c and recordings); the other applets run the host
// programs of the same name (their options and output can differ from
// BusyBox's in details). No iptables, ss, curl, tcpdump, dig: BusyBox has none.
const BUSYBOX_APPLETS = [
  'arp', 'awk', 'basename', 'brctl', 'cat', 'clear', 'cp', 'cut', 'date', 'dirname', 'echo', 'env', 'false', 'grep', 'head',
  'hostname', 'ifconfig', 'ip', 'kill', 'ln', 'ls', 'mkdir', 'mount', 'mv', 'nc', 'netstat', 'nl', 'nsenter', 'nslookup', 'printf',
  'ps', 'pwd', 'readlink', 'realpath', 'rm', 'rmdir', 'route', 'sed', 'seq', 'sh', 'sleep', 'sort', 'stat', 'sysctl', 'tac', 'tail',
  'tee', 'test', 'timeout', 'touch', 'tr', 'true', 'umount', 'uniq', 'unshare', 'wc', 'which', 'xargs',
];
// The rest of `busybox --list` (same recording): applets busybox has and this
// simulation does not implement. They exist in the image (so no "executable
// file not found"), and say they are not simulated when run.
const BUSYBOX_UNSIMULATED = [
  'acpid', 'adjtimex', 'ar', 'arch', 'arping', 'ascii', 'ash', 'base64', 'bc', 'blkdiscard', 'blkid', 'blockdev', 'bunzip2',
  'bzcat', 'bzip2', 'cal', 'chgrp', 'chmod', 'chown', 'chroot', 'chvt', 'cmp', 'cpio', 'crc32', 'cttyhack', 'dc', 'dd',
  'deallocvt', 'depmod', 'devmem', 'df', 'diff', 'dmesg', 'dnsdomainname', 'dos2unix', 'du', 'dumpkmap', 'dumpleases', 'egrep',
  'expand', 'expr', 'factor', 'fallocate', 'fatattr', 'fdisk', 'fgrep', 'find', 'findfs', 'fold', 'free', 'freeramdisk',
  'fsfreeze', 'fstrim', 'ftpget', 'ftpput', 'getopt', 'getty', 'groups', 'gunzip', 'gzip', 'halt', 'hexdump', 'hostid', 'httpd',
  'hwclock', 'i2cdetect', 'i2cdump', 'i2cget', 'i2cset', 'i2ctransfer', 'id', 'ifdown', 'ifup', 'init', 'insmod', 'ionice',
  'ipcalc', 'ipneigh', 'killall', 'klogd', 'last', 'less', 'link', 'linux32', 'linux64', 'linuxrc', 'loadfont', 'loadkmap',
  'logger', 'login', 'logname', 'logread', 'losetup', 'lsmod', 'lsscsi', 'lzcat', 'lzma', 'lzop', 'md5sum', 'mdev', 'microcom',
  'mim', 'mkdosfs', 'mke2fs', 'mkfifo', 'mknod', 'mkpasswd', 'mkswap', 'mktemp', 'modinfo', 'modprobe', 'more', 'mt', 'nameif',
  'nologin', 'nproc', 'nuke', 'od', 'openvt', 'partprobe', 'paste', 'patch', 'pidof', 'ping6', 'pivot_root', 'poweroff', 'rdate',
  'reboot', 'renice', 'reset', 'resume', 'rev', 'rmmod', 'rpm', 'rpm2cpio', 'run-init', 'run-parts', 'setkeycodes', 'setpriv',
  'setsid', 'sha1sum', 'sha256sum', 'sha3sum', 'sha512sum', 'shred', 'shuf', 'ssl_client', 'start-stop-daemon', 'strings',
  'stty', 'svc', 'svok', 'swapoff', 'swapon', 'switch_root', 'sync', 'syslogd', 'tar', 'taskset', 'telnet', 'tftp', 'time',
  'top', 'traceroute', 'traceroute6', 'truncate', 'ts', 'tty', 'ubirename', 'udhcpc', 'udhcpd', 'uevent', 'uname', 'uncompress',
  'unexpand', 'unix2dos', 'unlink', 'unlzma', 'unxz', 'unzip', 'uptime', 'usleep', 'uudecode', 'uuencode', 'vconfig', 'vi', 'w',
  'watch', 'watchdog', 'who', 'whoami', 'xxd', 'xz', 'xzcat', 'yes', 'zcat',
];
const BUSYBOX: Record<string, string> = {
  ...Object.fromEntries(BUSYBOX_UNSIMULATED.map((a) => [a, 'busybox-unsimulated'])),
  ...Object.fromEntries(BUSYBOX_APPLETS.map((a) => [a, a])),
  ping: 'busybox-ping',
  wget: 'busybox-wget',
  nslookup: 'busybox-nslookup',
  ip: 'busybox-ip',
  ifconfig: 'busybox-ifconfig',
  route: 'busybox-route',
  netstat: 'busybox-netstat',
  ash: 'sh',
  busybox: 'busybox',
};

// Debian bookworm's base system (nginx and the Python image are built on it):
// coreutils, bash, dash as sh, grep, sed, mawk, hostname, getent (libc-bin),
// no iproute2, iputils, procps, curl or iptables.
const DEBIAN_BASE = [
  'bash', 'sh', 'cat', 'ls', 'cp', 'mv', 'rm', 'mkdir', 'rmdir', 'ln', 'touch', 'echo', 'printf', 'env', 'true', 'false', 'test',
  'head', 'tail', 'cut', 'sort', 'uniq', 'wc', 'tr', 'tee', 'seq', 'sleep', 'date', 'basename', 'dirname', 'readlink', 'realpath',
  'stat', 'pwd', 'nl', 'tac', 'timeout', 'xargs', 'grep', 'sed', 'awk', 'hostname', 'getent', 'kill', 'mount', 'umount', 'which',
];

/** The program table of an image's root file system. */
function programTable(names: string[] | Record<string, string>): Map<string, string> {
  return new Map(Array.isArray(names) ? names.map((n) => [n, n]) : Object.entries(names));
}

function img(id: string, tags: string[], ageDays: number, size: number, contentSize: number, config: Partial<ImageConfig>, programs?: string[] | Record<string, string>): Image {
  return {
    id: `sha256:${id}`,
    tags,
    created: BASE - ageDays * DAY,
    size,
    contentSize,
    config: { Cmd: null, Entrypoint: null, Env: [PATH_ENV], ExposedPorts: [], WorkingDir: '', ...config },
    files: new Map(),
    programs: programs ? programTable(programs) : undefined,
  };
}

/** The images a fresh engine has (pulled before the course started). */
export function builtinImages(): Image[] {
  return [
    img('1b44b5a3e06a9aae883e7bf25e45c100be0bb81a0e01b32de604f3ac44711634', ['hello-world:latest'], 200, 20_300, 3_960, { Cmd: ['/hello'] }, ['hello']),
    img('08ef35a1c3f050afbbd64194ffd1b8d5878659f5491567f26d1c814513ae9649', ['busybox:latest'], 90, 6_300_000, 2_220_000, { Cmd: ['sh'] }, BUSYBOX),
    img('9234e8fb04c47cfe0f49931e4ac7eb76fa904e33b7f8576aec0501c085f02516', ['alpine:latest'], 60, 12_800_000, 3_640_000, { Cmd: ['/bin/sh'] }, BUSYBOX),
    img(
      '553f64aecdc31b5bf944521731cd70e35da4faed96b2b7548a3d8e2598c52a42',
      ['nginx:latest'],
      30,
      279_000_000,
      72_200_000,
      {
        Entrypoint: ['/docker-entrypoint.sh'],
        Cmd: ['nginx', '-g', 'daemon off;'],
        Env: [PATH_ENV, 'NGINX_VERSION=1.29.1', 'NJS_VERSION=0.9.1', 'PKG_RELEASE=1~bookworm'],
        ExposedPorts: ['80/tcp'],
        StopSignal: 'SIGQUIT',
      },
      // nginx/docker-nginx mainline/debian/Dockerfile keeps curl (and gettext-base's envsubst)
      [...DEBIAN_BASE, 'nginx', 'docker-entrypoint.sh', 'curl'],
    ),
    img(
      'c7d0f1e2a3b4958677a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0',
      ['pyweb:latest'],
      10,
      155_000_000,
      47_100_000,
      { Cmd: ['python3', '-m', 'http.server', '8000'], WorkingDir: '/app', ExposedPorts: ['8000/tcp'], Env: [PATH_ENV, 'LANG=C.UTF-8', 'PYTHON_VERSION=3.12.11'] },
      [...DEBIAN_BASE, 'python3'],
    ),
  ].map((i) => {
    if (i.tags[0] === 'pyweb:latest') i.files.set('/app/index.html', PYWEB_INDEX);
    return i;
  });
}

/** Split a reference into (repository, tag), adding `latest`; digests are kept as the tag part. */
export function parseRef(ref: string): { repo: string; tag: string } {
  let r = ref.replace(/^docker\.io\//, '').replace(/^library\//, '');
  const at = r.indexOf('@');
  if (at >= 0) return { repo: r.slice(0, at), tag: r.slice(at) };
  const slash = r.lastIndexOf('/');
  const colon = r.lastIndexOf(':');
  if (colon > slash) return { repo: r.slice(0, colon), tag: r.slice(colon + 1) };
  r = r.trim();
  return { repo: r, tag: 'latest' };
}

/** `repo:tag` of a reference. */
export function familiar(ref: string): string {
  const { repo, tag } = parseRef(ref);
  return tag.startsWith('@') ? repo + tag : `${repo}:${tag}`;
}

/** Is `ref` a valid reference (lower-case repository components)? */
export function validRef(ref: string): boolean {
  return /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?$/.test(ref.replace(/^docker\.io\//, ''));
}

/** The local image store. */
export class ImageStore {
  readonly images: Image[] = builtinImages();

  /** Find an image by name[:tag], full id, or id prefix. */
  get(ref: string): Image | undefined {
    const fam = familiar(ref);
    const byTag = this.images.find((i) => i.tags.includes(fam));
    if (byTag) return byTag;
    const hex = ref.replace(/^sha256:/, '');
    if (/^[0-9a-f]{4,64}$/.test(hex)) return this.images.find((i) => i.id.slice(7).startsWith(hex));
    return undefined;
  }

  /** Add an image, moving `tags` away from older images (which keep an empty tag list). */
  add(image: Image): void {
    for (const t of image.tags) for (const o of this.images) o.tags = o.tags.filter((x) => x !== t);
    const same = this.images.find((i) => i.id === image.id);
    if (same) same.tags.push(...image.tags);
    else this.images.push(image);
  }

  /** Remove an image. */
  remove(image: Image): void {
    const i = this.images.indexOf(image);
    if (i >= 0) this.images.splice(i, 1);
  }
}
