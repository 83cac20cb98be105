# ifconfig (net-tools 2.10): listing, one interface, set address/netmask/broadcast/mtu/hw, aliases, errors
ifconfig
ifconfig -a
ifconfig lo
ip link add v1 type veth peer name v1p
ip link add br0 type bridge
ifconfig -a | grep flags
ifconfig v1 up
ifconfig v1
ifconfig v1p 10.1.1.1 netmask 255.255.255.0 up
ifconfig v1p | head -3
ifconfig v1 10.1.1.2/24
ifconfig v1 | head -2
ifconfig v1 10.1.1.5
ip -4 addr show v1
ifconfig v1 netmask 255.255.0.0
ip -4 addr show v1
ifconfig v1 broadcast 10.1.255.254
ifconfig v1 mtu 1400
ifconfig v1 hw ether 02:00:00:00:00:aa
ifconfig v1 | head -4
ifconfig -s | cut -c1-22
ifconfig -a -s | cut -c1-22
ifconfig nosuch up
ifconfig nosuch 10.0.0.1
ifconfig v1 10.0.0.300
ifconfig v1 foo
ifconfig v1 netmask 255.0.255.0
ifconfig -x
ifconfig nosuch
ifconfig br0 up
ifconfig br0 | head -3
ifconfig v1:1 10.7.0.1 netmask 255.255.255.0
ifconfig v1:1
ifconfig | grep -A2 flags
ip -4 addr
ifconfig v1:1 0
ip -4 addr show v1
ip link set v1 promisc on
ifconfig v1 | head -1
ifconfig v1 -arp
ifconfig v1 | head -1
ifconfig v1 arp -promisc
ifconfig v1 | head -1
ifconfig v1 down
ifconfig v1 | head -1
ifconfig | grep flags
ip addr add 10.9.9.9/24 dev lo
ifconfig lo | head -2
ifconfig lo 127.0.0.2
ip -4 addr show lo
