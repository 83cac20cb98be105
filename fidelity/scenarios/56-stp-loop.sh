# Two bridges joined by two links with STP on: the root bridge, the root port, a blocking port, and re-convergence when the forwarding link fails
ip link add br0 type bridge stp_state 1 forward_delay 200 priority 4096
ip link add br1 type bridge stp_state 1 forward_delay 200 priority 8192
ip link add l1a type veth peer name l1b
ip link add l2a type veth peer name l2b
ip link set l1a master br0
ip link set l2a master br0
ip link set l1b master br1
ip link set l2b master br1
ip link set l1a up
ip link set l1b up
ip link set l2a up
ip link set l2b up
ip link set br0 up
ip link set br1 up
bridge link
sleep 5
bridge link
brctl showstp br1 | grep -E '^[a-z]|bridge id|designated|root port|port id' | sed -E 's/[[:space:]]+(message age|forward delay|hold) timer.*$//'
brctl showstp br0 | grep -E '^[a-z]|bridge id|designated|root port|port id' | sed -E 's/[[:space:]]+(message age|forward delay|hold) timer.*$//'
ip -d link show l2b | grep -o 'state [a-z]* priority [0-9]* cost [0-9]*'
ip link set l1a down
bridge link
sleep 5
bridge link
ip link set l1a up
sleep 3.5
bridge link
sleep 5
bridge link
