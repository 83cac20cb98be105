# CNI bridge options: a layer-2-only config without ipam, hairpinMode, promiscMode, isDefaultGateway, mtu
ip netns add a
ip netns add b
echo '{"cniVersion":"1.0.0","name":"l2","type":"bridge","bridge":"br-l2","hairpinMode":true,"promiscMode":true}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"l2","type":"bridge","bridge":"br-l2","hairpinMode":true,"mtu":1400}' > /tmp/l2.json
env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/l2.json | sed -E 's/veth[0-9a-f]{8}/vethXXXXXXXX/g'; echo " rc=$?"
ip -d link show br-l2 | head -2 | sed -E 's/bridge_id [^ ]+//; s/designated_root [^ ]+//'
ip link show br-l2
bridge -d link show | sed -E 's/veth[0-9a-f]{8}/vethXXXXXXXX/g' | grep -o 'hairpin [a-z]*'
ip netns exec a ip -br addr
ip netns exec a ip link show eth0
ip -br addr show br-l2
sysctl net.ipv4.ip_forward
env CNI_COMMAND=DEL CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/l2.json; echo "rc=$?"
ip -br link show br-l2
echo '{"cniVersion":"1.0.0","name":"pr","type":"bridge","bridge":"br-pr","promiscMode":true}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c5 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth5 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge | jq -c '.interfaces|length'
ip -d link show br-pr | grep -o 'promiscuity [0-9]*'
ip link show br-pr
echo '{"cniVersion":"1.0.0","name":"gw","type":"bridge","bridge":"br-gw","isDefaultGateway":true,"ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.60.0.0/24"}}' > /tmp/gw.json
env CNI_COMMAND=ADD CNI_CONTAINERID=c2 CNI_NETNS=/var/run/netns/b CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/gw.json | jq -c '.ips,.routes'
ip netns exec b ip route
ip -br addr show br-gw
sysctl net.ipv4.ip_forward
echo '{"cniVersion":"1.0.0","name":"gw2","type":"bridge","bridge":"br-gw","isGateway":true,"ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.61.0.0/24"}}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c3 CNI_NETNS=/var/run/netns/b CNI_IFNAME=eth1 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge | jq -c '.ips,.msg'
ip -br addr show br-gw
ip link add dummyish type veth peer name dp && echo '{"cniVersion":"1.0.0","name":"x","type":"bridge","bridge":"dummyish"}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c4 CNI_NETNS=/var/run/netns/b CNI_IFNAME=eth2 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge; echo " rc=$?"
