// The few runtime globals that exist in both browsers and Node and that the
// DOM-free layers (kernel, world, userland, shell, labs) may use. Declared
// here because their tsconfig omits the DOM library on purpose.

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: Uint8Array): string;
}
declare function structuredClone<T>(value: T): T;
declare function btoa(data: string): string;
declare function atob(data: string): string;
