// QR codes and short links that open a chat with a prefilled message.
export { createQrCode, type CreateQrCodeOptions } from "./create.ts";
export { getQrCode, getQrCodes, type GetQrCodeOptions, type GetQrCodesOptions } from "./get.ts";
export { updateQrCode, type UpdateQrCodeOptions } from "./update.ts";
export { deleteQrCode, type DeleteQrCodeOptions } from "./delete.ts";
export type { QrCode, QrImageType } from "./types.ts";
