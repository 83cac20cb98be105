// Chunk `k8s`: kubectl, the cluster daemons and the CNI plugins.
import '../k8s/index.ts';
