# ip_forward stores the integer as written
sysctl -w net.ipv4.ip_forward=2
sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.lo.forwarding
sysctl -w net.ipv4.conf.all.forwarding=3
sysctl net.ipv4.ip_forward
cat /proc/sys/net/ipv4/conf/all/forwarding
sysctl -w net.ipv4.ip_forward=-1
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=0
sysctl net.ipv4.conf.lo.forwarding net.ipv4.conf.default.forwarding
ip netns add r
ip netns exec r sysctl net.ipv4.ip_forward
