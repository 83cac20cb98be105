# Debian's nginx in a namespace: the welcome page, headers, 404, a second start, ss, stop
ip netns add blue
ip link add veth-blue type veth peer name eth0 netns blue
ip addr add 192.168.15.5/24 dev veth-blue
ip link set veth-blue up
ip -n blue addr add 192.168.15.2/24 dev eth0
ip -n blue link set eth0 up
ip -n blue link set lo up
ip netns exec blue nginx; echo $?
sleep 1
curl -s http://192.168.15.2/
curl -sI http://192.168.15.2/ | grep -v -i -e '^last-modified' -e '^etag'
curl -s http://192.168.15.2/nosuch
curl -sI http://192.168.15.2/nosuch
curl -s -o /dev/null -w '%{http_code} %{size_download} %{content_type}\n' http://192.168.15.2/index.nginx-debian.html
curl -sv http://192.168.15.2/ 2>&1 >/dev/null | grep -v -i -e '^< last-modified' -e '^< etag' -e '^< date'
ip netns exec blue ss -ltn
nginx -v
ip netns exec blue nginx; echo $?
ip netns exec blue nginx -s stop 2>&1 | awk '{sub(/^.*\[notice\] [0-9]+#[0-9]+: /, "[notice] "); print}'
sleep 1
curl -sS http://192.168.15.2/; echo $?
