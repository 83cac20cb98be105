# Bridge port flags in the packet path: learning off keeps a port out of the FDB, flood off stops unknown unicast, hairpin/cost/priority; iif rules
sysctl -qw net.ipv6.conf.all.disable_ipv6=1
sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns add a
ip netns add b
ip netns add c
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns exec c sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip link add br0 type bridge
ip link add va type veth peer name eth0 netns a
ip link add vb type veth peer name eth0 netns b
ip link add vc type veth peer name eth0 netns c
ip link set va master br0
ip link set vb master br0
ip link set vc master br0
ip link set vb type bridge_slave learning off
bridge -d link show dev vb
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n c addr add 10.0.0.3/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n c link set eth0 up
ip link set va up
ip link set vb up
ip link set vc up
ip link set br0 up
ip netns exec a ping -c 1 -W 1 10.0.0.2 | tail -2 | head -1
bridge fdb show br br0 dynamic | grep -c 'dev va'
bridge fdb show br br0 dynamic | grep -c 'dev vb'
ip link set vb type bridge_slave learning on
ip netns exec a ping -c 1 -W 1 10.0.0.2 | tail -2 | head -1
bridge fdb show br br0 dynamic | grep -c 'dev vb'
ip netns exec a ping -c 1 -W 1 10.0.0.3 | tail -2 | head -1
bridge fdb show br br0 dynamic | grep -c 'dev vc'
bridge link set dev vc flood off
bridge -d link show dev vc
bridge fdb del $(ip -n c -br link show eth0 | awk '{print $3}') dev vc master
bridge fdb show br br0 dynamic | grep -c 'dev vc'
ip netns exec c iptables -A INPUT -p icmp
ip netns exec a ping -c 1 -W 1 10.0.0.3 | tail -2 | head -1
ip netns exec c iptables -L INPUT -v -n -x
bridge link set dev vc flood on
ip netns exec a ping -c 1 -W 1 10.0.0.3 | tail -2 | head -1
ip netns exec c iptables -L INPUT -v -n -x
ip link set va type bridge_slave hairpin on
bridge -d link show dev va | tail -1 | cut -d' ' -f5-6
ip link set va type bridge_slave hairpin off cost 100 priority 10
bridge link show dev va
ip link set va nomaster
ip link set va type bridge_slave cost 5
bridge link show
ip rule add iif br0 table 10
ip route add 192.0.2.0/24 dev br0 table 10
ip rule
ip route get 192.0.2.1 from 10.9.9.9 iif br0
ip route show table 10
