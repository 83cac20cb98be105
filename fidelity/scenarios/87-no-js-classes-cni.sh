# Character classes and ranges a learner can mistype (tr, case patterns), and CNI plugins given configurations that are not objects
tr '[:constructor:]' x
tr -d '[:bogus:]' < /etc/hostname
tr '[:lower:]' '[:upper:]' < /etc/hostname
case t in [t-f]) echo y;; *) echo n;; esac
case a in [[:constructor:]]) echo y;; *) echo n;; esac
case b in [[:alpha:]]) echo y;; *) echo n;; esac
echo null | CNI_COMMAND=ADD CNI_CONTAINERID=x CNI_NETNS=/run/netns/x CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin /usr/lib/cni/bridge | grep -v cniVersion
printf '' | CNI_COMMAND=ADD CNI_CONTAINERID=x CNI_NETNS=/run/netns/x CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin /usr/lib/cni/host-local | grep -v cniVersion
echo '{x' | CNI_COMMAND=ADD CNI_CONTAINERID=x CNI_NETNS=/run/netns/x CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin /usr/lib/cni/portmap | grep -v cniVersion
echo '{}x' | CNI_COMMAND=ADD CNI_CONTAINERID=x CNI_NETNS=/run/netns/x CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin /usr/lib/cni/loopback | grep -v cniVersion
echo '[]' | CNI_COMMAND=ADD CNI_CONTAINERID=x CNI_NETNS=/run/netns/x CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin /usr/lib/cni/bridge | grep -v cniVersion
echo true | CNI_COMMAND=ADD CNI_CONTAINERID=x CNI_NETNS=/run/netns/x CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin /usr/lib/cni/bridge | grep -v cniVersion
