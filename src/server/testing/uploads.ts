/** A valid 1×1 PNG. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

let serial = 0;

/** A multipart body holding one file part named `file`, as a browser's upload sends it. */
export function fileUpload(content: Buffer, filename: string, type = 'image/png'): { payload: Buffer; contentType: string } {
  const boundary = `----gonghuiupload${++serial}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** A multipart body holding a real 1×1 PNG. */
export function pngUpload(): { payload: Buffer; contentType: string } {
  return fileUpload(PNG, '封面.png');
}
