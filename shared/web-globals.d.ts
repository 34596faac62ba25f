/**
 * The few web-standard globals that shared/ may use. They exist in browsers, in Electron's
 * renderer and in Node >= 20, so code here stays portable. Declared by hand because shared/ is
 * compiled without the DOM and Node type libraries (tsconfig.shared.json).
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare const crypto: {
  randomUUID(): string;
  subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> };
};
/** WHATWG URL parsing (only what shared/ reads: validation, protocol and host). */
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
}
