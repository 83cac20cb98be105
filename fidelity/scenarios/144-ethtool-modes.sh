# ethtool: the modes the simulation answers (-i, -S, -P, --version) and its errors
ip link add name va type veth peer name vb
ethtool -P va
ethtool -P lo
ethtool -P nosuch
ethtool -P
ethtool --version
ethtool -i va
ethtool -i lo
ethtool -S lo
ethtool -S va | head -2
ethtool --foo lo
ethtool -i
ethtool va extra | head -1
