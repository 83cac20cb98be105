import os, pty, sys, time, fcntl, termios, struct, select
def run(argv, keys, env_extra={}):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM='xterm', LANG='C.UTF-8'); env.update(env_extra)
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
    out = b''
    def drain(t=0.6):
        nonlocal out
        end = time.time()+t
        while time.time() < end:
            r,_,_ = select.select([fd],[],[],0.05)
            if r:
                try: out += os.read(fd, 65536)
                except OSError: return
    drain(1.0)
    for k in keys:
        out += b'\n<<<KEY %r>>>\n' % k
        os.write(fd, k); drain()
    try: os.kill(pid, 9)
    except: pass
    return out
if __name__ == '__main__':
    import ast
    argv = sys.argv[1].split()
    keys = [ast.literal_eval(k) for k in sys.argv[2:]]
    sys.stdout.write(repr(run(argv, keys)).replace('\\\\n<<<', '\n<<<'))
