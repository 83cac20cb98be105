# conntrack -L after MASQUERADE and DNAT: ICMP, UDP and TCP entries, filters, counts, -o extended
ip netns add red
ip netns add inet
ip link add v-net-0 type bridge
ip link set v-net-0 up
ip addr add 192.168.15.5/24 dev v-net-0
ip link add veth-red type veth peer name veth-red-br
ip link set veth-red netns red
ip link set veth-red-br master v-net-0
ip link set veth-red-br up
ip -n red addr add 192.168.15.1/24 dev veth-red
ip -n red link set veth-red up
ip -n red link set lo up
ip -n red route add default via 192.168.15.5
ip link add eth0 type veth peer name wan0
ip link set wan0 netns inet
ip addr add 203.0.113.5/24 dev eth0
ip link set eth0 up
ip -n inet addr add 203.0.113.10/24 dev wan0
ip -n inet link set wan0 up
ip -n inet link set lo up
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE
iptables -t nat -A PREROUTING -d 203.0.113.5 -p tcp --dport 8080 -j DNAT --to-destination 192.168.15.1:80
ip netns exec inet python3 -m http.server 80 --bind 203.0.113.10 >/dev/null 2>&1 &
ip netns exec red python3 -m http.server 80 --bind 192.168.15.1 >/dev/null 2>&1 &
sleep 3
ip netns exec red ping -c 1 -W 2 203.0.113.10 >/dev/null; echo $?
conntrack -L -p icmp
ip netns exec red curl -s --local-port 40100 -o /dev/null -w "%{http_code}\n" http://203.0.113.10/
ip netns exec inet curl -s --local-port 40200 -o /dev/null -w "%{http_code}\n" http://203.0.113.5:8080/
conntrack -L -p tcp 2>&1 | awk '{gsub(/ (TIME_WAIT|CLOSE|FIN_WAIT|LAST_ACK|CLOSE_WAIT) /, " <STATE> "); print}' | sort
conntrack -L -p tcp --dport 8080 2>&1 | awk '{gsub(/ (TIME_WAIT|CLOSE|FIN_WAIT|LAST_ACK|CLOSE_WAIT) /, " <STATE> "); print}'
conntrack -C
conntrack -L -s 192.168.15.1 2>/dev/null | wc -l
conntrack -L -d 203.0.113.5 2>/dev/null | wc -l
conntrack -L -p udp
conntrack -L -p icmp -o extended | awk '{sub(/^ipv4 +2 icmp +1 [0-9]+ /, "ipv4     2 icmp     1 <T> "); print}'
conntrack -L -p sctp; echo $?
conntrack -F
conntrack -C
