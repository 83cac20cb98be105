# sysctl --system reads /etc/sysctl.d, /run/sysctl.d, /usr/local/lib/sysctl.d, /usr/lib/sysctl.d (*.conf, by file name; the first directory wins a name), then /etc/sysctl.conf; sysctl -p loads one file
mount -t tmpfs none /etc/sysctl.d && mount -t tmpfs none /usr/lib/sysctl.d && printf '# comments only\n' > /tmp/sysctl.conf && mount --bind /tmp/sysctl.conf /etc/sysctl.conf
test ! -e /usr/lib/sysctl.d/50-pid-max.conf && sysctl --system
printf 'net.ipv4.ip_forward = 1\n' > /etc/sysctl.d/90-router.conf
printf 'net.ipv4.ip_default_ttl = 70\n' > /usr/lib/sysctl.d/50-ttl.conf
printf 'net.ipv4.ip_default_ttl = 80\nnet.ipv4.ip_forward = 0\n' > /usr/lib/sysctl.d/90-router.conf
ln -s ../sysctl.conf /etc/sysctl.d/99-sysctl.conf
printf 'net.ipv4.ip_forward = 0\n' > /etc/sysctl.d/router.conf.disabled
test ! -e /usr/lib/sysctl.d/50-pid-max.conf && sysctl --system
sysctl net.ipv4.ip_forward net.ipv4.ip_default_ttl
printf 'net.ipv4.ip_default_ttl = 90\n' > /etc/sysctl.conf
test ! -e /usr/lib/sysctl.d/50-pid-max.conf && sysctl --system
sysctl net.ipv4.ip_default_ttl
sysctl -w net.ipv4.ip_default_ttl=64 && sysctl -p
sysctl -w net.ipv4.ip_forward=0 && sysctl -p /etc/sysctl.d/90-router.conf
test ! -e /usr/lib/sysctl.d/50-pid-max.conf && sysctl -q --system; echo "exit $?"
printf 'nosuch.key = 1\n' > /etc/sysctl.d/95-bad.conf
test ! -e /usr/lib/sysctl.d/50-pid-max.conf && sysctl --system; echo "exit $?"
