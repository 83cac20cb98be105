# sysctl (procps-ng 4.0.2): reads, writes, -n/-N/-q/-e/-b, -p files, errors
sysctl
sysctl net.ipv4.ip_forward net.ipv4.ip_default_ttl
sysctl -n net.ipv4.ip_forward net.ipv4.ip_default_ttl
sysctl -N net.ipv4.ip_forward
sysctl -b net.ipv4.ip_default_ttl
sysctl -w net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=1 net.ipv4.ip_default_ttl=65
sysctl -q -w net.ipv4.ip_forward=0
sysctl net.ipv4.ip_forward
sysctl net.ipv4.ip_forward = 1
sysctl -w net.ipv4.ip_forward =1
sysctl net.ipv4.conf.lo.forwarding
sysctl net.ipv4.conf.lo | head -5
sysctl net.ipv4.ip_local_port_range
sysctl -w net.ipv4.ip_local_port_range="1024 65000"
sysctl net.ipv4.ip_local_port_range
sysctl -w kernel.ostype=foo
sysctl kernel.ostype
sysctl -p
printf 'net.ipv4.ip_forward = 1\n# comment\n; c2\n\nnet.ipv4.ip_default_ttl=70\nnosuch.key = 3\n-net.nosuch2 = 1\n' > /tmp/s.conf
sysctl -p /tmp/s.conf
sysctl -p/tmp/s.conf
sysctl -q -p /tmp/s.conf
sysctl -p /tmp/nosuch.conf
sysctl -x
sysctl -e nonexistent.key
sysctl -n nonexistent.key
sysctl ''
sysctl net.ipv4.ip_forward.
sysctl --version
sysctl -w net.ipv4.ip_default_ttl=banana
sysctl -w net.ipv4.ip_default_ttl=
sysctl net.ipv4.ip_default_ttl
sysctl -a 2>/dev/null | grep -c '^net.ipv4.conf.lo.'
sysctl -a -N 2>/dev/null | grep 'ip_forward'
sysctl -a -r 'ip_forward$'
sysctl -w net/ipv4/ip_forward=1
sysctl net/ipv4/conf/all/forwarding
ip link add v1 type veth peer name v1p
sysctl net.ipv4.conf.v1.forwarding
sysctl -w net.ipv4.conf.v1.rp_filter=2
cat /proc/sys/net/ipv4/conf/v1/rp_filter
sysctl kernel.hostname
sysctl -w kernel.hostname=newhost
hostname
