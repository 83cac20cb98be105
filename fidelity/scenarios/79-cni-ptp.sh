# CNI ptp plugin with host-local: a veth pair without a bridge, /32 host route, container routes via the host-side address
ip netns add a
mkdir -p /tmp/c && echo '{"cniVersion":"1.0.0","name":"p2p","type":"ptp","ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.50.0.0/24"}}' > /tmp/c/ptp.json
env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/ptp < /tmp/c/ptp.json | sed -E 's/veth[0-9a-f]{8}/vethXXXXXXXX/g'; echo " rc=$?"
ip -br addr | sed -E 's/veth[0-9a-f]{8}/vethXXXXXXXX/g'
ip route | sed -E 's/veth[0-9a-f]{8}/vethXXXXXXXX/g'
ip netns exec a ip route
ip netns exec a ip -br addr
sysctl net.ipv4.ip_forward
ip netns exec a ping -c 1 -W 1 10.50.0.1 | head -2
env CNI_COMMAND=DEL CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/ptp < /tmp/c/ptp.json; echo "rc=$?"
ip -br link
ip route
echo '{"cniVersion":"1.0.0","name":"p2p","type":"ptp"}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/ptp; echo " rc=$?"
