# iptables -m recent (xt_recent): kube-proxy's session-affinity rules, print/save forms, option errors, /proc/net/xt_recent and a client pinned by --set/--rcheck
iptables -t nat -N KUBE-SVC-TEST
iptables -t nat -N KUBE-SEP-TEST
iptables -t nat -A KUBE-SVC-TEST -m comment --comment "default/web -> 10.244.1.5:80" -m recent --name KUBE-SEP-TEST --rcheck --seconds 10800 --reap -j KUBE-SEP-TEST; echo $?
iptables -t nat -A KUBE-SEP-TEST -m comment --comment default/web -m recent --name KUBE-SEP-TEST --set -m tcp -p tcp -j DNAT --to-destination 10.244.1.5:80; echo $?
iptables -t nat -S KUBE-SVC-TEST
iptables -t nat -S KUBE-SEP-TEST
iptables -t nat -L KUBE-SVC-TEST -n
iptables -t nat -L KUBE-SEP-TEST -n -v
iptables-save -t nat | grep -v '^#'
ls /proc/net/xt_recent/
iptables -A INPUT -m recent --rcheck --set -j ACCEPT; echo $?
iptables -A INPUT -m recent -j ACCEPT; echo $?
iptables -A INPUT -m recent --rcheck --reap -j ACCEPT; echo $?
iptables -A INPUT -m recent --rcheck --seconds abc -j ACCEPT; echo $?
iptables -A INPUT -m recent --rcheck --seconds 0 -j ACCEPT; echo $?
iptables -A INPUT -m recent --set --seconds 10 -j ACCEPT; echo $?
iptables -A INPUT -m recent --rsource --rdest -j ACCEPT; echo $?
iptables -A INPUT -m recent --update --seconds 60 --hitcount 3 --rttl --name A --rdest -j ACCEPT; echo $?
iptables -A INPUT -m recent --remove --name B --mask 255.255.0.0 -j ACCEPT; echo $?
iptables -A INPUT -m recent ! --rcheck --name C -j DROP; echo $?
iptables -A INPUT -m recent --rcheck -j ACCEPT; echo $?
iptables -S INPUT
iptables -L INPUT -n
ls /proc/net/xt_recent/
iptables -F INPUT
ls /proc/net/xt_recent/
iptables -A OUTPUT -o lo -p icmp -m recent --set --name PING
iptables -A INPUT -p icmp -m recent --rcheck --seconds 60 --name PING
ping -c 2 -q 127.0.0.1 > /dev/null; echo $?
cut -d' ' -f1-3 /proc/net/xt_recent/PING
iptables -L -n -v -x | grep -c recent
iptables -L INPUT -n -v -x
echo / > /proc/net/xt_recent/PING; echo $?
cat /proc/net/xt_recent/PING | wc -l
echo +10.9.8.7 > /proc/net/xt_recent/PING; echo $?
cut -d' ' -f1-3 /proc/net/xt_recent/PING
echo -10.9.8.7 > /proc/net/xt_recent/PING; echo $?
cat /proc/net/xt_recent/PING | wc -l
echo -10.9.8.7 > /proc/net/xt_recent/PING; echo $?
echo junk > /proc/net/xt_recent/PING; echo $?
