# Bridge STP parameters: hello_time, max_age, forward_delay, priority and port cost/priority as iproute2 and bridge-utils set, validate and print them
ip link add br0 type bridge
ip -d link show br0 | grep -o 'forward_delay [0-9]* hello_time [0-9]* max_age [0-9]*'
ip -d link show br0 | grep -o 'stp_state [0-9]* priority [0-9]*'
ip link set br0 type bridge hello_time 300 max_age 1000 forward_delay 500
ip -d link show br0 | grep -o 'forward_delay [0-9]* hello_time [0-9]* max_age [0-9]*'
ip link set br0 type bridge hello_time 50
ip link set br0 type bridge hello_time 1100
ip link set br0 type bridge max_age 500
ip link set br0 type bridge max_age 4100
ip link set br0 type bridge forward_delay 100
ip link set br0 type bridge forward_delay 3100
ip link set br0 type bridge priority 65535
ip link set br0 type bridge priority 65536
ip -d link show br0 | grep -o 'forward_delay [0-9]* hello_time [0-9]* max_age [0-9]*'
ip link set br0 type bridge stp_state 1
ip link set br0 type bridge forward_delay 100
ip link set br0 type bridge forward_delay 3100
ip link set br0 type bridge hello_time 50
ip link set br0 type bridge max_age 500
ip link set br0 type bridge stp_state 2
ip -d link show br0 | grep -o 'stp_state [0-9]* priority [0-9]*'
brctl sethello br0 4
brctl setmaxage br0 12
brctl setfd br0 6
brctl setbridgeprio br0 12288
brctl showstp br0 | grep -E '^[a-z]|bridge id|designated|root port|port id' | sed -E 's/[[:space:]]+(message age|forward delay|hold) timer.*$//'
brctl sethello br0 0
brctl sethello br0 abc
brctl setfd br0 1
brctl setbridgeprio br0 70000
ip link add d0 type veth peer name d0p
ip link set d0 master br0
brctl setpathcost br0 d0 40
brctl setportprio br0 d0 32
bridge link
bridge -d link show dev d0 | head -3
ip -d link show d0 | grep -o 'state [a-z]* priority [0-9]* cost [0-9]*'
bridge link
brctl setportprio br0 d0 300
brctl setpathcost br0 d0 0
brctl setpathcost br0 nosuch 10
brctl showstp br0 | grep -E '^[a-z]|bridge id|designated|root port|port id' | sed -E 's/[[:space:]]+(message age|forward delay|hold) timer.*$//'
brctl show
