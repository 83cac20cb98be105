# net-tools netstat and ifconfig: option errors, -e/-p/-o columns on sockets, -W, -v, -s refusals
netstat -Q
netstat --foo
netstat -tn
netstat -tln
netstat -r -n -e
netstat -rn -F
netstat -rnC | head -3
netstat -i -n
netstat -ie | head -3
netstat -x -l | head -3
netstat -4 -rn
netstat -A inet -rn
netstat -A foo -rn
netstat -h | head -2
netstat -V | head -1
ifconfig -Z
ifconfig --foo
ifconfig -v lo | head -1
ifconfig -a -s
ifconfig lo txqueuelen 500
ifconfig lo | grep txqueuelen
ifconfig lo mtu 70000
ifconfig lo metric 2
ifconfig lo add 10.9.9.9
ifconfig nosuch up
ifconfig lo:1 10.1.1.1 netmask 255.255.255.0 up
ip -4 addr show lo
ifconfig lo:1 down
ip -4 addr show lo
ifconfig lo mtu abc
ip -4 addr show lo
ifconfig lo mtu 65536
ip link set lo down
ip link set lo up
ip -4 addr show lo
ifconfig -V
