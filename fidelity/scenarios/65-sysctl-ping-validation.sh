# sysctl range checks and ping option validation (-t, -W, -M, -s, -I, -b)
sysctl -w net.ipv4.ip_default_ttl=0
sysctl -w net.ipv4.ip_default_ttl=256
sysctl -w net.ipv4.ip_default_ttl=255
sysctl net.ipv4.ip_default_ttl
echo 0 > /proc/sys/net/ipv4/ip_default_ttl
cat /proc/sys/net/ipv4/ip_default_ttl
sysctl -w net.ipv4.ip_default_ttl=abc
sysctl -w net.ipv4.ip_forward=abc
sysctl -w net.ipv4.ip_local_port_range="60000 50000"
sysctl -w net.ipv4.ip_local_port_range="1024 65535"
sysctl net.ipv4.ip_local_port_range
sysctl -w net.ipv4.icmp_echo_ignore_all=2
sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=5
sysctl -w net.ipv4.tcp_syn_retries=0
sysctl -w net.ipv4.tcp_syn_retries=200
sysctl -w net.nosuch.key=1
sysctl -w net.ipv4.conf.lo.forwarding=2
sysctl net.ipv4.conf.lo.forwarding
sysctl -w net.ipv4.ip_default_ttl=
ping -t 0 127.0.0.1
ping -t 256 127.0.0.1
ping -t abc 127.0.0.1
ping -c 1 -W abc 127.0.0.1 | head -2
ping -W -1 127.0.0.1
ping -M maybe 127.0.0.1
ping -M do -c 1 127.0.0.1 | head -1
ping -c 0 127.0.0.1
ping -c abc 127.0.0.1
ping -c 1 -s 70000 127.0.0.1
ping -s -1 127.0.0.1
ping -I nosuch -c 1 127.0.0.1
ping -I 10.9.9.9 -c 1 127.0.0.1
ping -c 1 -I 127.0.0.1 127.0.0.1 | head -2
ping -c 1 -t 1 127.0.0.1 | head -2
ping -c 1 -W 1 127.255.255.255
ping -c 1 -W 1 -b 127.255.255.255
ip link add v0 type veth peer name v1
ip addr add 10.5.0.1/24 dev v0
ip link set v0 up
ip link set v1 up
ping -c 1 -W 1 10.5.0.255
ping -c 1 -W 1 -b 10.5.0.255
ping -c 1 -W 1 -b 10.5.0.1 | head -1
sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=0
ping -c 1 -W 1 -b 10.5.0.255
ping -c 1 -W 1 -b 255.255.255.255
