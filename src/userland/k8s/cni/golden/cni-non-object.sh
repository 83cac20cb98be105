# CNI plugins (containernetworking-plugins in /usr/lib/cni on Debian 12) given configurations that are not JSON objects; cniVersion lines dropped
echo null | CNI_COMMAND=ADD CNI_CONTAINERID=x CNI_NETNS=/run/netns/x CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin /usr/lib/cni/bridge | grep -v cniVersion
printf '' | CNI_COMMAND=ADD CNI_CONTAINERID=x CNI_NETNS=/run/netns/x CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin /usr/lib/cni/host-local | grep -v cniVersion
echo '{x' | CNI_COMMAND=ADD CNI_CONTAINERID=x CNI_NETNS=/run/netns/x CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin /usr/lib/cni/portmap | grep -v cniVersion
echo '{}x' | CNI_COMMAND=ADD CNI_CONTAINERID=x CNI_NETNS=/run/netns/x CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin /usr/lib/cni/loopback | grep -v cniVersion
echo '[]' | CNI_COMMAND=ADD CNI_CONTAINERID=x CNI_NETNS=/run/netns/x CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin /usr/lib/cni/bridge | grep -v cniVersion
echo true | CNI_COMMAND=ADD CNI_CONTAINERID=x CNI_NETNS=/run/netns/x CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin /usr/lib/cni/bridge | grep -v cniVersion
