# ICMP errors a router sends back and how ping prints them (a second apart: the kernel's ICMP rate limit, not simulated, never engages): TTL exceeded, no route (net unreachable), iptables REJECT with each --reject-with, and the routes unreachable, prohibit and blackhole, both on the router (ICMP back) and locally (connect fails)
ip netns add left
ip netns add router
ip netns add right
ip link add l0 type veth peer name rl0
ip link add r0 type veth peer name rr0
ip link set l0 netns left
ip link set rl0 netns router
ip link set r0 netns right
ip link set rr0 netns router
ip -n left addr add 10.1.1.2/24 dev l0
ip -n router addr add 10.1.1.1/24 dev rl0
ip -n router addr add 10.2.2.1/24 dev rr0
ip -n right addr add 10.2.2.2/24 dev r0
ip -n left link set l0 up
ip -n router link set rl0 up
ip -n router link set rr0 up
ip -n right link set r0 up
ip -n left route add default via 10.1.1.1
ip -n right route add default via 10.2.2.1
ip netns exec router sysctl -qw net.ipv4.ip_forward=1
ip netns exec left ping -c 1 -W 1 10.2.2.2 | head -2 | sed 's/time=.*/time=T/'
sleep 1
ip netns exec left ping -c 1 -W 1 -t 1 10.2.2.2
sleep 1
ip netns exec left ping -c 1 -W 1 10.9.9.9
ip netns exec router iptables -A FORWARD -d 10.2.2.2 -j REJECT
sleep 1
ip netns exec left ping -c 1 -W 1 10.2.2.2
ip netns exec router iptables -R FORWARD 1 -d 10.2.2.2 -j REJECT --reject-with icmp-net-unreachable
sleep 1
ip netns exec left ping -c 1 -W 1 10.2.2.2
ip netns exec router iptables -R FORWARD 1 -d 10.2.2.2 -j REJECT --reject-with icmp-host-unreachable
sleep 1
ip netns exec left ping -c 1 -W 1 10.2.2.2
ip netns exec router iptables -R FORWARD 1 -d 10.2.2.2 -j REJECT --reject-with icmp-host-prohibited
sleep 1
ip netns exec left ping -c 1 -W 1 10.2.2.2
ip netns exec router iptables -R FORWARD 1 -d 10.2.2.2 -j REJECT --reject-with icmp-admin-prohibited
sleep 1
ip netns exec left ping -c 1 -W 1 10.2.2.2
ip netns exec router iptables -R FORWARD 1 -d 10.2.2.2 -j REJECT --reject-with icmp-net-prohibited
sleep 1
ip netns exec left ping -c 1 -W 1 10.2.2.2
ip netns exec router iptables -F FORWARD
ip -n router route add unreachable 10.7.7.0/24
ip -n router route add prohibit 10.8.8.0/24
ip -n router route add blackhole 10.6.6.0/24
sleep 1
ip netns exec left ping -c 1 -W 1 10.7.7.7
sleep 1
ip netns exec left ping -c 1 -W 1 10.8.8.8
sleep 1
ip netns exec left ping -c 1 -W 1 10.6.6.6
ip netns exec router ping -c 1 -W 1 10.7.7.7
ip netns exec router ping -c 1 -W 1 10.8.8.8
ip netns exec router ping -c 1 -W 1 10.6.6.6
ip netns exec router ping -c 1 -W 1 10.9.9.9
ip -n router route get 10.7.7.7
ip -n router route get 10.8.8.8
ip -n router route get 10.6.6.6
