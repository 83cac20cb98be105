# nc (netcat-openbsd): TCP listen/connect, -z scans, -u UDP, -v messages, -w timeouts, errors
ip netns add blue
ip link add veth-blue type veth peer name eth0 netns blue
ip addr add 192.168.15.5/24 dev veth-blue
ip link set veth-blue up
ip -n blue addr add 192.168.15.2/24 dev eth0
ip -n blue link set eth0 up
ip -n blue link set lo up
ip netns exec blue sh -c 'nc -l -p 7000 > /tmp/got.txt' >/dev/null 2>&1 &
sleep 1
ip netns exec blue ss -ltn
echo hello over tcp | nc -N 192.168.15.2 7000; echo $?
sleep 1
cat /tmp/got.txt
ip netns exec blue sh -c 'echo greeting | nc -l -p 7001 -q 1' >/dev/null 2>&1 &
sleep 1
nc -d -w 2 192.168.15.2 7001
ip netns exec blue sh -c 'nc -u -l -p 5000 > /tmp/udp.txt' >/dev/null 2>&1 &
sleep 1
ip netns exec blue ss -lun
echo hello over udp | nc -u -w 1 192.168.15.2 5000; echo $?
sleep 1
cat /tmp/udp.txt
nc -zv 192.168.15.2 7000 2>&1; echo $?
nc -zv 192.168.15.2 7009 2>&1; echo $?
nc -zv 192.168.15.2 6998-7000 2>&1
nc -zvn 192.168.15.2 22 2>&1
nc -zvu 192.168.15.2 5000 2>&1; echo $?
nc -zv -w 1 192.168.15.9 80 2>&1; echo $?
nc -zv 192.168.16.1 80 2>&1; echo $?
nc 192.168.15.2; echo $?
nc -zv 192.168.15.2 http 2>&1
nc -zv 192.168.15.2 nosuchservice 2>&1; echo $?
nc -l; echo $?
nc -x; echo $?
