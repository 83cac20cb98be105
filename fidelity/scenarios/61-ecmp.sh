# ECMP: multipath routes with weights in ip route, ip -d route, ip -j route; dead nexthops; errors
ip link add e1 type veth peer name e1p
ip link add e2 type veth peer name e2p
ip link set e1p up
ip link set e2p up
ip addr add 10.1.0.1/24 dev e1
ip addr add 10.2.0.1/24 dev e2
ip link set e1 up
ip link set e2 up
ip route add 198.51.100.0/24 nexthop via 10.1.0.2 weight 1 nexthop via 10.2.0.2 weight 3
ip route
ip -d route
ip -j route
ip -j -p route show 198.51.100.0/24
ip route show 198.51.100.0/24
ip route add 192.0.2.0/24 nexthop via 10.1.0.2 dev e1 nexthop via 10.2.0.2 dev e2
ip route add 203.0.113.0/24 metric 10 nexthop dev e1 nexthop dev e2 weight 2
ip route add 172.16.0.0/16 proto static src 10.1.0.1 nexthop via 10.1.0.2 nexthop via 10.2.0.2
ip route
ip route show table main 192.0.2.0/24
ip route add 192.0.2.0/24 nexthop via 10.1.0.2
ip route add 10.99.0.0/16 nexthop via 10.1.0.2 weight 0
ip route add 10.99.0.0/16 nexthop via 10.1.0.2 weight 257
ip route add 10.99.0.0/16 nexthop via 10.9.9.9
ip route add 10.99.0.0/16 nexthop dev nosuch
ip route add 10.99.0.0/16 nexthop via 10.1.0.2 weight abc
ip route add 10.99.0.0/16 nexthop
ip route
ip route replace 192.0.2.0/24 nexthop via 10.1.0.2 weight 2 nexthop via 10.2.0.2 weight 2
ip route show 192.0.2.0/24
ip route del 198.51.100.0/24
ip route
ip link set e2 down
ip route
ip route get 192.0.2.7
ip route get 172.16.1.1
ip link set e2 up
ip route
ip route flush 203.0.113.0/24
ip route del 172.16.0.0/16
ip route
ip route add 10.50.0.0/16 table 50 nexthop via 10.1.0.2 nexthop via 10.2.0.2
ip route show table 50
ip -j route show table 50
sysctl net.ipv4.fib_multipath_hash_policy
ip route flush table 50
ip route show table 50
