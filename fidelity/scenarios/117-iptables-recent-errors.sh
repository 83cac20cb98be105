# iptables -m recent: more option errors (mask, name, hitcount, inversion) and the kernel's checkentry refusals
iptables -A INPUT -m recent --rcheck --mask junk -j ACCEPT; echo $?
iptables -A INPUT -m recent --rcheck --mask 255.255.255.0 --name NET -j ACCEPT; echo $?
iptables -A INPUT -m recent --rcheck --hitcount 300 -j ACCEPT; echo $?
iptables -A INPUT -m recent --rcheck --hitcount 0 -j ACCEPT; echo $?
iptables -A INPUT -m recent --rcheck --hitcount abc -j ACCEPT; echo $?
iptables -A INPUT -m recent --rcheck --name a/b -j ACCEPT; echo $?
iptables -A INPUT -m recent --remove --rttl -j ACCEPT; echo $?
iptables -A INPUT -m recent ! --seconds 5 --rcheck -j ACCEPT; echo $?
iptables -A INPUT -m recent --set --set -j ACCEPT; echo $?
iptables -A INPUT -m recent --update --seconds 5 --reap --name U -j ACCEPT; echo $?
iptables -S INPUT
iptables -L INPUT -n
ls /proc/net/xt_recent/
iptables -D INPUT 1
ls /proc/net/xt_recent/
