# DNS resolver details: search domains and ndots, domain vs search, CNAME chains, record types, reverse lookups, malformed resolv.conf and hosts lines, refused and timed-out servers
ip netns add dns
ip link add veth-dns type veth peer name eth0 netns dns
ip addr add 192.168.1.5/24 dev veth-dns
ip link set veth-dns up
ip -n dns addr add 192.168.1.100/24 dev eth0
ip -n dns addr add 192.168.1.101/24 dev eth0
ip -n dns link set eth0 up
ip -n dns link set lo up
ip netns exec dns iptables -A INPUT -d 192.168.1.101 -j DROP
ip netns exec dns dnsmasq --user=root --no-resolv --no-hosts --listen-address=192.168.1.100 --bind-interfaces --local=/mycompany.com/ --host-record=web.mycompany.com,192.168.1.100 --host-record=db.mycompany.com,192.168.1.11 --host-record=a.b.mycompany.com,192.168.1.12 --host-record=v6.mycompany.com,2001:db8::10 --cname=www.mycompany.com,web.mycompany.com --cname=w3.mycompany.com,www.mycompany.com --mx-host=mycompany.com,mail.mycompany.com,10 --txt-record=mycompany.com,"v=spf1 -all" --address=/apps.test/192.168.1.100 --pid-file=/run/dnsmasq-dns.pid
getent hosts web.mycompany.com
echo "nameserver 192.168.1.100" > /etc/resolv.conf
getent hosts w3.mycompany.com
getent ahosts w3.mycompany.com
getent ahostsv4 web.mycompany.com
getent hosts v6.mycompany.com
getent ahosts v6.mycompany.com
getent hosts 192.168.1.11
getent hosts 192.168.1.99
getent hosts web.mycompany.com db.mycompany.com nosuch
getent hosts web
ping -c 1 -W 1 web
ping -c 1 -W 1 www.mycompany.com
ping -c 1 -W 1 -n web.mycompany.com
ping -c 1 -W 1 nosuch.mycompany.com
ping -c 1 -W 1 shop.apps.test
dig +short w3.mycompany.com
dig +short v6.mycompany.com AAAA
dig +short -x 192.168.1.11
dig +short shop.apps.test
dig +noall +answer w3.mycompany.com
dig +nocmd w3.mycompany.com
dig +nocmd web.mycompany.com AAAA
dig +nocmd mycompany.com MX
dig +nocmd -x 192.168.1.100
dig +nocmd -x 192.168.1.99
dig +nocmd example.org
dig +nocmd +nostats db.mycompany.com
dig +nocmd +nocomments db.mycompany.com
dig +short web.mycompany.com db.mycompany.com
nslookup w3.mycompany.com
nslookup v6.mycompany.com
nslookup -type=mx mycompany.com
nslookup -type=txt mycompany.com
nslookup -type=ns mycompany.com
nslookup -type=cname www.mycompany.com
nslookup 192.168.1.100
nslookup example.org
nslookup db.mycompany.com 192.168.1.100
host w3.mycompany.com
host v6.mycompany.com
host -t TXT mycompany.com
host -t AAAA web.mycompany.com
host -t MX mycompany.com
host 192.168.1.11
host 192.168.1.99
host example.org
host db.mycompany.com 192.168.1.100
printf "nameserver 192.168.1.100\nsearch mycompany.com\n" > /etc/resolv.conf
getent hosts a.b
getent hosts b
getent ahosts db
dig +short db
dig +short db +search
dig +short a.b +search
host db
nslookup db
printf "nameserver 192.168.1.100\nsearch mycompany.com\noptions ndots:2\n" > /etc/resolv.conf
getent hosts a.b
getent hosts www
printf "nameserver 192.168.1.100\ndomain mycompany.com\n" > /etc/resolv.conf
getent hosts db
printf "search mycompany.com\nnameserver 192.168.1.100\ndomain other.com\n" > /etc/resolv.conf
getent hosts db
printf "nameserver 192.168.1.100\nsearch other.com\nsearch mycompany.com\n" > /etc/resolv.conf
getent hosts db
printf "nameserver\t192.168.1.100\nsearch\tmycompany.com\n" > /etc/resolv.conf
getent hosts db
printf "nameserver 999.1.1.1\nnameserver: 10.0.0.1\nnameserver 192.168.1.100 # main\nsearch mycompany.com\n" > /etc/resolv.conf
getent hosts db
printf "  nameserver 192.168.1.100\n" > /etc/resolv.conf
getent hosts db.mycompany.com
printf "nameserver 10.1.1.1\nnameserver 192.168.1.100\n" > /etc/resolv.conf
getent hosts db.mycompany.com
dig +short db.mycompany.com
printf "192.168.1.200\n300.1.1.1 bad\n192.168.1.201 good # comment\n  192.168.1.202\tindent\n192.168.1.203 multi alias1 alias2\n192.168.1.11 db.mycompany.com\n" >> /etc/hosts
getent hosts bad
getent hosts good
getent hosts indent
getent hosts alias2
getent hosts 192.168.1.203
getent ahosts multi
echo "nameserver 192.168.1.100" > /etc/resolv.conf
getent hosts db.mycompany.com
nslookup good
dig +short good
host good
printf "" > /etc/resolv.conf
getent hosts web.mycompany.com
ping -c 1 -W 1 web.mycompany.com
nslookup web.mycompany.com
dig +short web.mycompany.com
host web.mycompany.com
echo "nameserver 192.168.1.5" > /etc/resolv.conf
getent hosts web.mycompany.com
ping -c 1 -W 1 web.mycompany.com
dig +short web.mycompany.com
nslookup web.mycompany.com
host web.mycompany.com
printf "nameserver 192.168.1.101\noptions timeout:1 attempts:1\n" > /etc/resolv.conf
getent hosts web.mycompany.com
ping -c 1 -W 1 web.mycompany.com
dig +nocmd +time=1 +tries=2 web.mycompany.com
nslookup -timeout=1 -retry=1 web.mycompany.com
host -W 1 web.mycompany.com
dig +short @192.168.1.100 web.mycompany.com
dig @10.9.9.9 web.mycompany.com
