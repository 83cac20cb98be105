# CNI portmap chained after bridge: runtimeConfig.portMappings become CNI-HOSTPORT-* and CNI-DN-* nat rules; DEL removes them
ip netns add a
mkdir -p /tmp/c && echo '{"cniVersion":"1.0.0","name":"pmnet","type":"bridge","bridge":"cni0","isGateway":true,"ipam":{"type":"host-local","dataDir":"/run/cni","subnet":"10.99.0.0/24"}}' > /tmp/c/br.json
env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < /tmp/c/br.json > /tmp/c/res.json; echo "rc=$?"
jq -c -s '{cniVersion:"1.0.0",name:"pmnet",type:"portmap",capabilities:{portMappings:true},runtimeConfig:{portMappings:[{hostPort:8080,containerPort:80,protocol:"tcp"},{hostPort:5353,containerPort:53,protocol:"udp"}]},prevResult:.[0]}' /tmp/c/res.json > /tmp/c/pm.json
env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/portmap < /tmp/c/pm.json | jq -c .ips; echo "rc=$?"
iptables-save -t nat | grep -v '^#'
iptables -t nat -S CNI-HOSTPORT-DNAT
ip netns exec a ip link set lo up
ip netns exec a sh -c 'echo hello | nc -l -p 80 -q 0 > /tmp/c/got.txt 2>&1 &'; sleep 0.5; ss -ltn -N a 2>/dev/null | tail -n +2
echo hi | nc -q 1 -w 2 10.99.0.1 8080; echo "rc=$?"
cat /tmp/c/got.txt
iptables -t nat -L CNI-HOSTPORT-DNAT -nv
env CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/portmap < /tmp/c/pm.json; echo "rc=$?"
env CNI_COMMAND=DEL CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/portmap < /tmp/c/pm.json; echo "rc=$?"
iptables-save -t nat | grep -v '^#'
env CNI_COMMAND=DEL CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/portmap < /tmp/c/pm.json; echo "rc=$?"
echo '{"cniVersion":"1.0.0","name":"pmnet","type":"portmap"}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/portmap; echo " rc=$?"
echo '{"cniVersion":"1.0.0","name":"pmnet","type":"portmap","runtimeConfig":{"portMappings":[{"hostPort":80,"containerPort":80}]},"prevResult":{"cniVersion":"1.0.0","ips":[{"address":"10.99.0.7/24"}]}}' | env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/a CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/portmap; echo " rc=$?"
iptables -t nat -S | sed -E 's/veth[0-9a-f]{8}/vethXXXXXXXX/g'
