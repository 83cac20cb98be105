# Reverse path filtering on a router with two links to the same host: strict (1) and loose (2) modes, the max of all and per-device values, drops counted by a rule on the far side, and proxy_arp answering for a routed network
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns add r
ip netns exec r sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip link add va netns a type veth peer name ra netns r
ip link add va2 netns a type veth peer name ra2 netns r
ip link add rb netns r type veth peer name vb netns b
ip -n a addr add 10.0.1.1/24 dev va
ip -n a addr add 10.0.3.1/24 dev va2
ip -n a addr add 10.9.9.1/32 dev va
ip -n r addr add 10.0.1.254/24 dev ra
ip -n r addr add 10.0.3.254/24 dev ra2
ip -n r addr add 10.0.2.254/24 dev rb
ip -n b addr add 10.0.2.1/24 dev vb
ip -n a link set va up
ip -n a link set va2 up
ip -n r link set ra up
ip -n r link set ra2 up
ip -n r link set rb up
ip -n b link set vb up
ip -n b route add default via 10.0.2.254
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec b iptables -A INPUT -p icmp --icmp-type echo-request
ip -n a route add 10.0.2.0/24 via 10.0.1.254 src 10.0.3.1
ip netns exec r sysctl net.ipv4.conf.all.rp_filter net.ipv4.conf.ra.rp_filter net.ipv4.conf.default.rp_filter
ip netns exec a ping -c 1 -W 1 10.0.2.1
ip netns exec r sysctl -w net.ipv4.conf.ra.rp_filter=1
ip netns exec a ping -c 1 -W 1 10.0.2.1
ip netns exec b iptables -L INPUT -v -n -x
ip netns exec r sysctl -w net.ipv4.conf.ra.rp_filter=2
ip netns exec a ping -c 1 -W 1 10.0.2.1
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=1
ip netns exec a ping -c 1 -W 1 10.0.2.1
ip netns exec r sysctl -w net.ipv4.conf.ra.rp_filter=0
ip netns exec a ping -c 1 -W 1 10.0.2.1
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=2 net.ipv4.conf.ra.rp_filter=1
ip netns exec a ping -c 1 -W 1 10.0.2.1
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=0
ip netns exec a ping -c 1 -W 1 10.0.2.1
ip netns exec b iptables -L INPUT -v -n -x
ip -n a route change 10.0.2.0/24 via 10.0.1.254 src 10.9.9.1
ip -n r route add 10.9.9.0/24 via 10.0.3.1
ip netns exec a ping -c 1 -W 1 10.0.2.1
ip netns exec r sysctl -w net.ipv4.conf.ra.rp_filter=2
ip netns exec a ping -c 1 -W 1 10.0.2.1
ip -n r route del 10.9.9.0/24
ip netns exec a ping -c 1 -W 1 10.0.2.1
ip netns exec b iptables -L INPUT -v -n -x
ip netns exec r sysctl -w net.ipv4.conf.ra.rp_filter=0
ip netns exec a ping -c 1 -W 1 10.0.2.1
ip netns exec b iptables -L INPUT -v -n -x
ip -n a route change 10.0.2.0/24 via 10.0.1.254
ip netns exec r sysctl -w net.ipv4.conf.ra.rp_filter=1
ip netns exec a ping -c 1 -W 1 10.0.2.1
ip netns exec r sysctl -w net.ipv4.conf.ra.rp_filter=3
ip netns exec r sysctl net.ipv4.conf.ra.rp_filter
ip netns exec r sysctl -w net.ipv4.conf.ra.rp_filter=0
ip -n r -s link show ra | awk 'NR==4 || NR==6 {print $3, $4}'
ip -n a addr del 10.0.1.1/24 dev va
ip -n a addr add 10.0.1.1/16 dev va
ip -n a route del 10.0.2.0/24
ip netns exec a ping -c 1 -W 1 10.0.2.1
ip -n a neigh show 10.0.2.1
ip netns exec r sysctl -w net.ipv4.conf.ra.proxy_arp=1
ip netns exec a ping -c 1 -W 2 10.0.2.1
ip -n a neigh show 10.0.2.1 | sed -E 's/lladdr [0-9a-f:]+/lladdr X/'
ip netns exec a ping -c 1 -W 2 10.0.1.254
ip netns exec a ping -c 1 -W 2 10.0.3.7
ip -n a neigh show 10.0.3.7
ip netns exec r sysctl -w net.ipv4.ip_forward=0
ip netns exec a ping -c 1 -W 2 10.0.2.7
ip -n a neigh show 10.0.2.7
ip netns exec r sysctl net.ipv4.conf.ra.proxy_arp net.ipv4.conf.all.proxy_arp
