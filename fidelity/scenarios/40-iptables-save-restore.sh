# iptables-save / iptables-restore round trip: filter, nat and a user chain, counters, --noflush, -T, errors
iptables -N WEB
iptables -A WEB -p tcp --dport 80 -j ACCEPT
iptables -A WEB -p tcp --dport 443 -j ACCEPT
iptables -A INPUT -s 10.0.0.0/8 -j WEB
iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -P FORWARD DROP
iptables -t nat -A POSTROUTING -s 192.168.15.0/24 ! -o v-net-0 -j MASQUERADE
iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 192.168.15.2:80
iptables-save > /tmp/rules.v4; echo $?
grep -v '^#' /tmp/rules.v4
iptables-save -t filter | grep -v '^#'
iptables-save -c -t nat | grep -v '^#'
iptables -F; iptables -X; iptables -P FORWARD ACCEPT; iptables -t nat -F
iptables -S
iptables-restore < /tmp/rules.v4; echo $?
iptables -S
iptables -t nat -S
iptables-restore -T nat < /tmp/rules.v4; echo $?
iptables -t nat -S
printf '*filter\n-A INPUT -s 1.2.3.4 -j DROP\nCOMMIT\n' | iptables-restore --noflush; echo $?
iptables -S INPUT
printf '*filter\n-A INPUT -s 5.6.7.8 -j DROP\nCOMMIT\n' | iptables-restore; echo $?
iptables -S
printf '*filter\n-A INPUT -j NOSUCH\nCOMMIT\n' | iptables-restore; echo $?
printf '*filter\n-A INPUT -s 1.1.1.1 -j DROP\n' | iptables-restore; echo $?
printf '*bogus\nCOMMIT\n' | iptables-restore; echo $?
iptables-restore --test < /tmp/rules.v4; echo $?
iptables -S
iptables-save | grep -c '^-A'
