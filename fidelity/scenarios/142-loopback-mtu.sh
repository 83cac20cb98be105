# loopback MTU below 68 removes IPv4, txqueuelen
ip link set lo mtu 70000
ip link show lo
ip link set lo mtu 67
ip -4 addr show lo
ip addr add 10.7.7.7/8 dev lo
ip link set lo mtu 68
ip -4 addr show lo
ip addr add 10.7.7.7/8 dev lo
ip -4 addr show lo
ip route show table local
ping -c 1 -W 1 127.0.0.1
ip link set lo down
ip link set lo up
ip -4 addr show lo
ip link set lo txqueuelen 5
ip link show lo
ifconfig lo txqueuelen 77
ifconfig lo | grep txq
ifconfig lo mtu 0
ifconfig lo 127.0.0.1
ifconfig lo mtu 65536
ifconfig lo 127.0.0.1
ip -4 addr show lo
