# conntrack filters --src-nat/--dst-nat/--reply-src/--reply-dst on SNAT and DNAT flows
ip netns add c
ip netns add s
ip link add v0 type veth peer name v1 netns c
ip link add w0 type veth peer name w1 netns s
ip addr add 10.0.0.1/24 dev v0
ip addr add 203.0.113.1/24 dev w0
ip link set v0 up
ip link set w0 up
ip -n c addr add 10.0.0.2/24 dev v1
ip -n c link set v1 up
ip -n c route add default via 10.0.0.1
ip -n s addr add 203.0.113.2/24 dev w1
ip -n s link set w1 up
ip -n s addr add 203.0.113.3/24 dev w1
sysctl -qw net.ipv4.ip_forward=1
iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o w0 -j MASQUERADE
iptables -t nat -A PREROUTING -d 10.0.0.1 -p icmp -j DNAT --to-destination 203.0.113.3
ip netns exec c ping -c 1 -W 1 203.0.113.2 | tail -2 | head -1
ip netns exec c ping -c 1 -W 1 10.0.0.1 | tail -2 | head -1
ping -c 1 -W 1 203.0.113.2 | tail -2 | head -1
conntrack -L | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -L --src-nat | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -L --dst-nat | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -L -n | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -L -g | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -L --reply-src 203.0.113.2 | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -L --reply-src 203.0.113.3 | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -L --reply-dst 203.0.113.1 | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -L --reply-dst 10.0.0.2 | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -L --src-nat --dst-nat | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -L -p icmp --src-nat | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -L -s 10.0.0.2 --dst-nat | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -L --reply-src 1.2.3 | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -L --reply-dst
conntrack -L --src-nat 203.0.113.1 | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -L --dst-nat 203.0.113.3 | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -L --dst-nat 203.0.113.99 | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -C
conntrack -D --reply-src 203.0.113.3 | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
conntrack -L | sed -E 's/^icmp +1 [0-9]+ /icmp 1 /'
