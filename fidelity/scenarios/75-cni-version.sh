# CNI plugins (Debian containernetworking-plugins in /usr/lib/cni): listing, about text, VERSION, protocol errors
ls /usr/lib/cni
/usr/lib/cni/bridge
/usr/lib/cni/host-local
/usr/lib/cni/loopback; echo "rc=$?"
/usr/lib/cni/portmap 2>&1 | cat
/usr/lib/cni/ptp 2>/dev/null; echo "rc=$?"
CNI_COMMAND=VERSION /usr/lib/cni/bridge
CNI_COMMAND=VERSION /usr/lib/cni/host-local </dev/null
echo '{"cniVersion":"0.3.1"}' | CNI_COMMAND=VERSION /usr/lib/cni/loopback
echo '{"cniVersion":"0.4.0","name":"x","type":"portmap"}' | CNI_COMMAND=VERSION /usr/lib/cni/portmap
echo '{"cniVersion":"9.9.9"}' | CNI_COMMAND=VERSION /usr/lib/cni/ptp
echo 'junk' | CNI_COMMAND=VERSION /usr/lib/cni/bridge
CNI_COMMAND=VERSION /usr/lib/cni/bridge | wc -c
CNI_COMMAND=FOO /usr/lib/cni/bridge; echo " rc=$?"
CNI_COMMAND=ADD /usr/lib/cni/bridge; echo " rc=$?"
CNI_COMMAND=DEL CNI_CONTAINERID=c1 /usr/lib/cni/host-local; echo " rc=$?"
CNI_COMMAND=CHECK CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/x CNI_IFNAME=eth0 /usr/lib/cni/loopback; echo " rc=$?"
env CNI_COMMAND=ADD CNI_CONTAINERID=c1 CNI_NETNS=/var/run/netns/x CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/ptp < /dev/null | wc -c
