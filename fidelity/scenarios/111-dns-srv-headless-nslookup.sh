# A headless Service's shape in DNS (one SRV per endpoint, weight shared, endpoint names), read with dig, host and nslookup
ip netns add dns
ip link add veth-dns type veth peer name eth0 netns dns
ip addr add 192.168.1.5/24 dev veth-dns
ip link set veth-dns up
ip -n dns addr add 192.168.1.100/24 dev eth0
ip -n dns link set eth0 up
ip -n dns link set lo up
ip netns exec dns dnsmasq --user=root --no-resolv --no-hosts --listen-address=192.168.1.100 --bind-interfaces --local=/cluster.local/ --host-record=db.default.svc.cluster.local,10.244.1.5 --host-record=db.default.svc.cluster.local,10.244.2.7 --host-record=10-244-1-5.db.default.svc.cluster.local,10.244.1.5 --host-record=10-244-2-7.db.default.svc.cluster.local,10.244.2.7 --srv-host=_pg._tcp.db.default.svc.cluster.local,10-244-1-5.db.default.svc.cluster.local,5432,0,50 --srv-host=_pg._tcp.db.default.svc.cluster.local,10-244-2-7.db.default.svc.cluster.local,5432,0,50 --pid-file=/run/dnsmasq-dns.pid
dig @192.168.1.100 +short db.default.svc.cluster.local | sort
dig @192.168.1.100 +short SRV _pg._tcp.db.default.svc.cluster.local | sort
dig @192.168.1.100 +short 10-244-2-7.db.default.svc.cluster.local
dig @192.168.1.100 +noall +answer -x 10.244.2.7
dig @192.168.1.100 +short AAAA db.default.svc.cluster.local
dig +nocmd +noall +comments @192.168.1.100 AAAA db.default.svc.cluster.local
host -t SRV _pg._tcp.db.default.svc.cluster.local 192.168.1.100 | sort
host 10-244-1-5.db.default.svc.cluster.local 192.168.1.100
nslookup -type=SRV _pg._tcp.db.default.svc.cluster.local 192.168.1.100
nslookup 10.244.1.5 192.168.1.100
nslookup -type=TXT nosuch.default.svc.cluster.local 192.168.1.100
