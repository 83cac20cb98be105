# MTU on transmit between two namespaces: ping -s and -M do|want|dont against a device MTU, veth peers with different MTUs, drop counters
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip link add va netns a address 02:00:00:00:00:0a type veth peer name vb netns b address 02:00:00:00:00:0b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip -n a neigh add 10.0.0.2 lladdr 02:00:00:00:00:0b dev va nud permanent
ip -n b neigh add 10.0.0.1 lladdr 02:00:00:00:00:0a dev vb nud permanent
ip -n a link set va mtu 1400
ip -n b link set vb mtu 1400
ip -n a link show va
ip netns exec a ping -c 1 -W 1 10.0.0.2
ip netns exec a ping -c 1 -W 1 -s 1372 10.0.0.2
ip netns exec a ping -c 1 -W 1 -s 1373 10.0.0.2
ip netns exec a ping -c 1 -W 1 -M do -s 1373 10.0.0.2
ip netns exec a ping -c 2 -W 1 -M do -s 2000 10.0.0.2
ip netns exec a ping -c 1 -W 1 -M want -s 1373 10.0.0.2
ip netns exec a ping -c 1 -W 1 -M dont -s 1373 10.0.0.2
ip netns exec a ping -c 1 -W 1 -M dont -s 4000 10.0.0.2
ip netns exec a ping -c 1 -W 1 -s 65507 10.0.0.2
ip netns exec a ping -c 1 -W 1 -M dont -s 65507 10.0.0.2
ip netns exec a ping -c 1 -W 1 -s 65508 10.0.0.2
ip netns exec a ping -c 1 -W 1 -M do -q -s 1400 10.0.0.2
ip -n a route get 10.0.0.2
ip -n b link set vb mtu 1500
ip netns exec b ping -c 1 -W 1 -s 1472 10.0.0.1
ip netns exec b ping -c 1 -W 1 -s 1372 10.0.0.1
ip netns exec a ping -c 1 -W 1 -s 1472 10.0.0.2
ip -n a -s link show va
ip -n b -s link show vb
ip link set lo mtu 1200
ip link show lo
ping -c 1 -W 1 -s 1172 127.0.0.1
ping -c 1 -W 1 -s 1173 127.0.0.1
ping -c 1 -W 1 -M do -s 1173 127.0.0.1
ping -c 1 -W 1 -M dont -s 1173 127.0.0.1
ip -s link show lo
