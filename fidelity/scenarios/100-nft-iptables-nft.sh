# nft list ruleset, list tables, list table and list chain show the rules iptables-nft wrote (iptables 1.8.9, nftables 1.0.6), with nft's warnings and errors
nft list ruleset
nft list tables
iptables -A INPUT -s 10.0.0.0/8 -p tcp --dport 22 -j ACCEPT
iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -A INPUT -i lo -j ACCEPT
iptables -A FORWARD -i eth0 -o br0 -j DROP
iptables -A FORWARD -p udp --sport 53 -d 192.168.1.0/24 -j ACCEPT
iptables -A FORWARD ! -s 10.1.0.0/16 -p icmp -j REJECT
iptables -t nat -A POSTROUTING -s 10.244.0.0/16 ! -o cni0 -j MASQUERADE
iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:80
iptables -t nat -A POSTROUTING -o eth1 -j SNAT --to-source 192.0.2.1
iptables -t nat -N KUBE-MARK-MASQ
iptables -t nat -A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
iptables -t nat -N KUBE-SVC-X
iptables -t nat -A KUBE-SVC-X -m statistic --mode random --probability 0.5 -j RETURN
iptables -t nat -A KUBE-SVC-X -m mark --mark 0x4000/0x4000 -j MASQUERADE --random-fully
iptables -t nat -A KUBE-SVC-X -m addrtype --dst-type LOCAL -j KUBE-MARK-MASQ
iptables -t nat -A KUBE-SVC-X -p tcp -j DNAT --to-destination 10.36.0.1:80
nft list ruleset
nft list ruleset 2>/dev/null
nft list tables
nft list table ip filter
nft list table nat 2>&1
nft list chain ip filter INPUT
nft list chain ip nat KUBE-SVC-X 2>/dev/null
nft -a list chain ip filter FORWARD 2>/dev/null
nft list table inet filter
nft list chain ip filter NOPE
nft list table ip6 nat
iptables -P FORWARD DROP
nft list chain ip filter FORWARD 2>/dev/null
iptables -t nat -F KUBE-SVC-X
nft list table ip nat 2>/dev/null
iptables -t nat -F
iptables -t nat -X
nft list table ip nat 2>/dev/null
iptables -F
nft list ruleset 2>/dev/null
