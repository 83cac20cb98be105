# net.ipv4.tcp_timestamps=0: no TS option on SYNs (nop padding instead), none on later segments, full-MSS windows; a peer that does not echo TS turns them off for the connection
sysctl -w net.ipv4.tcp_timestamps=0
sysctl net.ipv4.tcp_timestamps
python3 -m http.server 8000 --bind 127.0.0.1 >/dev/null 2>&1 &
for i in $(seq 50); do ss -ltn | grep -q 127.0.0.1:8000 && break; sleep 0.2; done
(tcpdump -i lo -n -t -c 5 tcp port 8000 2>/dev/null & sleep 1; curl -s -o /dev/null --local-port 40001 http://127.0.0.1:8000/; wait) | awk '{gsub(/val [0-9]+/, "val N"); gsub(/ecr [1-9][0-9]*/, "ecr N"); gsub(/seq [0-9][0-9][0-9][0-9][0-9]+/, "seq N"); gsub(/ack [0-9][0-9][0-9][0-9][0-9]+/, "ack N"); print}'
ip netns add red
ip link add veth-red type veth peer name veth-host
ip link set veth-red netns red
ip addr add 192.168.15.5/24 dev veth-host
ip link set veth-host up
ip -n red addr add 192.168.15.1/24 dev veth-red
ip -n red link set veth-red up
ip netns exec red sysctl net.ipv4.tcp_timestamps
ip netns exec red python3 -m http.server 80 --bind 192.168.15.1 >/dev/null 2>&1 &
for i in $(seq 50); do ip netns exec red ss -ltn | grep -q 192.168.15.1:80 && break; sleep 0.2; done
(tcpdump -i veth-host -n -t -c 3 tcp 2>/dev/null & sleep 1; nc -z -p 40003 192.168.15.1 80; wait) | awk '{gsub(/val [0-9]+/, "val N"); gsub(/ecr [1-9][0-9]*/, "ecr N"); gsub(/seq [0-9][0-9][0-9][0-9][0-9]+/, "seq N"); gsub(/ack [0-9][0-9][0-9][0-9][0-9]+/, "ack N"); print}'
sysctl -w net.ipv4.tcp_timestamps=1
ip netns exec red sysctl -w net.ipv4.tcp_timestamps=0
(tcpdump -i veth-host -n -t -c 3 tcp 2>/dev/null & sleep 1; nc -z -p 40004 192.168.15.1 80; wait) | awk '{gsub(/val [0-9]+/, "val N"); gsub(/ecr [1-9][0-9]*/, "ecr N"); gsub(/seq [0-9][0-9][0-9][0-9][0-9]+/, "seq N"); gsub(/ack [0-9][0-9][0-9][0-9][0-9]+/, "ack N"); print}'
sysctl -w net.ipv4.tcp_timestamps=2
sysctl -w net.ipv4.tcp_timestamps=3
