# dig's SRV, PTR, CNAME and TXT answers (the record types cluster DNS serves) from a name server in its own namespace (+nocmd: the recording host's dig is a newer Debian build than the kit's)
ip netns add dns
ip link add veth-dns type veth peer name eth0 netns dns
ip addr add 192.168.1.5/24 dev veth-dns
ip link set veth-dns up
ip -n dns addr add 192.168.1.100/24 dev eth0
ip -n dns link set eth0 up
ip -n dns link set lo up
ip netns exec dns dnsmasq --user=root --no-resolv --no-hosts --listen-address=192.168.1.100 --bind-interfaces --local=/cluster.local/ --host-record=web.default.svc.cluster.local,10.96.0.10 --host-record=10-244-1-5.db.default.svc.cluster.local,10.244.1.5 --srv-host=_http._tcp.web.default.svc.cluster.local,web.default.svc.cluster.local,80,0,100 --srv-host=_pg._tcp.db.default.svc.cluster.local,10-244-1-5.db.default.svc.cluster.local,5432,0,50 --cname=ext.default.svc.cluster.local,example.org --txt-record=dns-version.cluster.local,1.1.0 --ptr-record=20.0.96.10.in-addr.arpa,api.default.svc.cluster.local --pid-file=/run/dnsmasq-dns.pid
dig +nocmd @192.168.1.100 _http._tcp.web.default.svc.cluster.local SRV
dig @192.168.1.100 _http._tcp.web.default.svc.cluster.local SRV +short
dig @192.168.1.100 +noall +answer _pg._tcp.db.default.svc.cluster.local SRV
dig +nocmd @192.168.1.100 -x 10.96.0.10
dig @192.168.1.100 -x 10.96.0.10 +short
dig @192.168.1.100 -x 10.96.0.20 +short
dig +nocmd @192.168.1.100 20.0.96.10.in-addr.arpa PTR
dig +nocmd @192.168.1.100 ext.default.svc.cluster.local CNAME
dig @192.168.1.100 ext.default.svc.cluster.local CNAME +short
dig +nocmd @192.168.1.100 dns-version.cluster.local TXT
dig @192.168.1.100 dns-version.cluster.local TXT +short
dig @192.168.1.100 -t srv _http._tcp.web.default.svc.cluster.local +noall +answer +additional
dig +nocmd @192.168.1.100 nosuch.default.svc.cluster.local SRV
host -t SRV _http._tcp.web.default.svc.cluster.local 192.168.1.100
host 10.96.0.10 192.168.1.100
host -t TXT dns-version.cluster.local 192.168.1.100
