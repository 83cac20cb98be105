# Messages a learner's odd input gets (no JavaScript text): names that are JavaScript properties, return/break outside their context, huge printf fields, conntrack/iptables argument errors
constructor
toString; echo $?
__proto__ x
valueOf
hasOwnProperty; type constructor
return; echo "after $?"
return x; echo $?
return 3 4; echo "after $?"
break; echo $?
continue 2; echo $?
for i in $((5%0)); do echo $i; done; echo after
case $((1/0)) in *) echo x;; esac; echo after
echo -e 'x\UFFFFFFFF' | wc -c
printf '%2147483648d|%s\n' 1 2; echo $?
printf '%.99999f' 1 | wc -c
printf '%.99999f' 1 | head -c 12; echo
printf '%.3f|%.2000000d' 2.5 7 | wc -c
printf '%-1048580s|\n' a | wc -c
conntrack -s
conntrack -L -p
conntrack --orig-src
conntrack -o
iptables -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports 65536
iptables -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports 70000-80
iptables -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports 5-
iptables -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports 9-8
iptables -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports abc
iptables -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports 0-5 && iptables -t nat -S OUTPUT
