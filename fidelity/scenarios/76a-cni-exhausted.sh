# CNI bridge with a /30 range: the second container exhausts it; the veth created before IPAM failed stays behind
ip netns add a
ip netns add b
ip netns add c
mkdir -p /tmp/c && echo '{"cniVersion":"0.4.0","name":"tiny","type":"bridge","bridge":"br9","isGateway":true,"ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.30.0.0/30"}}' > /tmp/c/br.json
env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/br.json | sed -E 's/veth[0-9a-f]{8}/vethXXXXXXXX/g'; echo " rc=$?"
env CNI_COMMAND=ADD CNI_CONTAINERID=c2 CNI_NETNS=/var/run/netns/b CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/br.json; echo " rc=$?"
ip -br link | sed -E 's/veth[0-9a-f]{8}/vethXXXXXXXX/g'
ip netns exec b ip -br link
ip -o link show master br9 | wc -l
ls /run/cni/tiny
env CNI_COMMAND=DEL CNI_CONTAINERID=c2 CNI_NETNS=/var/run/netns/b CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/br.json; echo "rc=$?"
ip netns exec b ip -br link
env CNI_COMMAND=ADD CNI_CONTAINERID=c3 CNI_NETNS=/var/run/netns/c CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/br.json; echo " rc=$?"
env CNI_COMMAND=DEL CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/br.json; echo "rc=$?"
env CNI_COMMAND=ADD CNI_CONTAINERID=c3 CNI_NETNS=/var/run/netns/c CNI_IFNAME=eth1 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/br.json | jq -c .ips; echo " rc=$?"
ls /run/cni/tiny
cat /run/cni/tiny/last_reserved_ip.0; echo
ip netns exec c ip -br addr
