// Chunk `docker`: docker, dockerd, docker-proxy and the image programs.
import '../docker/index.ts';
