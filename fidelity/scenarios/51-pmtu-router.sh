# Path MTU through a router with a smaller next-hop MTU: Frag needed and DF set, the learned PMTU in the route cache, flushing it, fragmentation with DF clear, mtu lock routes
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns add r
ip netns exec r sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip link add va netns a type veth peer name ra netns r
ip link add rb netns r type veth peer name vb netns b
ip -n a addr add 10.0.1.1/24 dev va
ip -n r addr add 10.0.1.254/24 dev ra
ip -n r addr add 10.0.2.254/24 dev rb
ip -n b addr add 10.0.2.1/24 dev vb
ip -n a link set va up
ip -n r link set ra up
ip -n r link set rb up
ip -n b link set vb up
ip -n a route add default via 10.0.1.254
ip -n b route add default via 10.0.2.254
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip -n r link set rb mtu 1400
ip -n b link set vb mtu 1400
ip netns exec a ping -c 1 -W 1 10.0.2.1
ip -n a route get 10.0.2.1
ip netns exec a ping -c 1 -W 1 -s 1372 10.0.2.1
ip netns exec a ping -c 2 -W 1 -s 1373 10.0.2.1
ip -n a route get 10.0.2.1 | sed -E 's/expires [0-9]+sec/expires Nsec/'
ip -n a route show cache | sed -E 's/expires [0-9]+sec/expires Nsec/'
ip netns exec a ping -c 1 -W 1 -s 1373 10.0.2.1
ip netns exec a ping -c 1 -W 1 -M do -s 1373 10.0.2.1
ip netns exec a ping -c 1 -W 1 -M dont -s 1373 10.0.2.1
ip netns exec a ping -c 1 -W 1 -M want -s 1373 10.0.2.1
ip netns exec a ping -c 1 -W 1 -M dont -s 3000 10.0.2.1
ip netns exec a ping -c 1 -W 1 -s 1372 10.0.2.1
ip -n a route flush cache
ip -n a route get 10.0.2.1
ip netns exec a ping -c 1 -W 1 -M dont -s 1373 10.0.2.1
ip -n a route get 10.0.2.1
ip netns exec a ping -c 1 -W 1 -M want -s 1373 10.0.2.1
ip -n a route get 10.0.2.1 | sed -E 's/expires [0-9]+sec/expires Nsec/'
ip -n a route flush cache
ip -n r route get 10.0.2.1
ip -n r -s link show rb
ip -n a route add 10.0.2.0/24 via 10.0.1.254 mtu lock 1300
ip -n a route show
ip -n a route get 10.0.2.1
ip netns exec a ping -c 1 -W 1 -s 1272 10.0.2.1
ip netns exec a ping -c 1 -W 1 -M do -s 1273 10.0.2.1
ip netns exec a ping -c 1 -W 1 -s 1273 10.0.2.1
ip -n a route del 10.0.2.0/24
ip -n a route add 10.0.2.0/24 via 10.0.1.254 mtu 1450
ip -n a route show
ip -n a route get 10.0.2.1
ip netns exec a ping -c 1 -W 1 -M do -s 1423 10.0.2.1
ip netns exec a ping -c 1 -W 1 -M do -s 1422 10.0.2.1
ip -n a route get 10.0.2.1 | sed -E 's/expires [0-9]+sec/expires Nsec/'
