# arp (net-tools 2.10): display styles, set/delete, filters, errors
arp
arp -a
arp -n 10.1.1.1
arp -d 10.1.1.1
arp -s 10.1.1.1 02:00:00:00:00:01
ip link add v1 type veth peer name v1p
ip addr add 10.1.1.2/24 dev v1
arp -s 10.1.1.1 02:00:00:00:00:01
ip link set v1 up
arp -s 10.1.1.1 02:00:00:00:00:01
arp -s 10.1.1.3 02:00:00:00:00:03 -i v1
arp -s 10.1.1.4 zz
arp -s 10.1.1.5 02:00:00:00:00:05 temp
arp -s 10.1.1.6 02:00:00:00:00:06 pub
arp -n
arp -an
arp -a
arp -e
arp -n -i v1
arp -n -i lo
arp -n -i nosuch
arp -n 10.1.1.1
arp -n 10.1.1.99
arp 10.1.1.99
arp -a 10.1.1.99
arp nosuchhost
arp -d 10.1.1.1
arp -d 10.1.1.1
arp -d
arp -x
arp -s 10.1.1.7
ip neigh add 10.1.1.8 dev v1 nud incomplete
ip neigh add 10.1.1.9 dev v1 lladdr 02:00:00:00:00:09 nud stale
ip neigh add 10.1.1.10 dev v1 nud failed
arp -n
arp -a
sort /proc/net/arp
arp -s 9.9.9.9 02:00:00:00:00:01
arp --help
arp -s 127.0.0.5 02:00:00:00:00:01
arp -n 127.0.0.5
