# Network namespace ids: (id: N) in ip netns list, link-netnsid in ip link, list-id, set
ip netns add a
ip netns add b
ip netns list
ip link add v0 type veth peer name v1 netns a
ip netns list
ip link
ip link show v0
ip -d link show v0
ip -j link show v0
ip -n a link
ip netns list-id
ip -n a netns list-id
ip link add w0 netns b type veth peer name w1 netns a
ip netns list
ip -n a link show w1
ip -n b link show w0
ip -n a netns list-id
ip -n b netns list-id
ip netns add c
ip netns set c 7
ip netns list
ip netns set c 8
ip netns set b 7
ip netns set nosuch 3
ip netns list-id
ip link add x0 type veth peer name x1 netns c
ip link show x0
ip -br link
ip netns del a
ip netns list
sleep 2; ip link
ip netns list-id
ip netns del b
ip netns del c
ip netns list
ip netns list-id
ip link
