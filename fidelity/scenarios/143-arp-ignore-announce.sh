# arp_ignore (0, 1, 2, 8) and arp_announce (0, 1, 2): who answers ARP and which sender address a request carries
ip netns add h
ip netns add c
ip link add h0 netns h type veth peer name c0 netns c
ip -n h addr add 10.0.0.1/24 dev h0
ip -n h addr add 192.0.2.5/32 dev lo
ip -n h link set h0 up
ip -n h link set lo up
ip -n c addr add 10.0.0.2/24 dev c0
ip -n c addr add 10.0.0.3/24 dev c0
ip -n c link set c0 up
ip -n c route add 192.0.2.5/32 dev c0
ip netns exec c ping -c 1 -W 1 192.0.2.5 | head -2
ip -n c neigh flush dev c0
ip netns exec h sysctl -w net.ipv4.conf.h0.arp_ignore=1
ip -n h neigh flush dev h0
ip netns exec c ping -c 1 -W 1 192.0.2.5 | tail -2
ip -n c neigh show dev c0
ip netns exec c ping -c 1 -W 1 10.0.0.1 | tail -2
ip -n c neigh flush dev c0
ip netns exec h sysctl -w net.ipv4.conf.all.arp_ignore=2
ip netns exec h sysctl -w net.ipv4.conf.h0.arp_ignore=0
ip -n c route add 10.0.0.1/32 dev c0 src 10.0.0.3
ip netns exec c ping -c 1 -W 1 10.0.0.1 | tail -2
ip -n c neigh flush dev c0
ip -n h neigh flush dev h0
ip netns exec h sysctl -w net.ipv4.conf.all.arp_ignore=8
ip netns exec c ping -c 1 -W 1 10.0.0.1 | tail -2
ip netns exec h sysctl -w net.ipv4.conf.all.arp_ignore=0
ip -n c neigh flush dev c0
ip -n h neigh flush dev h0
(ip netns exec c timeout 3 tcpdump -l -n -i c0 arp 2>/dev/null > /tmp/arp0.txt &); sleep 1; ip netns exec h ping -c 1 -W 1 -I 192.0.2.5 10.0.0.2 > /dev/null; sleep 2.5; cut -d' ' -f2- /tmp/arp0.txt
ip -n h neigh flush dev h0
ip netns exec h sysctl -w net.ipv4.conf.h0.arp_announce=2
(ip netns exec c timeout 3 tcpdump -l -n -i c0 arp 2>/dev/null > /tmp/arp2.txt &); sleep 1; ip netns exec h ping -c 1 -W 1 -I 192.0.2.5 10.0.0.2 > /dev/null; sleep 2.5; cut -d' ' -f2- /tmp/arp2.txt
ip -n h neigh flush dev h0
ip netns exec h sysctl -w net.ipv4.conf.h0.arp_announce=1
(ip netns exec c timeout 3 tcpdump -l -n -i c0 arp 2>/dev/null > /tmp/arp1.txt &); sleep 1; ip netns exec h ping -c 1 -W 1 -I 192.0.2.5 10.0.0.2 > /dev/null; sleep 2.5; cut -d' ' -f2- /tmp/arp1.txt
ip netns exec h sysctl net.ipv4.conf.h0.arp_announce net.ipv4.conf.all.arp_ignore
ip netns exec h sysctl -w net.ipv4.conf.h0.arp_announce=3
ip netns exec h sysctl -w net.ipv4.conf.h0.arp_ignore=9
