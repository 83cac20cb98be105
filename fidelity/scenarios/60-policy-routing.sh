# Policy routing: rule selectors, source selection by rule, fwmark from iptables MARK, rule del/flush
ip netns add r
ip link add a0 type veth peer name a1 netns r
ip link add b0 type veth peer name b1 netns r
ip addr add 10.1.0.1/24 dev a0
ip addr add 10.2.0.1/24 dev b0
ip link set a0 up
ip link set b0 up
ip -n r addr add 10.1.0.2/24 dev a1
ip -n r addr add 10.2.0.2/24 dev b1
ip -n r link set a1 up
ip -n r link set b1 up
ip -n r link set lo up
ip -n r addr add 203.0.113.1/32 dev lo
ip route add default via 10.1.0.2
ip route add default via 10.2.0.2 table 100
ip route add 198.51.100.0/24 via 10.2.0.2 table 200
ip rule add from 10.2.0.1 table 100
ip rule add to 192.0.2.0/24 table 100 priority 500
ip rule add fwmark 0x7 table 100 pref 600
ip rule add oif b0 lookup 200 priority 700
ip rule add iif a0 table 200 pref 800
ip rule add from 10.9.0.0/16 to 10.8.0.0/16 fwmark 0x10/0xff lookup 100 pref 900
ip rule
ip rule show
ip -j rule
ip rule list table 100
ip route get 203.0.113.1
ip route get 203.0.113.1 from 10.2.0.1
ip route get 192.0.2.9
ip route get 203.0.113.1 mark 7
ip route get 198.51.100.1
ip route get 198.51.100.1 oif b0
ip netns exec r iptables -A INPUT -i a1 -p icmp --icmp-type echo-request
ip netns exec r iptables -A INPUT -i b1 -p icmp --icmp-type echo-request
ping -c 1 -W 1 203.0.113.1
ping -c 1 -W 1 -I 10.2.0.1 203.0.113.1
ping -c 1 -W 1 192.0.2.1 | head -1
ip netns exec r iptables -L INPUT -v -n -x
iptables -t mangle -A OUTPUT -d 203.0.113.1 -p icmp -j MARK --set-mark 7
ping -c 2 -i 0.2 -W 1 203.0.113.1
ip netns exec r iptables -L INPUT -v -n -x
iptables -t mangle -F
ip rule del pref 600
ip rule del from 10.2.0.1
ip rule del table 200
ip rule
ip rule del pref 12345
ip rule add fwmark abc table 100
ip rule add pref -1 table 100
ip rule add table 100 nosuchthing
ip rule add from 10.0.0.0/33 table 100
ip rule add table nosuch
ip rule add
ip rule add table 100
ip rule
ip rule del pref 32767
ip rule
ip rule flush
ip rule
ping -c 1 -W 1 203.0.113.1
ip route get 10.1.0.2
ip route get 127.0.0.1
ping -c 1 -W 1 127.0.0.1
ip rule add from all lookup main pref 32766
ip rule add from all lookup default pref 32767
ip rule
ping -c 1 -W 1 203.0.113.1
ip rule del pref 0
ip rule
ip route get 10.1.0.1
ip rule add pref 0 lookup local
ip rule
