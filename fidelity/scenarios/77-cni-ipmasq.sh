# CNI bridge with ipMasq: the CNI-<hash> nat chain, masquerade applied to traffic leaving the node, removed on DEL
ip netns add a
ip netns add out
ip link add vout type veth peer name eth0 netns out
ip addr add 203.0.113.1/24 dev vout && ip link set vout up
ip netns exec out ip addr add 203.0.113.2/24 dev eth0
ip netns exec out ip link set eth0 up
mkdir -p /tmp/c && echo '{"cniVersion":"1.0.0","name":"masqnet","type":"bridge","bridge":"cni0","isGateway":true,"ipMasq":true,"ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.88.0.0/16","routes":[{"dst":"0.0.0.0/0"}]}}' > /tmp/c/br.json
env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/br.json | jq -c .ips
iptables-save -t nat | grep -v '^#'
iptables -t nat -S
ip netns exec a ping -c 1 -W 1 203.0.113.2 | head -2
conntrack -L -p icmp 2>/dev/null
iptables -t nat -L POSTROUTING -nv
ip netns exec a ping -c 1 -W 1 10.88.0.1 | head -2
env CNI_COMMAND=DEL CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/br.json; echo "rc=$?"
iptables-save -t nat | grep -v '^#'
