# A VXLAN overlay with a 1500-byte tunnel MTU on a 1500-byte path: pods behind two nodes, a router that drops IP fragments (-f), small pings pass and large ones die; fixing the tunnel MTU brings Frag needed back to the pod
ip netns add pa
ip netns exec pa sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns add n1
ip netns exec n1 sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns add r
ip netns exec r sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns add n2
ip netns exec n2 sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns add pb
ip netns exec pb sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip link add eth0 netns pa type veth peer name vpa netns n1
ip link add eth0 netns pb type veth peer name vpb netns n2
ip link add eth0 netns n1 type veth peer name r1 netns r
ip link add eth0 netns n2 type veth peer name r2 netns r
ip -n pa addr add 10.244.1.10/24 dev eth0
ip -n n1 addr add 10.244.1.1/24 dev vpa
ip -n pb addr add 10.244.2.10/24 dev eth0
ip -n n2 addr add 10.244.2.1/24 dev vpb
ip -n n1 addr add 192.168.10.11/24 dev eth0
ip -n r addr add 192.168.10.1/24 dev r1
ip -n n2 addr add 192.168.20.12/24 dev eth0
ip -n r addr add 192.168.20.1/24 dev r2
ip -n pa link set eth0 up
ip -n pb link set eth0 up
ip -n n1 link set vpa up
ip -n n2 link set vpb up
ip -n n1 link set eth0 up
ip -n n2 link set eth0 up
ip -n r link set r1 up
ip -n r link set r2 up
ip -n pa route add default via 10.244.1.1
ip -n pb route add default via 10.244.2.1
ip -n n1 route add default via 192.168.10.1
ip -n n2 route add default via 192.168.20.1
ip netns exec n1 sysctl -qw net.ipv4.ip_forward=1
ip netns exec n2 sysctl -qw net.ipv4.ip_forward=1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip -n n1 link add vx0 type vxlan id 5 remote 192.168.20.12 local 192.168.10.11 dstport 4789
ip -n n2 link add vx0 type vxlan id 5 remote 192.168.10.11 local 192.168.20.12 dstport 4789
ip -n n1 addr add 172.31.0.1/24 dev vx0
ip -n n2 addr add 172.31.0.2/24 dev vx0
ip -n n1 link set vx0 up
ip -n n2 link set vx0 up
ip -n n1 route add 10.244.2.0/24 via 172.31.0.2
ip -n n2 route add 10.244.1.0/24 via 172.31.0.1
ip netns exec r iptables -A FORWARD -f -j DROP
ip netns exec pa ping -c 1 -W 1 10.244.2.10 | tail -2 | head -1
ip netns exec pa ping -c 1 -W 1 -s 1000 10.244.2.10 | tail -2 | head -1
ip netns exec pa ping -c 1 -W 1 -s 1472 10.244.2.10 | tail -2 | head -1
ip netns exec r iptables -L FORWARD -v -n -x
ip -n n1 route get 10.244.2.10 | sed -E 's/expires [0-9]+sec/expires Nsec/'
ip netns exec pa ping -c 1 -W 1 -s 1472 10.244.2.10 | tail -2 | head -1
ip netns exec pa ping -c 1 -W 1 -M do -s 1450 10.244.2.10 | tail -2 | head -1
ip -n n1 link set vx0 mtu 1450
ip -n n2 link set vx0 mtu 1450
ip -n n1 route flush cache
ip netns exec pa ping -c 1 -W 1 -M do -s 1450 10.244.2.10
ip netns exec pa ping -c 1 -W 1 -M do -s 1422 10.244.2.10 | tail -2 | head -1
ip netns exec pa ping -c 1 -W 1 -s 1472 10.244.2.10 | tail -2 | head -1
ip -n pa route get 10.244.2.10 | sed -E 's/expires [0-9]+sec/expires Nsec/'
ip netns exec r iptables -L FORWARD -v -n -x
ip -n pa link set eth0 mtu 1450
ip -n n1 link set vpa mtu 1450
ip netns exec pa ping -c 1 -W 1 -M do -s 1423 10.244.2.10
