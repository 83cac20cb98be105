// The closed set of errno values the simulated kernel returns, with the text
// glibc's strerror() prints for each. User mistakes surface as KernelError;
// internal faults are ordinary JavaScript errors and are never shown as errno.

export const ERRNO = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  ESRCH: [3, 'No such process'],
  EINTR: [4, 'Interrupted system call'],
  EIO: [5, 'Input/output error'],
  ENXIO: [6, 'No such device or address'],
  EBADF: [9, 'Bad file descriptor'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  ENOMEM: [12, 'Cannot allocate memory'],
  EACCES: [13, 'Permission denied'],
  EBUSY: [16, 'Device or resource busy'],
  EEXIST: [17, 'File exists'],
  EXDEV: [18, 'Invalid cross-device link'],
  ENODEV: [19, 'No such device'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  ENOSPC: [28, 'No space left on device'],
  ERANGE: [34, 'Numerical result out of range'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENOTEMPTY: [39, 'Directory not empty'],
  ENODATA: [61, 'No data available'],
  EOPNOTSUPP: [95, 'Operation not supported'],
  EAFNOSUPPORT: [97, 'Address family not supported by protocol'],
  EADDRINUSE: [98, 'Address already in use'],
  EADDRNOTAVAIL: [99, 'Cannot assign requested address'],
  ENETDOWN: [100, 'Network is down'],
  ENETUNREACH: [101, 'Network is unreachable'],
  ECONNRESET: [104, 'Connection reset by peer'],
  ENOBUFS: [105, 'No buffer space available'],
  EISCONN: [106, 'Transport endpoint is already connected'],
  ENOTCONN: [107, 'Transport endpoint is not connected'],
  ETIMEDOUT: [110, 'Connection timed out'],
  ECONNREFUSED: [111, 'Connection refused'],
  EHOSTDOWN: [112, 'Host is down'],
  EHOSTUNREACH: [113, 'No route to host'],
  EALREADY: [114, 'Operation already in progress'],
  EINPROGRESS: [115, 'Operation now in progress'],
} as const;

/** Symbolic errno name, e.g. 'EEXIST'. */
export type Errno = keyof typeof ERRNO;

/** strerror(3) text of an errno. */
export function strerror(e: Errno): string {
  return ERRNO[e][1];
}

/** Numeric value of an errno (as the kernel's netlink ack carries it). */
export function errnoNumber(e: Errno): number {
  return ERRNO[e][0];
}

/**
 * A system call failed. `extack` is the netlink extended-ack message the
 * kernel attaches (iproute2 prints it as `Error: <extack>.`); without one,
 * iproute2 prints `RTNETLINK answers: <strerror>`.
 */
export class KernelError extends Error {
  readonly errno: Errno;
  readonly extack?: string;
  constructor(errno: Errno, extack?: string) {
    super(extack ?? strerror(errno));
    this.errno = errno;
    this.extack = extack;
  }
}

/** Throw a KernelError; for use in expressions. */
export function fail(errno: Errno, extack?: string): never {
  throw new KernelError(errno, extack);
}

/** True when `e` is a KernelError (optionally with the given errno). */
export function isKernelError(e: unknown, errno?: Errno): e is KernelError {
  return e instanceof KernelError && (errno === undefined || e.errno === errno);
}
