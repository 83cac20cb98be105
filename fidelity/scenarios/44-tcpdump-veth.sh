# tcpdump -c N on a veth without timestamps (-t): ARP, ICMP, UDP, port unreachable, -e, -i any, filters, errors
ip netns add red
ip link add veth-red type veth peer name veth-host
ip link set veth-red netns red
ip addr add 192.168.15.5/24 dev veth-host
ip link set veth-host up
ip -n red addr add 192.168.15.1/24 dev veth-red
ip -n red link set veth-red up
ip -n red link set lo up
sleep 2
(tcpdump -i veth-host -n -t -c 4 'arp or icmp' 2>/dev/null & sleep 1; ping -c 1 -W 1 192.168.15.1 >/dev/null; wait) | awk '{gsub(/id [0-9]+,/, "id N,"); print}'
(tcpdump -i veth-host -n -t -c 2 icmp 2>/dev/null & sleep 1; ping -c 1 -W 1 -s 100 192.168.15.1 >/dev/null; wait) | awk '{gsub(/id [0-9]+,/, "id N,"); print}'
(tcpdump -i veth-host -n -t -e -c 2 icmp 2>/dev/null & sleep 1; ping -c 1 -W 1 192.168.15.1 >/dev/null; wait) | awk '{gsub(/id [0-9]+,/, "id N,"); sub(/^[0-9a-f:]+ > [0-9a-f:]+/, "MAC > MAC"); print}'
(tcpdump -i veth-host -n -t -c 2 'udp or icmp' 2>/dev/null & sleep 1; echo hi | nc -u -w1 -p 40000 192.168.15.1 5001; wait)
(tcpdump -i veth-host -n -t -c 1 udp and port 53 2>/dev/null & sleep 1; echo x | nc -u -w1 -p 40001 192.168.15.1 5002; echo y | nc -u -w1 -p 40002 192.168.15.1 53 ; wait)
(tcpdump -i veth-host -n -t -c 1 src host 192.168.15.1 and icmp 2>/dev/null & sleep 1; ping -c 1 -W 1 192.168.15.1 >/dev/null; wait) | awk '{gsub(/id [0-9]+,/, "id N,"); print}'
(tcpdump -i any -n -t -c 2 icmp 2>/dev/null & sleep 1; ping -c 1 -W 1 192.168.15.1 >/dev/null; wait) | awk '{gsub(/id [0-9]+,/, "id N,"); print}'
(tcpdump -i veth-host -n -t -c 1 icmp 2>&1 >/dev/null & sleep 1; ping -c 1 -W 1 192.168.15.1 >/dev/null; wait) | head -2
(tcpdump -i any -n -t -c 1 icmp 2>&1 >/dev/null & sleep 1; ping -c 1 -W 1 192.168.15.1 >/dev/null; wait) | head -3
tcpdump -i nosuch -n
tcpdump -i veth-host -n -c 1 bogus
tcpdump -i veth-host -n -c x
tcpdump -i veth-host -n -c 0
ip link set veth-host down
tcpdump -i veth-host -n -c 1
tcpdump --version
