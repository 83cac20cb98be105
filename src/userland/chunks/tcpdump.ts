// Chunk `tcpdump`.
import '../net/tcpdump.ts';
