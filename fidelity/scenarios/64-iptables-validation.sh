# iptables validation and new matches: nat DROP, multiport, LOG prefix, iprange, limit, length, -L -Z
iptables -t nat -A POSTROUTING -j DROP
iptables -t nat -A PREROUTING -j REJECT
iptables -A INPUT -p tcp -m multiport --sports 1,2 --dports 3,4 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --ports 1,2 --dports 3 -j ACCEPT
iptables -A INPUT -m multiport --dports 80 -j ACCEPT
iptables -A INPUT -j LOG --log-prefix "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
iptables -A INPUT -j LOG --log-prefix "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
iptables -A INPUT -j LOG --log-level 9
iptables -A INPUT -p tcp --dport 70000 -j ACCEPT
iptables -A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 -j ACCEPT
iptables -A INPUT -m iprange ! --dst-range 10.0.1.1-10.0.1.9 -j ACCEPT
iptables -A INPUT -m iprange --src-range 10.0.0.300-10.0.0.9 -j ACCEPT
iptables -A INPUT -m iprange -j ACCEPT
iptables -A INPUT -m limit --limit 3/min --limit-burst 5 -j ACCEPT
iptables -A INPUT -m limit --limit 10/second -j ACCEPT
iptables -A INPUT -m limit --limit 2/hour -j ACCEPT
iptables -A INPUT -m limit --limit 7/day -j ACCEPT
iptables -A INPUT -m limit -j ACCEPT
iptables -A INPUT -m limit --limit 3/fortnight -j ACCEPT
iptables -A INPUT -m limit --limit-burst 0 -j ACCEPT
iptables -A INPUT -m length --length 100:200 -j DROP
iptables -A INPUT -m length ! --length 1000 -j DROP
iptables -A INPUT -m length --length 300: -j DROP
iptables -A INPUT -m length --length abc -j DROP
iptables -S
iptables -L INPUT -n
iptables -L INPUT -n -v
iptables-save | grep -v '^#'
iptables -F
iptables -A OUTPUT -p icmp
iptables -A INPUT -p icmp
ping -c 3 -i 0.2 -W 1 127.0.0.1 > /dev/null
iptables -L OUTPUT -v -n -x
iptables -L OUTPUT -Z -v -n -x
iptables -L OUTPUT -v -n -x
iptables -L INPUT -v -n -x -Z
iptables -Z INPUT -L -v -n
iptables -L nosuch -Z
iptables -L -Z -n
iptables -F
ip netns add p
ip link add v0 type veth peer name v1 netns p
ip addr add 10.0.0.1/24 dev v0
ip link set v0 up
ip -n p addr add 10.0.0.2/24 dev v1
ip -n p link set v1 up
ip netns exec p iptables -A INPUT -p icmp -m length --length 200:300 -j DROP
ping -c 1 -W 1 -s 100 10.0.0.2 | tail -2 | head -1
ping -c 1 -W 1 -s 200 10.0.0.2 | tail -2 | head -1
ip netns exec p iptables -F
ip netns exec p iptables -A INPUT -p icmp -m iprange --src-range 10.0.0.1-10.0.0.1 -j DROP
ping -c 1 -W 1 10.0.0.2 | tail -2 | head -1
ip addr add 10.0.0.5/24 dev v0
ping -c 1 -W 1 -I 10.0.0.5 10.0.0.2 | tail -2 | head -1
ip netns exec p iptables -F
ip netns exec p iptables -A INPUT -p icmp -m limit --limit 1/sec --limit-burst 1 -j ACCEPT
ip netns exec p iptables -A INPUT -p icmp -j DROP
ping -c 6 -i 0.4 -W 1 10.0.0.2 | tail -2 | head -1
ip netns exec p iptables -L INPUT -v -n -x
