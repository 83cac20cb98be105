# CNI odds and ends: 0.2.0 results, ptp with ipMasq, portmap on a host address and without SNAT, invalid network names, CNI_ARGS
ip netns add a
ip netns add b
echo '{"cniVersion":"0.2.0","name":"old","type":"x","ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.70.0.0/24","routes":[{"dst":"0.0.0.0/0"}]}}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local; echo " rc=$?"
echo '{"cniVersion":"0.2.0","name":"old2","type":"bridge","bridge":"br2","isGateway":true,"ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.71.0.0/24"}}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge | sed -E 's/veth[0-9a-f]{8}/vethXXXXXXXX/g'; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"pm","type":"ptp","ipMasq":true,"ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.72.0.0/24"}}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c2 CNI_NETNS=/var/run/netns/b CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/ptp | jq -c .ips
iptables -t nat -S | sed -E 's/veth[0-9a-f]{8}/vethXXXXXXXX/g'
echo '{"cniVersion":"1.0.0","name":"pm","type":"ptp","ipMasq":true,"ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.72.0.0/24"}}' | env CNI_COMMAND=DEL CNI_CONTAINERID=c2 CNI_NETNS=/var/run/netns/b CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/ptp; echo "rc=$?"
iptables -t nat -S
echo '{"cniVersion":"1.0.0","name":"hp","type":"portmap","snat":false,"runtimeConfig":{"portMappings":[{"hostPort":9090,"containerPort":90,"protocol":"tcp","hostIP":"192.0.2.7"}]},"prevResult":{"cniVersion":"1.0.0","ips":[{"address":"10.73.0.5/24"}]}}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c9 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/portmap | jq -c .; echo "rc=$?"
iptables -t nat -S
echo '{"cniVersion":"1.0.0","name":"bad name!","type":"loopback"}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=lo CNI_PATH=/usr/lib/cni /usr/lib/cni/loopback; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"lo","type":"loopback"}' | env CNI_COMMAND=ADD CNI_ARGS='IgnoreUnknown=1;K8S_POD_NAME=x' CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=lo CNI_PATH=/usr/lib/cni /usr/lib/cni/loopback | jq -c .ips; echo "rc=$?"
echo '{"cniVersion":"1.0.0","name":"n","type":"x","ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.74.0.0/24"}}' | env CNI_COMMAND=ADD CNI_ARGS='IP=10.74.0.50' CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"n2","type":"x","ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.75.0.0/24"}}' | env CNI_COMMAND=ADD CNI_ARGS='FOO=bar' CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local; echo " rc=$?"
