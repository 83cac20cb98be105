# kube-proxy's and kubelet's canary chains as their iptables Monitor creates them (-w 5 -W 100000 -N CHAIN -t TABLE), and the -w/-W wait options
iptables -w 5 -W 100000 -N KUBE-PROXY-CANARY -t mangle; echo $?
iptables -w 5 -W 100000 -N KUBE-PROXY-CANARY -t nat; echo $?
iptables -w 5 -W 100000 -N KUBE-PROXY-CANARY -t filter; echo $?
iptables -w 5 -W 100000 -N KUBE-KUBELET-CANARY -t mangle; echo $?
iptables -w 5 -W 100000 -N KUBE-PROXY-CANARY -t mangle; echo $?
iptables -w 5 -W 100000 -S KUBE-KUBELET-CANARY -t mangle; echo $?
iptables -w 5 -W 100000 -S KUBE-KUBELET-CANARY -t nat; echo $?
iptables -t mangle -S
iptables -w -L -n
iptables -w5 -S
iptables -W -S
iptables-save -t mangle | grep -v '^#'
