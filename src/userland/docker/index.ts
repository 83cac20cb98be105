// The Docker command group: docker, dockerd, docker-proxy and image programs.
import './docker.ts';
import './dockerd.ts';
import './busybox.ts';
