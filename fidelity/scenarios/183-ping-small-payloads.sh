# ping with payloads too small to carry a timestamp (iputils times an echo only when it carries a struct timeval, 16 bytes): no time= on replies, no rtt line in the summary
ping -c 1 -s 0 127.0.0.1
ping -c 2 -i 0.2 -s 7 127.0.0.1
ping -c 1 -s 8 127.0.0.1 | head -2
ping -c 1 -s 1 -q 127.0.0.1
ping -c 1 -s 15 127.0.0.1 | head -2
ping -c 1 -s 16 127.0.0.1 | head -2 | sed 's/time=.*/time=T/'
ping -c 2 -i 0.2 -s 15 -q 127.0.0.1
ping -6 -c 1 -s 8 ::1
ping -6 -c 1 -s 16 ::1 | head -2 | sed 's/time=.*/time=T/'
