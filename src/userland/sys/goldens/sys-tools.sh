# hostname, mount --bind of namespace files, umount, nsenter, unshare
hostname
hostname -s
hostname -f
hostname -i
hostname -I
hostname -d
hostname a b
ip link add v1 type veth peer name v1p
ip addr add 10.5.0.1/24 dev v1
ip link set v1 up
hostname -I
ip link set v1p up
hostname -I
hostname newname
hostname
cat /etc/hostname
hostname -f
ip netns add red
ip -n red link set lo up
mount --bind /proc/1/ns/net /run/netns/red2
touch /run/netns/blue
mount --bind /run/netns/red /run/netns/blue
ip netns
ip -n blue -br link
umount /run/netns/blue
ip netns
umount /run/netns/blue
umount /nosuch
nsenter --net=/run/netns/red ip -br link
nsenter --net=/run/netns/nosuch ip link
nsenter -t 1 -n ip -br link show lo
nsenter --target 1 --net hostname
nsenter -t 99999 -n true
nsenter --net=/etc/hosts true
unshare --net ip -br link
unshare -n sysctl net.ipv4.ip_forward
umount /run/netns/red
ip netns
