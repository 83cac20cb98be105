# Native nftables: add table/chain/rule, list with handles, flush, delete, errors; a base chain at the input hook drops pings and counts them
nft add table ip t1
nft add chain ip t1 input '{ type filter hook input priority 0; policy accept; }'
nft add chain t1 c2
nft add rule t1 input ip saddr 10.0.0.0/8 tcp dport 22 counter accept
nft add rule t1 input iifname "eth0" ct state established,related accept
nft add rule t1 input udp sport 53 jump c2
nft add rule t1 c2 oifname lo return
nft add rule t1 input ip daddr 192.168.0.0/16 udp dport 53 counter drop
nft add table inet t2
nft add chain inet t2 pre { type nat hook prerouting priority -100 \; }
nft add rule inet t2 pre ip daddr 1.2.3.4 tcp dport 80 dnat ip to 10.0.0.1:8080
nft add chain inet t2 post { type nat hook postrouting priority srcnat \; }
nft add rule inet t2 post oifname eth0 masquerade
nft add rule inet t2 post ip saddr 10.1.0.0/16 snat ip to 192.0.2.1
nft list ruleset
nft -a list table t1
nft list tables
nft list chain t1 input
nft list chain inet t2 post
nft add chain t1 input
nft flush chain t1 input
nft list table t1
nft delete chain t1 c2
nft delete table inet t2
nft list ruleset
nft add rule t1 nope accept
nft add rule t1 input foo bar
nft list table ip nope
nft delete table ip nope
nft add chain ip nope c
nft
nft flush ruleset
nft list ruleset
ip netns add a
ip link add veth0 type veth peer name eth0 netns a
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip -n a addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ping -c 1 -W 1 10.0.0.2
ip netns exec a nft add table ip fw
ip netns exec a nft add chain ip fw in '{ type filter hook input priority 0; policy accept; }'
ip netns exec a nft add rule ip fw in ip saddr 10.0.0.1 icmp type echo-request counter drop
ping -c 2 -W 1 -i 0.2 10.0.0.2
ip netns exec a nft list table ip fw
ip netns exec a nft flush table ip fw
ping -c 1 -W 1 10.0.0.2
ip netns exec a nft list ruleset
ip netns exec a nft add chain ip fw in '{ policy drop; }'
ping -c 1 -W 1 10.0.0.2
ip netns exec a nft list chain ip fw in
ip netns exec a iptables -A INPUT -p icmp -j ACCEPT
ping -c 1 -W 1 10.0.0.2
ip netns exec a nft delete table ip fw
ping -c 1 -W 1 10.0.0.2
