/**
 * PhotoPicker / DocumentPicker uploads reach the endpoint as references to an
 * encrypted file on WhatsApp's CDN (Meta, Flow JSON reference "Media upload",
 * section "Endpoint"; pywa `utils._flow_request_media_decryptor`):
 *
 *   cdn file = AES-256-CBC(encryption_key, iv, plaintext) ‖ HMAC-SHA256(hmac_key, iv ‖ ciphertext)[:10]
 *   encrypted_hash = base64(SHA-256(cdn file)),  plaintext_hash = base64(SHA-256(plaintext))
 *
 * Each check is made before the next step uses what it vouches for, and each
 * failure has its own `FlowMediaDecryptionError.reason`.
 */
import { fromBase64 } from "../encoding/base64.ts";
import { FlowMediaDecryptionError } from "./errors.ts";

/** One uploaded file, as found in `req.data[<component name>][i]`. */
export interface FlowMedia {
  media_id: string;
  cdn_url: string;
  file_name: string;
  encryption_metadata: {
    encrypted_hash: string;
    iv: string;
    encryption_key: string;
    hmac_key: string;
    plaintext_hash: string;
  };
}

export interface DecryptedFlowMedia {
  mediaId: string;
  filename: string;
  bytes: Uint8Array;
}

export interface DecryptMediaOptions {
  /** The fetch to download with. Default: the client's, else the global one. No credentials are ever sent: it is a CDN URL. */
  fetch?: typeof fetch | undefined;
  signal?: AbortSignal;
  /** Largest CDN file accepted, in bytes. Default 100 MiB (Meta caps an upload at 25 MB per file). */
  maxBytes?: number;
}

const MAC_BYTES = 10;
const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

export async function decryptFlowMedia(media: FlowMedia, options: DecryptMediaOptions = {}): Promise<DecryptedFlowMedia> {
  const meta = readMetadata(media);
  const file = await download(meta.url, options);

  const encryptedHash = new Uint8Array(await crypto.subtle.digest("SHA-256", file));
  if (!bytesEqual(encryptedHash, meta.encryptedHash)) {
    throw new FlowMediaDecryptionError("encrypted-hash", "The CDN file's SHA-256 does not match encrypted_hash");
  }
  if (file.byteLength < MAC_BYTES + 16) {
    throw new FlowMediaDecryptionError("decrypt", "The CDN file is too short to hold a ciphertext and its MAC");
  }
  const ciphertext = file.subarray(0, file.byteLength - MAC_BYTES);
  const mac = file.subarray(file.byteLength - MAC_BYTES);

  // Truncated MACs cannot go through subtle.verify: sign, then compare in constant time.
  const hmacKey = await crypto.subtle.importKey("raw", meta.hmacKey, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const signed = new Uint8Array(meta.iv.byteLength + ciphertext.byteLength);
  signed.set(meta.iv);
  signed.set(ciphertext, meta.iv.byteLength);
  const expected = new Uint8Array(await crypto.subtle.sign("HMAC", hmacKey, signed)).subarray(0, MAC_BYTES);
  if (!bytesEqual(expected, mac)) {
    throw new FlowMediaDecryptionError("hmac", "The CDN file's HMAC-SHA256 does not match");
  }

  let plaintext: Uint8Array;
  try {
    const aesKey = await crypto.subtle.importKey("raw", meta.encryptionKey, { name: "AES-CBC" }, false, ["decrypt"]);
    // Web Crypto's AES-CBC strips the PKCS#7 padding itself.
    plaintext = new Uint8Array(await crypto.subtle.decrypt({ name: "AES-CBC", iv: meta.iv }, aesKey, ciphertext));
  } catch (cause) {
    throw new FlowMediaDecryptionError("decrypt", "AES-256-CBC decryption of the CDN file failed", { cause });
  }
  const plaintextHash = new Uint8Array(await crypto.subtle.digest("SHA-256", plaintext as Uint8Array<ArrayBuffer>));
  if (!bytesEqual(plaintextHash, meta.plaintextHash)) {
    throw new FlowMediaDecryptionError("plaintext-hash", "The decrypted file's SHA-256 does not match plaintext_hash");
  }
  return { mediaId: meta.mediaId, filename: meta.filename, bytes: plaintext };
}

interface Metadata {
  mediaId: string;
  filename: string;
  url: string;
  encryptedHash: Uint8Array<ArrayBuffer>;
  plaintextHash: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  encryptionKey: Uint8Array<ArrayBuffer>;
  hmacKey: Uint8Array<ArrayBuffer>;
}

function readMetadata(media: FlowMedia): Metadata {
  const m = (media as Partial<FlowMedia> | undefined)?.encryption_metadata;
  const bytes = (field: keyof FlowMedia["encryption_metadata"], length?: number): Uint8Array<ArrayBuffer> => {
    const value = m?.[field];
    const decoded = typeof value === "string" ? fromBase64(value) : undefined;
    if (!decoded || (length !== undefined && decoded.byteLength !== length)) {
      throw new FlowMediaDecryptionError("metadata", `encryption_metadata.${field} is missing or not ${length ?? "valid"}-byte base64`);
    }
    return decoded;
  };
  const url = media?.cdn_url;
  if (typeof url !== "string" || !/^https?:\/\//i.test(url)) {
    throw new FlowMediaDecryptionError("metadata", "cdn_url is missing or not an http(s) URL");
  }
  return {
    mediaId: String(media.media_id ?? ""),
    filename: String(media.file_name ?? ""),
    url,
    encryptedHash: bytes("encrypted_hash", 32),
    plaintextHash: bytes("plaintext_hash", 32),
    iv: bytes("iv", 16),
    encryptionKey: bytes("encryption_key", 32),
    hmacKey: bytes("hmac_key"),
  };
}

async function download(url: string, options: DecryptMediaOptions): Promise<Uint8Array<ArrayBuffer>> {
  const fetcher = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let response: Response;
  try {
    // No Authorization header: the CDN URL is a capability in itself, and the
    // client's token must never go to a host that is not Graph API's.
    response = await fetcher(url, { method: "GET", ...(options.signal ? { signal: options.signal } : {}) });
  } catch (cause) {
    throw new FlowMediaDecryptionError("download", "Downloading the CDN file failed", { cause });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new FlowMediaDecryptionError("download", `Downloading the CDN file failed: HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => {});
    throw new FlowMediaDecryptionError("too-large", `The CDN file is larger than ${limit} bytes`);
  }
  const file = new Uint8Array(await response.arrayBuffer());
  if (file.byteLength > limit) throw new FlowMediaDecryptionError("too-large", `The CDN file is larger than ${limit} bytes`);
  return file;
}

/** Constant-time equality of two byte strings (lengths are public). */
function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let diff = 0;
  for (let i = 0; i < a.byteLength; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
