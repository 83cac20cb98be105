// Every lab of the course, in course order. Adding a lab: create
// labs/<id>/lab.ts (default export: LabDef) and list it here.

import type { LabDef } from '../src/labs/types.ts';
import routingTwoSubnets from './routing-two-subnets/lab.ts';
import namespacesVeth from './namespaces-veth/lab.ts';
import namespacesBridge from './namespaces-bridge/lab.ts';
import namespacesVethRandom from './namespaces-veth-random/lab.ts';
import routingTwoSubnetsRandom from './routing-two-subnets-random/lab.ts';
import dockerPortPublish from './docker-port-publish/lab.ts';
import dockerNetns from './docker-netns/lab.ts';
import dockerUserNetwork from './docker-user-network/lab.ts';
import cniBridge from './cni-bridge/lab.ts';
import podToPod from './pod-to-pod/lab.ts';
import kubeProxyClusterip from './kube-proxy-clusterip/lab.ts';
import dnsHosts from './dns-hosts/lab.ts';
import dnsServer from './dns-server/lab.ts';
import namespacesNat from './namespaces-nat/lab.ts';
import portForward from './port-forward/lab.ts';
import fixReturnRoute from './fix-return-route/lab.ts';
import fixMasquerade from './fix-masquerade/lab.ts';
import fixForwardDrop from './fix-forward-drop/lab.ts';
import fixDnsSearch from './fix-dns-search/lab.ts';
import fixServiceSelector from './fix-service-selector/lab.ts';
import fixPodCidr from './fix-pod-cidr/lab.ts';
import nodeportLocal from './nodeport-local/lab.ts';
import ingressHosts from './ingress-hosts/lab.ts';
import networkpolicyDeny from './networkpolicy-deny/lab.ts';
import vxlanOverlay from './vxlan-overlay/lab.ts';
import fixOverlayMtu from './fix-overlay-mtu/lab.ts';
import dockerNetworkTypes from './docker-network-types/lab.ts';
import capstonePath from './capstone-path/lab.ts';

export const LABS: LabDef[] = [routingTwoSubnets, routingTwoSubnetsRandom, fixReturnRoute, namespacesVeth, namespacesBridge, namespacesVethRandom, namespacesNat, portForward, fixMasquerade, fixForwardDrop, dockerPortPublish, dockerNetns, dockerUserNetwork, dockerNetworkTypes, cniBridge, podToPod, fixPodCidr, vxlanOverlay, fixOverlayMtu, kubeProxyClusterip, fixServiceSelector, capstonePath, nodeportLocal, networkpolicyDeny, ingressHosts, dnsHosts, dnsServer, fixDnsSearch];
