// Every command group of the simulated host; importing this registers them all.
import './coreutils/index.ts';
import './net/tools-index.ts';
import './net/ip/index.ts';
import './docker/index.ts';
import './sys/index.ts';
import './dns/index.ts';
import './k8s/index.ts';
import './net/nf-index.ts';
import './text/index.ts';
