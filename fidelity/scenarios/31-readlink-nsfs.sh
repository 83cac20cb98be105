# readlink/realpath and the nsfs magic link of /proc/PID/ns/net
ln -sf /tmp/nowhere /tmp/lnk1
readlink /tmp/lnk1
readlink /tmp
readlink -f /var/run
readlink -f /nonexist/x
readlink
readlink -e /nonexist
realpath /var/run/../run
realpath /nonexist/x
readlink /proc/self/ns/net | cut -c1-5
cat /proc/self/ns/net
stat -c '%F' /proc/self/ns/net
ip netns add red
stat -c '%F %a' /run/netns/red
ls -l /proc/self/ns/net | cut -c1-10
