# curl against a python http.server in a namespace: -I, -i, -v, -o, -w variables, -f, -L, errors 7 and 28
ip netns add blue
ip link add veth-blue type veth peer name eth0 netns blue
ip addr add 192.168.15.5/24 dev veth-blue
ip link set veth-blue up
ip -n blue addr add 192.168.15.2/24 dev eth0
ip -n blue link set eth0 up
ip -n blue link set lo up
mkdir -p /tmp/www/sub && printf 'hello from blue\n' > /tmp/www/index.html && printf 'x\n' > /tmp/www/sub/a.txt
ip netns exec blue python3 -m http.server 80 --bind 192.168.15.2 --directory /tmp/www >/dev/null 2>&1 &
sleep 1
curl http://192.168.15.2/ 2>/dev/null
curl -s http://192.168.15.2/index.html
curl -sI http://192.168.15.2/ | grep -v -i '^last-modified'
curl -si http://192.168.15.2/ | grep -v -i '^last-modified'
curl -s -o /tmp/page.html http://192.168.15.2/; echo $?; cat /tmp/page.html
curl -s -o /dev/null -w '%{http_code} %{size_download} %{content_type}\n' http://192.168.15.2/
curl -s -o /dev/null -w '%{http_code}\n' http://192.168.15.2/missing
curl -sf http://192.168.15.2/missing; echo $?
curl -sS -f http://192.168.15.2/missing; echo $?
curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' http://192.168.15.2/sub
curl -sL http://192.168.15.2/sub/a.txt
curl -s -w '%{remote_ip}:%{remote_port} %{local_ip} %{num_connects} %{http_version}\n' -o /dev/null http://192.168.15.2/
curl -v http://192.168.15.2/ 2>&1 | grep -v -i -e '^< last-modified' -e '^< date' -e '^{ \[' -e '^} \['
curl -v http://192.168.15.2:81/ 2>&1 | awk '{sub(/after [0-9]+ ms/, "after N ms"); print}'
curl -sv http://192.168.15.2:81/ 2>&1 | awk '{sub(/after [0-9]+ ms/, "after N ms"); print}'
curl http://192.168.15.2:81/ 2>&1 | awk '{sub(/after [0-9]+ ms/, "after N ms"); print}'
curl -s http://192.168.15.2:81/; echo $?
curl -sS http://192.168.15.2:81/ 2>&1 | awk '{sub(/after [0-9]+ ms/, "after N ms"); print}'
iptables -A OUTPUT -d 192.168.15.9 -j DROP
curl -sS -m 2 http://192.168.15.9/ 2>&1 | awk '{sub(/after [0-9]+ milli/, "after N milli"); print}'
curl -sS --connect-timeout 1 http://192.168.15.9/ 2>&1 | awk '{sub(/after [0-9]+ ms/, "after N ms"); sub(/after [0-9]+ milli/, "after N milli"); print}'
curl -sS --connect-timeout 1 http://192.168.15.9/ >/dev/null 2>&1; echo $?
curl -s -v -m 1 http://192.168.15.9/ 2>&1 | awk '{sub(/after [0-9]+ milli/, "after N milli"); print}'
iptables -F OUTPUT
curl -sS http://192.168.16.1/; echo $?
curl -sS http://192.168.15.2:99999/; echo $?
curl -sS ftp2://192.168.15.2/; echo $?
curl; echo $?
