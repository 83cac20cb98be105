# Chain policy counters in iptables -L -v and iptables-save, zeroing them, and the counters of rules and devices as packets are dropped
ip netns add a
ip link add veth0 type veth peer name eth0 netns a
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip -n a addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n a link set lo up
ip netns exec a iptables -P INPUT DROP
ping -c 3 -W 1 -i 0.2 10.0.0.2
ip netns exec a iptables -L INPUT -v -n
ip netns exec a iptables -L -v -n
ip netns exec a iptables-save | grep -v '^#'
ip netns exec a iptables-save -c | grep -v '^#'
ip netns exec a iptables -S -v
ip netns exec a iptables -A INPUT -p icmp -s 10.0.0.9 -j ACCEPT
ip netns exec a iptables -A INPUT -p tcp -j REJECT
ping -c 2 -W 1 -i 0.2 10.0.0.2
ip netns exec a iptables -L INPUT -v -n
ip netns exec a iptables -L INPUT -v -n -x
ip netns exec a iptables -Z INPUT
ip netns exec a iptables -L INPUT -v -n
ip netns exec a iptables -P INPUT ACCEPT
ping -c 2 -W 1 -i 0.2 10.0.0.2
ip netns exec a iptables -L INPUT -v -n
ip netns exec a iptables -P OUTPUT DROP
ping -c 1 -W 1 10.0.0.2
ip netns exec a iptables -L OUTPUT -v -n
ip netns exec a ping -c 1 -W 1 10.0.0.1
ip netns exec a iptables -L OUTPUT -v -n
ip netns exec a iptables-save -c | grep -v '^#'
ip netns exec a iptables -Z
ip netns exec a iptables-save -c | grep -v '^#'
ip netns exec a iptables -P FORWARD DROP
ip netns exec a iptables -L FORWARD -v
ip netns exec a iptables -t nat -L -v -n
ip netns exec a iptables -t nat -A POSTROUTING -j MASQUERADE
ip netns exec a iptables -P OUTPUT ACCEPT
ip netns exec a ping -c 1 -W 1 10.0.0.1
ip netns exec a iptables -t nat -L POSTROUTING -v -n
ip netns exec a iptables -t nat -S -v
