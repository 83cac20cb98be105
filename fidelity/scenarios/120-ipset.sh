# ipset: create, add, del, test, list (-name, -terse), save, restore, flush, destroy, swap; messages and exit codes (initval masked: it is random)
ipset version
ipset create web hash:ip; echo $?
ipset add web 10.0.0.1; echo $?
ipset add web 10.0.0.1; echo $?
ipset -exist add web 10.0.0.1; echo $?
ipset list web | sed 's/initval 0x[0-9a-f]*/initval X/'
ipset test web 10.0.0.1; echo $?
ipset test web 10.0.0.2; echo $?
ipset del web 10.0.0.9; echo $?
ipset -exist del web 10.0.0.9; echo $?
ipset add web 300.1.1.1; echo $?
ipset add nosuch 1.2.3.4; echo $?
ipset list nosuch; echo $?
ipset create web hash:ip; echo $?
ipset create -exist web hash:ip; echo $?
ipset create z hash:foo; echo $?
ipset create; echo $?
ipset bogus; echo $?
ipset create nets hash:net
ipset add nets 10.1.0.0/16; ipset add nets 10.1.2.0/24 nomatch
ipset test nets 10.1.2.3; echo $?
ipset test nets 10.1.3.3; echo $?
ipset list nets | sed 's/initval 0x[0-9a-f]*/initval X/' | sort
ipset create svc hash:ip,port
ipset add svc 10.0.0.1,tcp:80; ipset add svc 10.0.0.2,8080; echo $?
ipset test svc 10.0.0.1,80; echo $?
ipset test svc 10.0.0.1,udp:80; echo $?
ipset list svc | sed 's/initval 0x[0-9a-f]*/initval X/' | sort
ipset create np hash:net,port
ipset add np 10.2.0.0/24,tcp:443
ipset test np 10.2.0.9,tcp:443; echo $?
ipset save np | sed 's/initval 0x[0-9a-f]*/initval X/'
ipset create all list:set
ipset add all web; ipset add all nets; echo $?
ipset add all nosuch; echo $?
ipset list all
ipset destroy web; echo $?
ipset list web | grep References
ipset list -name
ipset list -terse svc | sed 's/initval 0x[0-9a-f]*/initval X/'
ipset flush svc; echo $?
ipset list svc | sed 's/initval 0x[0-9a-f]*/initval X/'
ipset swap svc nets; echo $?
ipset create svc2 hash:ip,port; ipset add svc2 10.9.9.9,tcp:22
ipset swap svc svc2; echo $?
ipset list -terse svc | sed 's/initval 0x[0-9a-f]*/initval X/'
ipset list svc2 | grep -A5 entries
ipset del all web; ipset del all nets; echo $?
ipset destroy all; echo $?
ipset destroy nosuch; echo $?
ipset save | sed 's/initval 0x[0-9a-f]*/initval X/' | sort
ipset flush; echo $?
ipset destroy; echo $?
ipset list; echo $?
printf 'create r hash:ip family inet hashsize 1024 maxelem 65536\nadd r 192.0.2.1\nadd r 192.0.2.2\n' | ipset restore; echo $?
ipset list r | sed 's/initval 0x[0-9a-f]*/initval X/' | sort
printf 'add r 192.0.2.1\n' | ipset restore; echo $?
printf 'add r 192.0.2.1\n' | ipset restore -exist; echo $?
printf 'create r2 hash:ip\nfoo r2 1.2.3.4\n' | ipset restore; echo $?
ipset create t hash:ip timeout 300; ipset add t 192.0.2.5 timeout 60
ipset list t | sed 's/initval 0x[0-9a-f]*/initval X/'
ipset create c hash:ip counters; ipset add c 192.0.2.6
ipset list c | sed 's/initval 0x[0-9a-f]*/initval X/'
ipset -n list
ipset -L -n
