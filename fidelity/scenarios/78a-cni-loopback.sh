# CNI loopback plugin: ADD brings lo up in the namespace, CHECK, DEL brings it down
ip netns add a
ip netns exec a ip -br link
echo '{"cniVersion":"1.0.0","name":"lo","type":"loopback"}' > /tmp/lo.json
env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=lo CNI_PATH=/usr/lib/cni /usr/lib/cni/loopback < /tmp/lo.json; echo " rc=$?"
ip netns exec a ip -br addr
ip netns exec a ping -c 1 -W 1 127.0.0.1 | head -2
env CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=lo CNI_PATH=/usr/lib/cni /usr/lib/cni/loopback < /tmp/lo.json; echo " rc=$?"
echo '{"cniVersion":"0.3.1","name":"lo","type":"loopback"}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=lo CNI_PATH=/usr/lib/cni /usr/lib/cni/loopback; echo " rc=$?"
echo '{"cniVersion":"0.2.0","name":"lo","type":"loopback"}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=lo CNI_PATH=/usr/lib/cni /usr/lib/cni/loopback; echo " rc=$?"
env CNI_COMMAND=DEL CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=lo CNI_PATH=/usr/lib/cni /usr/lib/cni/loopback < /tmp/lo.json; echo " rc=$?"
ip netns exec a ip -br link
env CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=lo CNI_PATH=/usr/lib/cni /usr/lib/cni/loopback < /tmp/lo.json; echo " rc=$?"
env CNI_COMMAND=DEL CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/gone CNI_IFNAME=lo CNI_PATH=/usr/lib/cni /usr/lib/cni/loopback < /tmp/lo.json; echo " rc=$?"
env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/gone CNI_IFNAME=lo CNI_PATH=/usr/lib/cni /usr/lib/cni/loopback < /tmp/lo.json; echo " rc=$?"
