# CNI bridge/host-local/loopback with malformed and invalid network configurations: Go's JSON errors, code/msg/details only
ip netns add a
echo '{bad' | CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge; echo " rc=$?"
CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge </dev/null; echo " rc=$?"
echo '[1,2]' | CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"n","type":"bridge","mtu":"big"}' | CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge; echo " rc=$?"
echo '{"cniVersion":"7.0.0","name":"n","type":"bridge"}' | CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge; echo " rc=$?"
echo '{"cniVersion":"1.0.0","type":"bridge"}' | CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"n","type":"host-local"}' | CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"n","type":"x","ipam":{"type":"host-local","dataDir":"/run/cni"}}' | CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"n","type":"x","ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.1.2.0/33"}}' | CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"n","type":"x","ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.1.2.0/24","rangeStart":"10.1.3.5"}}' | CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"n","type":"x","ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.1.2.0/24","gateway":"10.9.9.9"}}' | CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/host-local; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"n","type":"bridge","ipam":{"type":"nosuch"}}' | CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"n","type":"bridge","ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.1.2.0/24"}}' | CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/nope CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"n","type":"loopback"}' | CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/tmp CNI_IFNAME=lo CNI_PATH=/usr/lib/cni /usr/lib/cni/loopback; echo " rc=$?"
ip -br link | sed -E 's/veth[0-9a-f]{8}/vethXXXXXXXX/g'
ls /run
