# iptables -h text, and ss column widths with long addresses and ports (one listener per table, a fixed-port connection)
iptables -h
iptables --help | tail -3
ip netns add srv
ip link add v0 type veth peer name eth0 netns srv
ip addr add 192.168.150.254/24 dev v0
ip link set v0 up
ip -n srv addr add 192.168.150.200/24 dev eth0
ip -n srv link set eth0 up
ip -n srv link set lo up
ip netns exec srv python3 -m http.server 65000 --bind 192.168.150.200 >/dev/null 2>&1 &
ip netns exec srv sh -c 'nc -u -l -p 65001 >/dev/null' >/dev/null 2>&1 &
sleep 1
sh -c 'sleep 20 | nc -p 45678 192.168.150.200 65000' >/dev/null 2>&1 &
sleep 1
ip netns exec srv ss -ltn
ip netns exec srv ss -lun
ip netns exec srv ss -ltun
ip netns exec srv ss -tln state listening
ip netns exec srv ss -lnt sport = :65000
ip netns exec srv ss -lnt sport = :80
ip netns exec srv ss -tn
ip netns exec srv ss -tan
ss -tn
ss -tn state established
ss -tn dport = :65000
ss -t
ip netns exec srv ss -ltn | cat -A | head -2
