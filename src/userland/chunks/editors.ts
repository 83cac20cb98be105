// Chunk `editors`: nano and vi (less and more are in core: man pages through less).
import '../sys/nano.ts';
import '../sys/vi.ts';
