# netstat (net-tools 2.10) socket tables: listening TCP/UDP sockets in a namespace
# (one TCP listener only: with several, /proc/net/tcp lists them in a per-namespace hash order)
ip netns add blue
ip -n blue link set lo up
ip netns exec blue netstat -ltn
ip netns exec blue netstat -lun
ip netns exec blue python3 -m http.server 80 --bind 127.0.0.1 >/dev/null 2>&1 &
ip netns exec blue nc -lu -p 5353 >/dev/null 2>&1 &
sleep 1
ip netns exec blue netstat -ltn
ip netns exec blue netstat -lt
ip netns exec blue netstat -lun
ip netns exec blue netstat -ltun
ip netns exec blue netstat -tn
ip netns exec blue netstat -an | head -6
ip netns exec blue netstat -ln | head -6
ip netns exec blue netstat -x
