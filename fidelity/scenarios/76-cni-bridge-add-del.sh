# CNI bridge + host-local: ADD a container, its addresses, routes and lease files, CHECK, DEL (the bridge and forwarding stay)
ip netns add a
mkdir -p /tmp/c && echo '{"cniVersion":"1.0.0","name":"mynet","type":"bridge","bridge":"cni0","isGateway":true,"ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.22.0.0/24","routes":[{"dst":"0.0.0.0/0"}]}}' > /tmp/c/br.json
sysctl net.ipv4.ip_forward
env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/br.json > /tmp/c/res.json; echo "rc=$?"
sed -E 's/veth[0-9a-f]{8}/vethXXXXXXXX/g' /tmp/c/res.json
sysctl net.ipv4.ip_forward
ip -br addr show cni0
ip link show type veth | sed -E 's/veth[0-9a-f]{8}/vethXXXXXXXX/g'
ip netns exec a ip -br addr
ip netns exec a ip route
ip route
ls -a /run/cni/mynet
stat -c '%a %s %n' /run/cni/mynet/*
cat -A /run/cni/mynet/10.22.0.2; echo
cat /run/cni/mynet/last_reserved_ip.0; echo
ip netns exec a ping -c 1 -W 1 10.22.0.1 | head -2
jq -s '.[0] + {prevResult: .[1]}' /tmp/c/br.json /tmp/c/res.json > /tmp/c/chk.json
env CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/chk.json; echo "rc=$?"
env CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local < /tmp/c/chk.json; echo "rc=$?"
env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/br.json; echo " rc=$?"
env CNI_COMMAND=DEL CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/br.json; echo "rc=$?"
env CNI_COMMAND=DEL CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/br.json; echo "rc=$?"
sleep 1; ip -br link | sed -E 's/veth[0-9a-f]{8}/vethXXXXXXXX/g'
ip netns exec a ip -br link
ls -a /run/cni/mynet
sysctl net.ipv4.ip_forward
env CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/chk.json; echo " rc=$?"
