// Kubernetes programs: kubectl, kube-proxy, flanneld, ipvsadm and the CNI
// plugins under /opt/cni/bin. Importing this registers them.
import './cni/index.ts';
import './kube-proxy.ts';
import './flanneld.ts';
import './ipvsadm.ts';
import './kubectl.ts';
import './ingress-nginx.ts';
import './kube-router.ts';
import './metallb-controller.ts';
import './metallb-speaker.ts';
