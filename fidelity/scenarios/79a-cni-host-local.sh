# CNI host-local IPAM on its own: ranges with rangeStart/rangeEnd, two range sets, round-robin after a release, duplicates, exhaustion
ip netns add a
echo '{"cniVersion":"1.0.0","name":"pool","type":"x","ipam":{"type":"host-local","dataDir":"/run/cni","ranges":[[{"subnet":"10.7.0.0/24","rangeStart":"10.7.0.10","rangeEnd":"10.7.0.12"}],[{"subnet":"192.0.2.0/28","gateway":"192.0.2.14"}]],"routes":[{"dst":"0.0.0.0/0"},{"dst":"198.51.100.0/24","gw":"10.7.0.1"}]}}' > /tmp/p.json
env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_IFNAME=eth0 CNI_NETNS=/var/run/netns/a CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local < /tmp/p.json; echo " rc=$?"
env CNI_COMMAND=ADD CNI_CONTAINERID=c2 CNI_IFNAME=eth0 CNI_NETNS=/var/run/netns/a CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local < /tmp/p.json | jq -c .ips
env CNI_COMMAND=ADD CNI_CONTAINERID=c2 CNI_IFNAME=eth0 CNI_NETNS=/var/run/netns/a CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local < /tmp/p.json; echo " rc=$?"
env CNI_COMMAND=ADD CNI_CONTAINERID=c2 CNI_IFNAME=eth1 CNI_NETNS=/var/run/netns/a CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local < /tmp/p.json | jq -c .ips
env CNI_COMMAND=ADD CNI_CONTAINERID=c4 CNI_IFNAME=eth0 CNI_NETNS=/var/run/netns/a CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local < /tmp/p.json; echo " rc=$?"
ls /run/cni/pool
cat /run/cni/pool/last_reserved_ip.0 /run/cni/pool/last_reserved_ip.1; echo
env CNI_COMMAND=DEL CNI_CONTAINERID=c1 CNI_IFNAME=eth0 CNI_NETNS=/var/run/netns/a CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local < /tmp/p.json; echo "rc=$?"
env CNI_COMMAND=DEL CNI_CONTAINERID=c1 CNI_IFNAME=eth0 CNI_NETNS=/var/run/netns/a CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local < /tmp/p.json; echo "rc=$?"
env CNI_COMMAND=ADD CNI_CONTAINERID=c5 CNI_IFNAME=eth0 CNI_NETNS=/var/run/netns/a CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local < /tmp/p.json | jq -c .ips
ls /run/cni/pool
env CNI_COMMAND=CHECK CNI_CONTAINERID=c5 CNI_IFNAME=eth0 CNI_NETNS=/var/run/netns/a CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local < /tmp/p.json; echo "rc=$?"
env CNI_COMMAND=CHECK CNI_CONTAINERID=c9 CNI_IFNAME=eth0 CNI_NETNS=/var/run/netns/a CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local < /tmp/p.json; echo " rc=$?"
echo '{"cniVersion":"0.3.1","name":"old","type":"x","ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.8.0.0/29","rangeStart":"10.8.0.5"}}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_IFNAME=eth0 CNI_NETNS=/var/run/netns/a CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"bad","type":"x","ipam":{"type":"host-local","dataDir":"/run/cni","ranges":[[{"subnet":"10.9.0.0/24"}],[{"subnet":"10.9.0.0/25"}]]}}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_IFNAME=eth0 CNI_NETNS=/var/run/netns/a CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"bad","type":"x","ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.9.0.0/31"}}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_IFNAME=eth0 CNI_NETNS=/var/run/netns/a CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"bad","type":"x","ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.9.0.0/24","rangeStart":"10.9.0.200","rangeEnd":"10.9.0.100"}}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_IFNAME=eth0 CNI_NETNS=/var/run/netns/a CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local; echo " rc=$?"
