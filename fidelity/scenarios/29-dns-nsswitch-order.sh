# Lookup order and name forms: nsswitch.conf hosts line, /etc/hosts vs DNS, several hosts lines for one name, trailing dots, LOCALDOMAIN and RES_OPTIONS
ip netns add dns
ip link add veth-dns type veth peer name eth0 netns dns
ip addr add 192.168.1.5/24 dev veth-dns
ip link set veth-dns up
ip -n dns addr add 192.168.1.100/24 dev eth0
ip -n dns link set eth0 up
ip netns exec dns dnsmasq --user=root --no-resolv --no-hosts --listen-address=192.168.1.100 --bind-interfaces --local=/mycompany.com/ --host-record=web.mycompany.com,192.168.1.100 --host-record=db.mycompany.com,192.168.1.11 --host-record=a.b.mycompany.com,192.168.1.12 --pid-file=/run/dnsmasq-dns.pid
echo "nameserver 192.168.1.100" > /etc/resolv.conf
echo "10.9.9.9 web.mycompany.com" >> /etc/hosts
getent hosts web.mycompany.com
getent ahostsv4 web.mycompany.com
dig +short web.mycompany.com
nslookup web.mycompany.com
printf "hosts:          dns files\n" > /etc/nsswitch.conf
getent hosts web.mycompany.com
getent hosts localhost
printf "hosts:          files [NOTFOUND=return] dns\n" > /etc/nsswitch.conf
getent hosts db.mycompany.com
ping -c 1 -W 1 db.mycompany.com
getent hosts web.mycompany.com
printf "hosts:          files\n" > /etc/nsswitch.conf
getent hosts db.mycompany.com
ping -c 1 -W 1 db.mycompany.com
printf "hosts:          files dns\n" > /etc/nsswitch.conf
getent hosts db.mycompany.com
echo "10.9.9.8 web.mycompany.com www" >> /etc/hosts
getent hosts web.mycompany.com
getent ahosts web.mycompany.com
getent hosts www
getent hosts 10.9.9.8
echo "2001:db8::5 web6" >> /etc/hosts
getent hosts web6
getent ahosts web6
getent ahostsv4 web6
getent hosts 2001:db8::5
getent hosts db.mycompany.com.
getent hosts db.
LOCALDOMAIN=mycompany.com getent hosts db
RES_OPTIONS=ndots:2 LOCALDOMAIN=mycompany.com getent hosts a.b
dig +short db.mycompany.com.
host db.mycompany.com.
nslookup db.mycompany.com.
getent hosts DB.MyCompany.COM
dig +short DB.MyCompany.COM
getent services domain
getent protocols udp
getent nosuchdb foo
