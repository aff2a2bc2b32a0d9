/** The image types a photo upload may be (told by its bytes on the server: server/http/image.ts). */
export const imageMimes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageMime = (typeof imageMimes)[number];
