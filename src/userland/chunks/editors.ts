// Chunk `editors`: nano and vi.
import '../sys/editors.ts';
