# ping -s at the IPv4 size limits on loopback (MTU 65536): the largest echo that fits, a datagram past 65535 bytes refused by ip_append_data (an error-queue entry: "local error", the MTU capped at 65535), and an ICMP message past 65535 bytes refused before it (EMSGSIZE with nothing queued: no message, no error counted); with -M do, probe and dont
ping -c 1 -s 65507 127.0.0.1 | tail -n +2 | grep -v rtt
ping -c 1 -W 1 -s 65508 127.0.0.1
ping -c 1 -W 1 -s 65527 127.0.0.1
ping -c 1 -W 1 -s 65528 127.0.0.1
ping -c 1 -W 1 -s 70000 127.0.0.1
ping -c 2 -W 1 -s 70000 127.0.0.1
ping -c 1 -W 1 -q -s 65508 127.0.0.1
ping -c 1 -W 1 -q -s 70000 127.0.0.1
ping -c 1 -W 1 -M do -s 65508 127.0.0.1
ping -c 1 -W 1 -M probe -s 65508 127.0.0.1
ping -c 1 -W 1 -M probe -s 65509 127.0.0.1
ping -c 1 -W 1 -M dont -s 65508 127.0.0.1
ping -c 1 -W 1 -M do -s 65528 127.0.0.1
