# Neighbour resolution failures seen by ping (Destination Host Unreachable from the local address), FAILED entries, and disable_ipv6 removing IPv6 addresses
ip netns add a
ip link add veth0 type veth peer name eth0 netns a
ip link set veth0 up
ip -n a addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n a route add default via 10.0.0.1
ip netns exec a ping -c 1 -W 1 10.0.0.1
ip -n a neigh show
ip netns exec a ping -c 4 -i 1 -W 1 10.0.0.1
ip -n a neigh show
ip netns exec a ping -c 4 -W 1 192.0.2.10
ip netns exec a ping -c 2 -W 1 10.0.0.77
ip netns exec a ping -c 5 -i 0.5 10.0.0.1
ip netns exec a ping -w 4 10.0.0.1
ip -n a neigh show
ip -n a -s link show eth0 | sed -n '1,2p'
ip addr show lo
sysctl -w net.ipv6.conf.lo.disable_ipv6=1
ip addr show lo
ip -6 addr show
ping -c 1 -W 1 ::1
sysctl -w net.ipv6.conf.lo.disable_ipv6=0
ip addr show lo
ip -n a addr show eth0 | grep -c inet6
ip netns exec a sysctl -w net.ipv6.conf.eth0.disable_ipv6=1
ip -n a addr show eth0
ip netns exec a sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip -n a addr show
ip -n a -6 addr show
ip netns exec a sysctl net.ipv6.conf.lo.disable_ipv6 net.ipv6.conf.default.disable_ipv6
ip netns exec a sysctl -w net.ipv6.conf.all.disable_ipv6=0
ip -n a addr show lo
