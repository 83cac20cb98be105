# route and netstat -r (net-tools 2.10): tables, add/del forms, errors
ip netns add nt
ip netns exec nt route -n
ip netns exec nt netstat -rn
ip netns exec nt cat /proc/net/route
ip netns exec nt ip link set lo up
ip netns exec nt route -n
route
route -n
netstat -r
route -e
route -ee
ip link add v1 type veth peer name v1p
ip addr add 10.1.1.2/24 dev v1
ip link set v1 up
ip link set v1p up
route add default gw 10.1.1.1
route add -net 10.2.0.0/16 gw 10.1.1.1
route add -net 10.3.0.0 netmask 255.255.0.0 dev v1
route add -host 10.4.0.1 gw 10.1.1.1
route add -host 10.4.0.2 dev v1
route add 10.4.0.3 gw 10.1.1.1
route add -net 10.5.0.0/16 gw 10.9.9.9
route add -net 10.5.0.0/16 dev nosuch
route add -net 10.2.0.0/16 gw 10.1.1.1
route add -net 10.6.0.0/16 gw 10.1.1.1 metric 5
route add -net 10.7.0.0 netmask 255.0.255.0 dev v1
route add -net 10.8.0.1/16 dev v1
route add -net 10.10.0.0/16 reject
route -n
route
route -ne
route -nee
netstat -rn
netstat -rne
ip route
cat /proc/net/route
route del -net 10.2.0.0/16
route del -net 10.2.0.0/16
route del default
route del default
route del -host 10.4.0.1
route del 10.4.0.2
route del -net 10.3.0.0 netmask 255.255.0.0 dev v1
route -n
route foo
route -x
route add
route add -net
route add -net 10.9.0.0/16
route --help
route add -net 127.0.0.0/8 dev lo
route -n
