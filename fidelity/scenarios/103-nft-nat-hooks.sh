# Native nft chains on the packet path with iptables: a dnat in an output nat chain, a filter chain at priority -200 seeing the original port, iptables' filter after the DNAT seeing the new one, counters, masquerade in a postrouting chain, conntrack
ip netns add srv
ip link add veth0 type veth peer name eth0 netns srv
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip -n srv addr add 10.0.0.2/24 dev eth0
ip -n srv link set eth0 up
ip -n srv link set lo up
ip route add 203.0.113.0/24 dev veth0
ip netns exec srv python3 -m http.server 80 --bind 10.0.0.2 >/dev/null 2>&1 &
for i in 1 2 3 4 5 6 7 8 9 10; do ip netns exec srv ss -ltn | grep -q 10.0.0.2:80 && break; sleep 1; done; ip netns exec srv ss -ltn
nft add table ip t
nft add chain ip t out '{ type nat hook output priority -100; }'
nft add rule ip t out ip daddr 203.0.113.9 tcp dport 8080 counter dnat to 10.0.0.2:80
nft add chain ip t early '{ type filter hook output priority -200; }'
nft add rule ip t early tcp dport 8080 counter
nft add rule ip t early tcp dport 80 counter
iptables -A OUTPUT -p tcp --dport 80 -j ACCEPT
curl -s -o /dev/null -w '%{http_code}\n' http://203.0.113.9:8080/
nft list table ip t
iptables-save -c | grep -v '^#'
conntrack -L -p tcp 2>/dev/null | sed -E 's/ [0-9]+ TIME_WAIT/ TIME_WAIT/; s/port=[0-9]{5}/port=N/g'
nft add chain ip t post '{ type nat hook postrouting priority srcnat; policy accept; }'
nft add rule ip t post oifname veth0 counter masquerade
curl -s -o /dev/null -w '%{http_code}\n' http://203.0.113.9:8080/
nft list chain ip t post
nft add chain ip t out '{ policy drop; }'
nft add chain ip t guard '{ type filter hook output priority 0; policy drop; }'
ping -c 1 -W 1 10.0.0.2
nft delete chain ip t guard
ping -c 1 -W 1 10.0.0.2
nft add rule ip t post masquerade to :1000-2000 random
nft add rule ip t out ip saddr 10.0.0.0/8 snat to 10.0.0.1
nft add chain ip t bad '{ type nat hook forward priority 0; }'
nft list ruleset
nft flush ruleset
iptables -S
