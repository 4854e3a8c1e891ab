import { constants, createPrivateKey, createPublicKey, privateDecrypt, publicEncrypt, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { generateKeyPair, importPrivateKey } from "./index.ts";

const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" } as const;

describe("generateKeyPair", () => {
  let pair: { privateKey: string; publicKey: string };
  beforeAll(async () => {
    pair = await generateKeyPair();
  });

  it("writes PKCS#8 and SPKI PEM that OpenSSL reads: 2048-bit RSA, e = 65537", () => {
    expect(pair.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END PRIVATE KEY-----\n$/);
    expect(pair.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END PUBLIC KEY-----\n$/);
    const priv = createPrivateKey(pair.privateKey);
    const pub = createPublicKey(pair.publicKey);
    expect(priv.asymmetricKeyType).toBe("rsa");
    expect(priv.asymmetricKeyDetails).toEqual({ modulusLength: 2048, publicExponent: 65537n });
    expect(pub.asymmetricKeyDetails).toEqual({ modulusLength: 2048, publicExponent: 65537n });
    // The two halves belong together.
    expect(createPublicKey(priv).export({ type: "spki", format: "pem" })).toBe(pair.publicKey);
  });

  it("round-trips: node encrypts for the public key, importPrivateKey's key decrypts", async () => {
    const key = await importPrivateKey(pair.privateKey);
    const secret = randomBytes(16);
    const wrapped = publicEncrypt({ key: pair.publicKey, ...OAEP }, secret);
    expect(Buffer.from(await crypto.subtle.decrypt({ name: "RSA-OAEP" }, key, wrapped)).equals(secret)).toBe(true);
  });

  it("and the other way: Web Crypto encrypts for the public key, node decrypts with the private key", async () => {
    const pub = await crypto.subtle.importKey(
      "spki",
      createPublicKey(pair.publicKey).export({ type: "spki", format: "der" }),
      { name: "RSA-OAEP", hash: "SHA-256" },
      false,
      ["encrypt"],
    );
    const secret = randomBytes(32);
    const wrapped = await crypto.subtle.encrypt({ name: "RSA-OAEP" }, pub, secret);
    expect(privateDecrypt({ key: pair.privateKey, ...OAEP }, Buffer.from(wrapped)).equals(secret)).toBe(true);
  });

  it("makes a different key every time", async () => {
    const other = await generateKeyPair();
    expect(other.privateKey).not.toBe(pair.privateKey);
  });
});
