# A VXLAN tunnel between two namespaces behind a router: ip -d link, the 50-byte overhead, tcpdump on the router decoding VXLAN (4789) and OTV (8472), learned fdb entries, PMTU learned through the tunnel
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns add r
ip netns exec r sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip link add va netns a type veth peer name ra netns r
ip link add rb netns r type veth peer name vb netns b
ip -n a addr add 192.168.1.10/24 dev va
ip -n r addr add 192.168.1.1/24 dev ra
ip -n r addr add 192.168.2.1/24 dev rb
ip -n b addr add 192.168.2.10/24 dev vb
ip -n a link set va up
ip -n r link set ra up
ip -n r link set rb up
ip -n b link set vb up
ip -n a route add default via 192.168.1.1
ip -n b route add default via 192.168.2.1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip -n a link add vx0 type vxlan id 42 remote 192.168.2.10 local 192.168.1.10 dev va dstport 4789 srcport 4789 4790
ip -n a -d link show vx0 | head -3 | sed -E 's@link/ether [0-9a-f:]+@link/ether MAC@; s/ numtxqueues.*//'
ip -n b link add vx0 type vxlan id 42 remote 192.168.1.10 local 192.168.2.10 dstport 4789 srcport 4789 4790
ip -n b link show vx0 | head -1
ip -n a link set vx0 address 02:00:00:00:00:0a
ip -n b link set vx0 address 02:00:00:00:00:0b
ip -n a link set vx0 mtu 1500
ip -n a link set vx0 mtu 1450
ip -n b link set vx0 mtu 1450
ip -n a addr add 10.200.0.1/24 dev vx0
ip -n b addr add 10.200.0.2/24 dev vx0
ip -n a link set vx0 up
ip -n b link set vx0 up
bridge -n a fdb show dev vx0
bridge -n b fdb show dev vx0
(ip netns exec r tcpdump -i rb -n -t -c 6 udp 2>/dev/null & sleep 1; ip netns exec a ping -c 1 -W 1 10.200.0.2 >/dev/null; wait) | awk '{gsub(/id [0-9]+,/, "id N,"); print}'
bridge -n b fdb show dev vx0
ip netns exec a ping -c 1 -W 1 -M do -s 1422 10.200.0.2 | head -2
ip netns exec a ping -c 1 -W 1 -M do -s 1423 10.200.0.2
(ip netns exec r tcpdump -i rb -n -t -e -c 2 udp 2>/dev/null & sleep 1; ip netns exec a ping -c 1 -W 1 10.200.0.2 >/dev/null; wait) | awk '{gsub(/id [0-9]+,/, "id N,"); sub(/^[0-9a-f:]+ > [0-9a-f:]+, ethertype IPv4 \(0x0800\), length [0-9]+: 192/, "MAC > MAC: 192"); print}'
ip -n a link add vx1 type vxlan id 7 remote 192.168.2.10 srcport 5000 5001
ip -n a -d link show vx1 | sed -n 3p | sed -E 's/ numtxqueues.*//'
ip -n b link add vx1 type vxlan id 7 remote 192.168.1.10 dstport 0 srcport 5000 5001
ip -n a link set vx1 address 02:00:00:00:01:0a
ip -n b link set vx1 address 02:00:00:00:01:0b
ip -n a addr add 10.201.0.1/24 dev vx1
ip -n b addr add 10.201.0.2/24 dev vx1
ip -n a link set vx1 up
ip -n b link set vx1 up
(ip netns exec r tcpdump -i ra -n -t -c 6 udp 2>/dev/null & sleep 1; ip netns exec a ping -c 1 -W 1 10.201.0.2 >/dev/null; wait) | awk '{gsub(/id [0-9]+,/, "id N,"); print}'
ip netns exec a ping -c 1 -W 1 -s 1472 10.201.0.2 | head -2
ip -n a route get 10.201.0.2 | sed -E 's/expires [0-9]+sec/expires Nsec/'
(ip netns exec r tcpdump -i ra -n -t -c 4 udp 2>/dev/null & sleep 1; ip netns exec a ping -c 1 -W 1 -s 1472 10.201.0.2 >/dev/null; wait) | awk '{gsub(/id [0-9]+,/, "id N,"); print}'
ip -n a link set vx0 down
ip netns exec b ping -c 1 -W 1 10.200.0.1 | tail -2 | head -1
ip -n a link del vx0
ip -n a -br link show type vxlan
