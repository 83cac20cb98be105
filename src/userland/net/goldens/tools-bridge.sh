# bridge (iproute2 6.1.0) and brctl (bridge-utils 1.7.1): ports, fdb, errors
brctl show
brctl
brctl addbr
brctl addbr br0
brctl addbr br0
brctl addbr lo
brctl show
brctl show br0
brctl show nosuch
brctl show br0 nosuch
ip link add p1 type veth peer name p1p
ip link add p2 type veth peer name p2p
brctl addif br0 p1
brctl addif br0 p1
brctl addif br0 p2 p1p
brctl addbr br1
brctl addif br1 p1
brctl addif br1 br0
brctl addif nosuch p2
brctl addif br0 lo
brctl show
bridge link
bridge link show dev p1
bridge link show p1
bridge link show dev p2p
bridge link show dev nosuch
bridge link foo
bridge link help
bridge
bridge foo
bridge -V
bridge -x
bridge -n nosuch link
bridge fdb show br br0 | grep -v 33:33 | grep -v 01:00:5e
brctl showmacs br0
brctl delif br1 p1
brctl delif br0 nosuch
brctl delif nosuch p1
brctl delif br0
ip link set br0 up
brctl delbr br0
brctl delbr nosuch
brctl delbr p1
brctl stp br0 on
brctl show br0
brctl stp br0 off
brctl stp br0 maybe
brctl stp nosuch on
brctl showmacs nosuch
brctl showstp br0 | head -8
brctl showstp nosuch
brctl foo
brctl setageing br0 x
brctl -V
ip link set p1 up
ip link set p1p up
bridge link show dev p1
bridge fdb add 02:00:00:00:99:99 dev p1 master static
bridge fdb add 02:00:00:00:99:99 dev p1 master static
bridge fdb add 02:00:00:00:99:98 dev p1 master
bridge fdb append 02:00:00:00:99:97 dev p1 master
bridge fdb replace 02:00:00:00:99:97 dev p1 master static
bridge fdb add 02:00:00:00:99:96 dev br0 master
bridge fdb add 02:00:00:00:99:95 dev p2p
bridge fdb add 02:00:00:00:99 dev p1
bridge fdb add 02:00:00:00:99:94
bridge fdb add 02:00:00:00:99:94 dev nosuch
bridge fdb add 02:00:00:00:99:94 dev p1 master dynamic
bridge fdb add 02:00:00:00:99:94 dev p1 aa
bridge fdb show dev p1 | grep 99
bridge fdb show dev p2p | grep 99
bridge fdb show br nosuch
bridge fdb show dev nosuch
bridge fdb show br p1
bridge fdb show dev
bridge fdb del 02:00:00:00:99:99 dev p1 master
bridge fdb del 02:00:00:00:99:99 dev p1 master
bridge fdb del 02:00:00:00:99:95 dev p2p
bridge fdb del 02:00:00:00:99:95 dev p2p
bridge fdb foo
bridge fdb help
bridge fdb show dev p2 | grep -c permanent
brctl delif br0 p1 p2 p1p
brctl show
ip link set br0 down
brctl delbr br0
brctl delbr br1
ip -br link
