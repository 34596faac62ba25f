import mammoth from 'mammoth';

/** mammoth's conversion: headings, lists, emphasis, links, tables; images never embedded. */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const copy = bytes.slice().buffer;
  // The browser build reads `arrayBuffer`; Node's (tests, bench) reads `buffer`.
  const input = { arrayBuffer: copy, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
  const result = await mammoth.convertToHtml(input, {
    convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
  });
  return result.value;
}
