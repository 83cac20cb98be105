# Bridge STP on one bridge: listening, learning and forwarding with forward_delay, frames dropped before forwarding, and how bridge, brctl and ip -d link show the states
ip link add br0 type bridge forward_delay 200
ip link set br0 type bridge stp_state 1
ip netns add a
ip netns add b
ip link add p1 type veth peer name eth0 netns a
ip link add p2 type veth peer name eth0 netns b
ip link set p1 master br0
ip link set p2 master br0
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip link set p1 up
ip link set p2 up
bridge link
ip link set br0 up
bridge link
brctl show
ip netns exec a ping -c 1 -W 1 10.0.0.2
bridge link
ip -d link show p1 | grep -o 'state [a-z]* priority [0-9]* cost [0-9]*'
sleep 1.5
bridge link
ip -d link show p1 | grep -o 'state [a-z]* priority [0-9]* cost [0-9]*'
sleep 2
bridge link
ip netns exec a ping -c 1 -W 1 10.0.0.2
brctl showstp br0 | grep -E '^[a-z]|bridge id|designated|root port|port id' | sed -E 's/[[:space:]]+(message age|forward delay|hold) timer.*$//'
ip -d link show br0 | grep -o 'stp_state [0-9]*'
ip link set p2 down
bridge link
ip link set p2 up
bridge link
sleep 4.5
bridge link
ip link set br0 type bridge stp_state 0
bridge link
ip link set br0 type bridge stp_state 1
bridge link
brctl stp br0 off
bridge link
brctl stp br0 on
bridge link
brctl show br0
