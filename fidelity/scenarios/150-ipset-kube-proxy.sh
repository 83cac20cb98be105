# ipset sets as kube-proxy's IPVS mode creates them (hash:ip,port, hash:ip,port,ip, hash:ip,port,net, bitmap:port, hash:ip), list, -n, save, and iptables rules matching them (initval masked: it is random)
ipset create KUBE-CLUSTER-IP hash:ip,port family inet hashsize 1024 maxelem 65536 -exist; echo $?
ipset add KUBE-CLUSTER-IP 10.96.0.1,tcp:443 -exist; ipset add KUBE-CLUSTER-IP 10.96.0.10,udp:53 -exist; echo $?
ipset add KUBE-CLUSTER-IP 10.96.0.1,tcp:443 -exist; echo $?
ipset list KUBE-CLUSTER-IP | sed 's/initval 0x[0-9a-f]*/initval X/' | sort
ipset create KUBE-LOOP-BACK hash:ip,port,ip family inet hashsize 1024 maxelem 65536 -exist; echo $?
ipset add KUBE-LOOP-BACK 10.244.1.5,tcp:80,10.244.1.5 -exist; echo $?
ipset list KUBE-LOOP-BACK | sed 's/initval 0x[0-9a-f]*/initval X/'
ipset add KUBE-LOOP-BACK 10.244.1.6,tcp:80; echo $?
ipset test KUBE-LOOP-BACK 10.244.1.5,tcp:80,10.244.1.5; echo $?
ipset test KUBE-LOOP-BACK 10.244.1.5,tcp:80,10.244.1.9; echo $?
ipset create KUBE-NODE-PORT-TCP bitmap:port range 0-65535 -exist; echo $?
ipset add KUBE-NODE-PORT-TCP 30080 -exist; ipset add KUBE-NODE-PORT-TCP 30007 -exist; echo $?
ipset list KUBE-NODE-PORT-TCP
ipset create np2 bitmap:port; echo $?
ipset create np3 bitmap:port range 30000-32767 family inet; echo $?
ipset create np4 bitmap:port range 30000-32767; ipset add np4 80; echo $?
ipset add np4 tcp:30001; ipset add np4 udp:30002; echo $?
ipset add np4 30001; echo $?
ipset add np4 70000; echo $?
ipset test np4 30002; echo $?
ipset test np4 30003; echo $?
ipset list np4
ipset del np4 30001; ipset save np4
ipset create KUBE-LOAD-BALANCER-SOURCE-CIDR hash:ip,port,net family inet hashsize 1024 maxelem 65536 -exist; echo $?
ipset add KUBE-LOAD-BALANCER-SOURCE-CIDR 192.0.2.10,tcp:80,203.0.113.0/24 -exist; echo $?
ipset add KUBE-LOAD-BALANCER-SOURCE-CIDR 192.0.2.10,tcp:80,10.0.0.0/8; ipset add KUBE-LOAD-BALANCER-SOURCE-CIDR 192.0.2.10,tcp:80,10.1.0.0/16 nomatch; echo $?
ipset add KUBE-LOAD-BALANCER-SOURCE-CIDR 192.0.2.10,tcp:80,10.0.0.0/0; echo $?
ipset list KUBE-LOAD-BALANCER-SOURCE-CIDR | sed 's/initval 0x[0-9a-f]*/initval X/'  | sort
ipset create KUBE-IPVS-IPS hash:ip family inet hashsize 1024 maxelem 65536 -exist; ipset add KUBE-IPVS-IPS 10.96.0.1 -exist; ipset add KUBE-IPVS-IPS 10.96.0.10 -exist; echo $?
ipset list -n
iptables -t nat -N KUBE-SERVICES; iptables -t nat -A KUBE-SERVICES -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst ! -s 10.244.0.0/16 -j RETURN; echo $?
iptables -t nat -A POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE; echo $?
iptables -A INPUT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j ACCEPT; echo $?
iptables -A INPUT -m set --match-set KUBE-LOAD-BALANCER-SOURCE-CIDR dst,dst,src -j RETURN; echo $?
iptables -t nat -S; iptables -S
ipset list -t KUBE-CLUSTER-IP | sed 's/initval 0x[0-9a-f]*/initval X/'
ipset list -t KUBE-NODE-PORT-TCP
ipset destroy KUBE-NODE-PORT-TCP; echo $?
ipset save | sed 's/initval 0x[0-9a-f]*/initval X/' | sort
