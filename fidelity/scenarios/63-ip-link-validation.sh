# ip link/addr validation: names, netns moves onto existing names, lo, addr del without address, bridge_slave options
ip link add "a b" type veth peer name c
ip link add a/b type veth peer name c
ip link add aaaaaaaaaaaaaaaa type veth peer name c
ip link add aaaaaaaaaaaaaaa type veth peer name "c d"
ip link add v0 type veth peer name v1
ip link set v0 name "x y"
ip link set v0 name lo
ip link set v0 name v1
ip -br link
ip netns add n
ip link set lo netns n
ip -n n link add v0 type veth peer name p0
ip link set v0 netns n
ip link set v0 netns nosuch
ip -br link
ip addr del dev v0
ip addr del 10.9.9.9/24 dev v0
ip addr add 10.0.0.1/24 dev v0
ip addr del 10.0.0.1 dev v0
ip addr
ip addr add 10.0.0.1/33 dev v0
ip addr add 10.0.0.256/24 dev v0
ip link set v0 mtu 10
ip link set v0 mtu 70000
ip link set v0 txqueuelen abc
ip link set v0 address 01:00:00:00:00:01
ip link set v0 address zz
ip link set nosuch up
ip link add br0 type bridge
ip link set v0 master br0
ip link set v0 type bridge_slave cost 10 priority 5 learning off hairpin on flood off
ip -d link show v0 | grep -o 'bridge_slave state [a-z]* priority [0-9]* cost [0-9]* hairpin [a-z]* guard [a-z]* root_block [a-z]* fastleave [a-z]* learning [a-z]* flood [a-z]*'
bridge -d link show dev v0
bridge link show
ip link set v0 type bridge_slave cost 0
ip link set v0 type bridge_slave priority 64
ip link set v0 type bridge_slave learning maybe
ip link set v0 type bridge_slave cost abc
ip link set v0 type bridge_slave nosuch on
bridge link set dev v0 learning on cost 20 priority 7 hairpin off flood on
bridge -d link show dev v0
bridge link set dev v0 cost 0
bridge link set dev v0 priority 64
bridge link set dev v0 learning maybe
bridge link set dev nosuch cost 5
bridge link set dev v1 cost 5
brctl setpathcost br0 v0 30
brctl setportprio br0 v0 3
bridge -d link show dev v0
brctl setpathcost br0 v0 abc
brctl setportprio br0 v0 64
brctl hairpin br0 v0 maybe
