# ethtool: driver info and statistics of veth, bridge and loopback
ip link add v1 type veth peer name v1p
ip link add br0 type bridge
ethtool -i v1
ethtool -i br0
ethtool -i lo
ethtool -S v1
ethtool -S br0
ethtool -S lo
ethtool v1
ethtool -i nosuch
ethtool -S nosuch
ethtool
ethtool br0
ethtool lo
ip link set v1 up
ip link set v1p up
ethtool v1 | tail -1
ethtool nosuch
