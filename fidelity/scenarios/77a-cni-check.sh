# CNI CHECK on bridge, ptp and portmap: a good prevResult, none, a wrong address, a missing interface, a missing bridge, a wrong route
ip netns add a
mkdir -p /tmp/c && echo '{"cniVersion":"1.0.0","name":"chk","type":"bridge","bridge":"cni0","isGateway":true,"ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.40.0.0/24","routes":[{"dst":"0.0.0.0/0"}]}}' > /tmp/c/br.json
env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/br.json > /tmp/c/res.json; echo "rc=$?"
jq -s '.[0] + {prevResult: .[1]}' /tmp/c/br.json /tmp/c/res.json > /tmp/c/ok.json
env CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/ok.json; echo "rc=$?"
env CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/br.json; echo " rc=$?"
jq '.prevResult.ips[0].address = "10.40.0.99/24"' /tmp/c/ok.json | env CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge; echo " rc=$?"
jq '.prevResult.routes = [{"dst":"192.0.2.0/24"}]' /tmp/c/ok.json | env CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge; echo " rc=$?"
jq '.bridge = "br-none"' /tmp/c/ok.json | env CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge; echo " rc=$?"
env CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth7 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/ok.json; echo " rc=$?"
jq '.cniVersion = "0.3.1"' /tmp/c/ok.json | env CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge; echo " rc=$?"
ip netns exec a ip addr flush dev eth0
env CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/ok.json; echo " rc=$?"
jq -c '{cniVersion:"1.0.0",name:"chk",type:"portmap",prevResult:.}' /tmp/c/res.json | env CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/portmap; echo "rc=$?"
echo '{"cniVersion":"1.0.0","name":"chk","type":"portmap"}' | env CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/portmap; echo " rc=$?"
