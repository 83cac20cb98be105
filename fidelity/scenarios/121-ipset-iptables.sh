# iptables -m set --match-set: rules printed as iptables-save prints them, honoured on the packet path (ping through a veth pair), sets in use cannot be destroyed
ipset create peers hash:ip; ipset create ports hash:ip,port
ip netns add a; ip link add va type veth peer name vb netns a
ip addr add 192.0.2.1/24 dev va; ip link set va up; ip -n a addr add 192.0.2.2/24 dev vb; ip -n a link set vb up
ping -c1 -W1 192.0.2.2 > /dev/null; echo $?
iptables -A OUTPUT -m set --match-set peers dst -j DROP; echo $?
iptables -A INPUT -m set ! --match-set peers src -p tcp -j ACCEPT; echo $?
iptables -A INPUT -p tcp -m set --match-set ports src,dst -j ACCEPT; echo $?
iptables -A INPUT -m set --match-set nosuch src -j DROP; echo $?
iptables -A INPUT -m set --match-set peers; echo $?
iptables -A INPUT -m set --match-set peers foo -j DROP; echo $?
iptables -S
iptables-save | grep -v '^#'
iptables -L INPUT -n
iptables -L OUTPUT -n
ipset add peers 192.0.2.2
ping -c1 -W1 192.0.2.2 > /dev/null; echo $?
ipset del peers 192.0.2.2
ping -c1 -W1 192.0.2.2 > /dev/null; echo $?
ipset destroy peers; echo $?
ipset list peers | grep References
iptables -F
ipset destroy peers; echo $?
