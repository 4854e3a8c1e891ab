import {
  type KeyObject,
  constants,
  createCipheriv,
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  pbkdf2Sync,
  publicEncrypt,
  randomBytes,
} from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { encodeNull, encodeOctetString, encodeOid, encodeSequence, encodeSmallInt } from "./der.ts";
import { PrivateKeyError, importPrivateKey, readPrivateKey, type PrivateKeyErrorCode, type PrivateKeyFormat } from "./import.ts";
import { encodePem } from "./pem.ts";

// One RSA key for the whole file (2048-bit keygen is ~100 ms), exported every way.
let rsa: { privateKey: KeyObject; publicKey: KeyObject };
let pkcs8Der: Buffer;
const PASSWORD = "s3cret-Passphrase!";

beforeAll(() => {
  rsa = generateKeyPairSync("rsa", { modulusLength: 2048, publicExponent: 65537 });
  pkcs8Der = rsa.privateKey.export({ type: "pkcs8", format: "der" });
});

const pkcs8 = (): string => rsa.privateKey.export({ type: "pkcs8", format: "pem" }) as string;
const pkcs1 = (): string => rsa.privateKey.export({ type: "pkcs1", format: "pem" }) as string;
const pkcs8Encrypted = (cipher: string): string =>
  rsa.privateKey.export({ type: "pkcs8", format: "pem", cipher, passphrase: PASSWORD }) as string;
const pkcs1Encrypted = (cipher: string): string =>
  rsa.privateKey.export({ type: "pkcs1", format: "pem", cipher, passphrase: PASSWORD }) as string;

/** The imported key decrypts what node encrypts for the matching public key (RSA-OAEP, SHA-256). */
async function expectWorks(key: CryptoKey, publicKey: KeyObject = rsa.publicKey): Promise<void> {
  expect(key.type).toBe("private");
  expect(key.extractable).toBe(false);
  expect(key.usages).toEqual(["decrypt"]);
  expect(key.algorithm).toMatchObject({ name: "RSA-OAEP", modulusLength: 2048, hash: { name: "SHA-256" } });
  const aesKey = randomBytes(16);
  const wrapped = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, aesKey);
  const unwrapped = new Uint8Array(await crypto.subtle.decrypt({ name: "RSA-OAEP" }, key, wrapped));
  expect(Buffer.from(unwrapped).equals(aesKey)).toBe(true);
}

/** Import must fail with this format and code, and the message must not leak the input. */
async function expectError(
  input: string,
  password: string | undefined,
  format: PrivateKeyFormat,
  code: PrivateKeyErrorCode,
  message?: RegExp,
): Promise<PrivateKeyError> {
  let error: unknown;
  try {
    await importPrivateKey(input, password);
  } catch (e) {
    error = e;
  }
  expect(error, "import should have failed").toBeInstanceOf(PrivateKeyError);
  const e = error as PrivateKeyError;
  expect({ format: e.format, code: e.code }).toEqual({ format, code });
  if (message) expect(e.message).toMatch(message);
  expectNoSecrets(e, input, password);
  return e;
}

/** Neither the password nor any base64 run of the input appears in the error. */
function expectNoSecrets(e: Error, input: string, password: string | undefined): void {
  const shown = `${e.message}\n${e.stack ?? ""}\n${JSON.stringify(e)}`;
  if (password) expect(shown).not.toContain(password);
  for (const run of shown.match(/[A-Za-z0-9+/=]{12,}/g) ?? []) {
    expect(input.replace(/\\n|\s/g, ""), `error text "${run}" comes from the input`).not.toContain(run);
  }
}

describe("the formats users have", () => {
  it("PKCS#8 PEM (BEGIN PRIVATE KEY)", async () => {
    await expectWorks(await importPrivateKey(pkcs8()));
  });

  it("PKCS#1 PEM (BEGIN RSA PRIVATE KEY), wrapped into PKCS#8 byte for byte as OpenSSL does", async () => {
    await expectWorks(await importPrivateKey(pkcs1()));
    const read = await readPrivateKey(pkcs1());
    expect(Buffer.from(read.der).equals(pkcs8Der)).toBe(true);
    expect(read).toMatchObject({ format: "pkcs1", modulusBits: 2048 });
  });

  for (const cipher of ["aes-128-cbc", "aes-192-cbc", "aes-256-cbc", "des-ede3-cbc"]) {
    it(`encrypted PKCS#8 (PBES2 + ${cipher}), as node and OpenSSL 3 write it`, async () => {
      const pem = pkcs8Encrypted(cipher);
      expect(pem).toContain("BEGIN ENCRYPTED PRIVATE KEY");
      await expectWorks(await importPrivateKey(pem, PASSWORD));
      expect(Buffer.from((await readPrivateKey(pem, PASSWORD)).der).equals(pkcs8Der)).toBe(true);
    });

    it(`legacy-encrypted PKCS#1 (DEK-Info ${cipher.toUpperCase()}), as Meta's key generator writes it`, async () => {
      const pem = pkcs1Encrypted(cipher);
      expect(pem).toMatch(new RegExp(`Proc-Type: 4,ENCRYPTED\\nDEK-Info: ${cipher.toUpperCase()},[0-9A-F]+`));
      await expectWorks(await importPrivateKey(pem, PASSWORD));
      expect(Buffer.from((await readPrivateKey(pem, PASSWORD)).der).equals(pkcs8Der)).toBe(true);
    });
  }

  it("pywa's test key (PBES2, hmacWithSHA256, DES-EDE3-CBC) decrypts pywa's recorded flow request", async () => {
    const key = await importPrivateKey(PYWA_KEY, "pywa");
    const aesKey = await crypto.subtle.decrypt({ name: "RSA-OAEP" }, key, Buffer.from(PYWA_REQUEST.encrypted_aes_key, "base64"));
    const gcm = await crypto.subtle.importKey("raw", aesKey, "AES-GCM", false, ["decrypt"]);
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: Buffer.from(PYWA_REQUEST.initial_vector, "base64") },
      gcm,
      Buffer.from(PYWA_REQUEST.encrypted_flow_data, "base64"),
    );
    expect(JSON.parse(new TextDecoder().decode(plain))).toEqual({
      data: {},
      flow_token: "my_flow_token",
      screen: "",
      action: "INIT",
      version: "3.0",
    });
  });
});

/** PBES2 built by hand (node derives and encrypts), to cover what node's export does not choose. */
function pbes2Pem(opts: {
  cipher: "aes-128-cbc" | "aes-192-cbc" | "aes-256-cbc" | "des-ede3-cbc" | "des-cbc";
  prf: "sha1" | "sha256" | "sha384" | "sha512";
  omitPrf?: boolean;
  keyLengthField?: boolean;
  iterations?: number;
  plaintext?: Uint8Array;
}): string {
  const OIDS = {
    "aes-128-cbc": ["2.16.840.1.101.3.4.1.2", 16, 16],
    "aes-192-cbc": ["2.16.840.1.101.3.4.1.22", 24, 16],
    "aes-256-cbc": ["2.16.840.1.101.3.4.1.42", 32, 16],
    "des-ede3-cbc": ["1.2.840.113549.3.7", 24, 8],
    "des-cbc": ["1.3.14.3.2.7", 8, 8],
  } as const;
  const PRFS = { sha1: "1.2.840.113549.2.7", sha256: "1.2.840.113549.2.9", sha384: "1.2.840.113549.2.10", sha512: "1.2.840.113549.2.11" };
  const [oid, keyLength, ivLength] = OIDS[opts.cipher];
  const iterations = opts.iterations ?? 1000;
  const salt = randomBytes(16);
  const iv = randomBytes(ivLength);
  const key = pbkdf2Sync(PASSWORD, salt, iterations, keyLength, opts.prf);
  // Single DES = DES-EDE3 with the key three times (OpenSSL 3 keeps plain DES in its legacy provider).
  const cipher =
    opts.cipher === "des-cbc" ? createCipheriv("des-ede3-cbc", Buffer.concat([key, key, key]), iv) : createCipheriv(opts.cipher, key, iv);
  const encrypted = Buffer.concat([cipher.update(opts.plaintext ?? pkcs8Der), cipher.final()]);
  const kdfParams = [
    encodeOctetString(salt),
    encodeSmallInt(iterations),
    ...(opts.keyLengthField ? [encodeSmallInt(keyLength)] : []),
    ...(opts.omitPrf ? [] : [encodeSequence(encodeOid(PRFS[opts.prf]), encodeNull())]),
  ];
  const der = encodeSequence(
    encodeSequence(
      encodeOid("1.2.840.113549.1.5.13"),
      encodeSequence(
        encodeSequence(encodeOid("1.2.840.113549.1.5.12"), encodeSequence(...kdfParams)),
        encodeSequence(encodeOid(oid), encodeOctetString(iv)),
      ),
    ),
    encodeOctetString(encrypted),
  );
  return encodePem("ENCRYPTED PRIVATE KEY", der);
}

/** OpenSSL legacy PEM encryption built by hand (EVP_BytesToKey with node's MD5). */
function legacyPem(cipher: "des-ede3-cbc" | "des-cbc" | "aes-128-cbc", plaintext: Uint8Array, password = PASSWORD): string {
  const [keyLength, ivLength] = cipher === "aes-128-cbc" ? [16, 16] : cipher === "des-cbc" ? [8, 8] : [24, 8];
  const iv = randomBytes(ivLength);
  let key = Buffer.alloc(0);
  for (let d = Buffer.alloc(0); key.length < keyLength; ) {
    d = createHash("md5").update(Buffer.concat([d, Buffer.from(password), iv.subarray(0, 8)])).digest();
    key = Buffer.concat([key, d]);
  }
  key = key.subarray(0, keyLength);
  const c = cipher === "des-cbc" ? createCipheriv("des-ede3-cbc", Buffer.concat([key, key, key]), iv) : createCipheriv(cipher, key, iv);
  const body = Buffer.concat([c.update(plaintext), c.final()]).toString("base64").match(/.{1,64}/g)?.join("\n");
  return `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: ${cipher.toUpperCase()},${iv.toString("hex").toUpperCase()}\n\n${body}\n-----END RSA PRIVATE KEY-----\n`;
}

describe("encryption parameters beyond node's defaults", () => {
  for (const prf of ["sha1", "sha256", "sha384", "sha512"] as const) {
    for (const cipher of ["aes-128-cbc", "aes-256-cbc", "des-ede3-cbc"] as const) {
      it(`PBES2: PBKDF2-HMAC-${prf.toUpperCase()} + ${cipher}`, async () => {
        const pem = pbes2Pem({ cipher, prf });
        // OpenSSL reads the hand-built structure too, so the builder is right.
        expect(createPrivateKey({ key: pem, passphrase: PASSWORD }).asymmetricKeyType).toBe("rsa");
        await expectWorks(await importPrivateKey(pem, PASSWORD));
      });
    }
  }

  it("PBES2: PRF omitted (DEFAULT hmacWithSHA1), key length present, DES-CBC scheme, 1 iteration", async () => {
    await expectWorks(await importPrivateKey(pbes2Pem({ cipher: "aes-256-cbc", prf: "sha1", omitPrf: true }), PASSWORD));
    await expectWorks(await importPrivateKey(pbes2Pem({ cipher: "aes-192-cbc", prf: "sha256", keyLengthField: true }), PASSWORD));
    await expectWorks(await importPrivateKey(pbes2Pem({ cipher: "des-cbc", prf: "sha256" }), PASSWORD));
    await expectWorks(await importPrivateKey(pbes2Pem({ cipher: "des-ede3-cbc", prf: "sha256", iterations: 1 }), PASSWORD));
  });

  it("legacy PEM: DES-CBC (`openssl genrsa -des`) and a hand-built DES-EDE3-CBC", async () => {
    const pkcs1Der = rsa.privateKey.export({ type: "pkcs1", format: "der" });
    for (const cipher of ["des-cbc", "des-ede3-cbc", "aes-128-cbc"] as const) {
      const pem = legacyPem(cipher, pkcs1Der);
      if (cipher !== "des-cbc") expect(createPrivateKey({ key: pem, passphrase: PASSWORD }).asymmetricKeyType).toBe("rsa");
      await expectWorks(await importPrivateKey(pem, PASSWORD));
    }
  });

  it("a non-ASCII password is used as UTF-8, as OpenSSL does", async () => {
    const password = "pässwörd-ключ-🔑";
    const pem = rsa.privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: password }) as string;
    await expectWorks(await importPrivateKey(pem, password));
    const legacy = rsa.privateKey.export({ type: "pkcs1", format: "pem", cipher: "des-ede3-cbc", passphrase: password }) as string;
    await expectWorks(await importPrivateKey(legacy, password));
  });
});

describe("sloppy input", () => {
  const variants: [string, (pem: string) => string][] = [
    ["literal \\n escapes", (p) => p.replace(/\n/g, "\\n")],
    ["literal \\n escapes, in double quotes (a .env line)", (p) => `"${p.trim().replace(/\n/g, "\\n")}"`],
    ["one line, breaks removed", (p) => p.replace(/\n/g, "")],
    ["one line, breaks turned into spaces", (p) => p.replace(/\n/g, " ")],
    ["CRLF line endings", (p) => p.replace(/\n/g, "\r\n")],
    ["single-quoted, surrounded by whitespace", (p) => `  \n'${p}'\n\t `],
    ["indented lines (YAML block)", (p) => p.replace(/^/gm, "    ")],
    ["base64 of the whole PEM file (a common env var trick)", (p) => Buffer.from(p).toString("base64")],
    ["JSON-encoded (quotes and \\n)", (p) => JSON.stringify(p)],
    ["JSON-encoded with escaped slashes (PHP's json_encode)", (p) => JSON.stringify(p).replace(/\//g, "\\/")],
  ];

  for (const [name, mangle] of variants) {
    it(name, async () => {
      await expectWorks(await importPrivateKey(mangle(pkcs8())));
      await expectWorks(await importPrivateKey(mangle(pkcs1())));
      await expectWorks(await importPrivateKey(mangle(pkcs8Encrypted("des-ede3-cbc")), PASSWORD));
      // Legacy headers with their line breaks gone: the IV must stop where the base64 starts.
      await expectWorks(await importPrivateKey(mangle(pkcs1Encrypted("des-ede3-cbc")), PASSWORD));
      await expectWorks(await importPrivateKey(mangle(pkcs1Encrypted("aes-256-cbc")), PASSWORD));
    });
  }

  it("bare base64 DER without markers", async () => {
    await expectWorks(await importPrivateKey(pkcs8Der.toString("base64")));
    await expectWorks(await importPrivateKey(rsa.privateKey.export({ type: "pkcs1", format: "der" }).toString("base64")));
    const encrypted = rsa.privateKey.export({ type: "pkcs8", format: "der", cipher: "aes-256-cbc", passphrase: PASSWORD });
    await expectWorks(await importPrivateKey(encrypted.toString("base64"), PASSWORD));
  });

  it("mislabelled blocks are read by their structure", async () => {
    const body = (pem: string): string => pem.replace(/-----[^-]+-----/g, "").trim();
    await expectWorks(await importPrivateKey(`-----BEGIN RSA PRIVATE KEY-----\n${body(pkcs8())}\n-----END RSA PRIVATE KEY-----`));
    await expectWorks(await importPrivateKey(`-----BEGIN PRIVATE KEY-----\n${body(pkcs1())}\n-----END PRIVATE KEY-----`));
  });

  it("a bundle: the private key is found among other blocks", async () => {
    const publicPem = rsa.publicKey.export({ type: "spki", format: "pem" }) as string;
    await expectWorks(await importPrivateKey(publicPem + pkcs8()));
    await expectWorks(await importPrivateKey(`${publicPem}\n${pkcs1Encrypted("des-ede3-cbc")}`, PASSWORD));
  });

  it("a password given for an unencrypted key is ignored", async () => {
    await expectWorks(await importPrivateKey(pkcs8(), "unused"));
  });
});

describe("passwords", () => {
  const encrypted: [string, () => string, PrivateKeyFormat][] = [
    ["PKCS#8 AES-256", () => pkcs8Encrypted("aes-256-cbc"), "encrypted-pkcs8"],
    ["PKCS#8 DES-EDE3", () => pkcs8Encrypted("des-ede3-cbc"), "encrypted-pkcs8"],
    ["legacy DES-EDE3", () => pkcs1Encrypted("des-ede3-cbc"), "encrypted-pkcs1"],
    ["legacy AES-128", () => pkcs1Encrypted("aes-128-cbc"), "encrypted-pkcs1"],
  ];

  for (const [name, pem, format] of encrypted) {
    it(`${name}: missing, empty and wrong passwords`, async () => {
      await expectError(pem(), undefined, format, "missing-password", /no password was given: pass businessPrivateKeyPassword/);
      await expectError(pem(), "", format, "missing-password");
      for (const wrong of ["hunter2-not-it", `${PASSWORD}x`, PASSWORD.toLowerCase()]) {
        await expectError(pem(), wrong, format, "wrong-password", /password is wrong/);
      }
    });
  }

  it("a wrong password whose padding happens to be valid is still 'wrong password', not garbage", async () => {
    // Encrypt random bytes properly: the padding checks out, the structure does not.
    const junk = randomBytes(1200);
    await expectError(legacyPem("des-ede3-cbc", junk), PASSWORD, "encrypted-pkcs1", "wrong-password");
    await expectError(pbes2Pem({ cipher: "des-ede3-cbc", prf: "sha256", plaintext: junk }), PASSWORD, "encrypted-pkcs8", "wrong-password");
    await expectError(pbes2Pem({ cipher: "aes-256-cbc", prf: "sha256", plaintext: junk }), PASSWORD, "encrypted-pkcs8", "wrong-password");
  });
});

describe("keys we cannot use say what they are", () => {
  it("an OpenSSH private key: RSA gets the conversion command, others get 'not RSA'", async () => {
    await expectError(opensshPem("ssh-rsa"), undefined, "openssh", "unsupported-format", /OpenSSH private key.*ssh-keygen -p -m PEM/);
    await expectError(opensshPem("ssh-ed25519"), undefined, "openssh", "not-rsa", /ssh-ed25519.*not an RSA key/);
  });

  it("EC keys, in SEC1 and PKCS#8, and Ed25519 / X25519", async () => {
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    await expectError(ec.export({ type: "sec1", format: "pem" }) as string, undefined, "sec1", "not-rsa", /EC key.*WhatsApp Flows need a 2048-bit RSA key/);
    await expectError(ec.export({ type: "pkcs8", format: "pem" }) as string, undefined, "pkcs8", "not-rsa", /an EC key \(PKCS#8\)/);
    const ecEncrypted = ec.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: PASSWORD }) as string;
    await expectError(ecEncrypted, PASSWORD, "encrypted-pkcs8", "not-rsa", /an EC key/);
    const ed = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    await expectError(ed, undefined, "pkcs8", "not-rsa", /Ed25519/);
    const x = generateKeyPairSync("x25519").privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    await expectError(x, undefined, "pkcs8", "not-rsa", /X25519/);
  });

  it("an RSA-PSS key (signatures only)", async () => {
    const pss = generateKeyPairSync("rsa-pss", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    await expectError(pss, undefined, "pkcs8", "not-rsa", /RSASSA-PSS/);
  });

  it("public keys in every spelling", async () => {
    const spki = rsa.publicKey.export({ type: "spki", format: "pem" }) as string;
    await expectError(spki, undefined, "public-key", "not-private", /a public key \(BEGIN PUBLIC KEY\), not a private key/);
    await expectError(rsa.publicKey.export({ type: "pkcs1", format: "pem" }) as string, undefined, "public-key", "not-private", /RSA PUBLIC KEY/);
    const der = rsa.publicKey.export({ type: "spki", format: "der" });
    await expectError(der.toString("base64"), undefined, "public-key", "not-private");
    const ssh = `ssh-rsa ${Buffer.concat([sshString("ssh-rsa"), sshString(Buffer.from([1, 0, 1])), sshString(randomBytes(257))]).toString("base64")} me@laptop`;
    await expectError(ssh, undefined, "public-key", "not-private", /OpenSSH public key/);
    const jwk = JSON.stringify(rsa.publicKey.export({ format: "jwk" }));
    await expectError(jwk, undefined, "public-key", "not-private");
  });

  it("a certificate", async () => {
    await expectError(encodePem("CERTIFICATE", randomBytes(300)), undefined, "certificate", "not-private", /certificate/);
  });

  it("a private JWK, a PuTTY key, a PGP key, a file path", async () => {
    const jwk = JSON.stringify(rsa.privateKey.export({ format: "jwk" }));
    await expectError(jwk, undefined, "jwk", "unsupported-format", /JSON Web Key.*createPrivateKey/);
    const ecJwk = JSON.stringify(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" }));
    await expectError(ecJwk, undefined, "jwk", "not-rsa", /type EC/);
    const putty = `PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: rsa-key\nPublic-Lines: 1\n${randomBytes(60).toString("base64")}\n`;
    await expectError(putty, undefined, "putty", "unsupported-format", /puttygen/);
    await expectError(encodePem("PGP PRIVATE KEY BLOCK", randomBytes(200)), undefined, "pgp", "unsupported-format", /OpenPGP/);
    for (const path of ["./keys/private.pem", "/etc/secrets/flows.key", "C:\\keys\\private.pem", "private.pem"]) {
      await expectError(path, undefined, "file-path", "unsupported-format", /file path/);
    }
  });

  it("unsupported encryption schemes name themselves and give the conversion", async () => {
    const scheme = (oid: string): string =>
      encodePem(
        "ENCRYPTED PRIVATE KEY",
        encodeSequence(
          encodeSequence(encodeOid(oid), encodeSequence(encodeOctetString(randomBytes(8)), encodeSmallInt(2048))),
          encodeOctetString(randomBytes(1200)),
        ),
      );
    await expectError(scheme("1.2.840.113549.1.12.1.3"), PASSWORD, "encrypted-pkcs8", "unsupported-encryption", /PKCS#12.*openssl pkcs8 -topk8 -v2 aes-256-cbc/);
    await expectError(scheme("1.2.840.113549.1.5.3"), PASSWORD, "encrypted-pkcs8", "unsupported-encryption", /PBES1 pbeWithMD5AndDES-CBC/);
    await expectError(scheme("1.2.3.4.5"), PASSWORD, "encrypted-pkcs8", "unsupported-encryption", /OID 1\.2\.3\.4\.5/);
    const legacyBf = pkcs1Encrypted("des-ede3-cbc").replace("DES-EDE3-CBC", "BF-CBC");
    await expectError(legacyBf, PASSWORD, "encrypted-pkcs1", "unsupported-encryption", /BF-CBC/);
  });
});

describe("damaged input", () => {
  it("empty, blank or quoted-empty", async () => {
    for (const empty of ["", "   \n ", '""', "''"]) await expectError(empty, undefined, "empty", "empty", /empty/);
  });

  it("truncated: no END marker, or a body cut short", async () => {
    const pem = pkcs8();
    await expectError(pem.slice(0, 900), undefined, "pem", "malformed", /cut off/);
    const lines = pem.trim().split("\n");
    const shortened = [...lines.slice(0, 10), lines.at(-1)].join("\n");
    await expectError(shortened, undefined, "pkcs8", "malformed", /damaged/);
    const encrypted = pkcs8Encrypted("aes-256-cbc").trim().split("\n");
    await expectError([...encrypted.slice(0, 10), encrypted.at(-1)].join("\n"), PASSWORD, "encrypted-pkcs8", "malformed");
  });

  it("characters that are not base64", async () => {
    await expectError(pkcs8().replace("M", "*"), undefined, "pkcs8", "malformed", /not valid base64/);
  });

  it("a damaged DEK-Info header", async () => {
    await expectError(pkcs1Encrypted("des-ede3-cbc").replace(/DEK-Info: [^\n]+\n/, ""), PASSWORD, "encrypted-pkcs1", "malformed", /DEK-Info/);
    await expectError(pkcs1Encrypted("des-ede3-cbc").replace(/(DEK-Info: DES-EDE3-CBC,)[0-9A-F]{2}/, "$1"), PASSWORD, "encrypted-pkcs1", "malformed");
  });

  it("a toy RSA key (node's Web Crypto would import it and fail at the first request)", async () => {
    const toy = encodeSequence(...Array.from({ length: 9 }, (_, i) => encodeSmallInt(i === 0 ? 0 : 3)));
    await expectError(encodePem("RSA PRIVATE KEY", toy), undefined, "pkcs1", "rejected", /only 2 bits/);
  });

  it("a well-formed key Web Crypto refuses", async () => {
    const refusal = new DOMException("Invalid keyData", "DataError");
    const spy = vi.spyOn(crypto.subtle, "importKey").mockRejectedValueOnce(refusal);
    try {
      const e = await expectError(pkcs1(), undefined, "pkcs1", "rejected", /Web Crypto refused the 2048-bit RSA private key/);
      expect(e.cause).toBe(refusal);
    } finally {
      spy.mockRestore();
    }
  });

  it("text that is no key at all", async () => {
    await expectError("hello world, this is not a key", undefined, "unknown", "unsupported-format", /not a PEM private key/);
    await expectError("QUJD".repeat(40), undefined, "unknown", "unsupported-format", /not a PEM private key/);
    await expectError('{"hello": 1}', undefined, "unknown", "unsupported-format", /JSON/);
  });
});

describe("nothing secret in errors", () => {
  it("no password and no key material in any failure's message or fields", async () => {
    const cases: [string, string | undefined][] = [
      [pkcs8Encrypted("des-ede3-cbc"), "not-the-password-123"],
      [pkcs1Encrypted("aes-256-cbc"), "another-wrong-one-456"],
      [pkcs8().slice(0, 1200), undefined],
      [pkcs8().replace("M", "*"), undefined],
      [pkcs1().replace(/\n/g, "\\n").slice(0, 1000), undefined],
      [generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "sec1", format: "pem" }) as string, "pw-789"],
    ];
    for (const [input, password] of cases) {
      let error: unknown;
      try {
        await importPrivateKey(input, password);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PrivateKeyError);
      expectNoSecrets(error as Error, input, password);
    }
  });
});

// --- fixtures ---

function sshString(data: string | Uint8Array): Buffer {
  const bytes = Buffer.from(data);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length);
  return Buffer.concat([len, bytes]);
}

/** An openssh-key-v1 file of `keyType` (only the header fields we read are real). */
function opensshPem(keyType: string): string {
  const publicBlob = Buffer.concat([sshString(keyType), sshString(randomBytes(32))]);
  const blob = Buffer.concat([
    Buffer.from("openssh-key-v1\0"),
    sshString("aes256-ctr"),
    sshString("bcrypt"),
    sshString(Buffer.concat([sshString(randomBytes(16)), Buffer.from([0, 0, 0, 16])])),
    Buffer.from([0, 0, 0, 1]),
    sshString(publicBlob),
    sshString(randomBytes(160)),
  ]);
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${blob.toString("base64").match(/.{1,70}/g)?.join("\n")}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

// pywa 4.4's tests/test_server.py: a (revoked) business key, password "pywa", written by
// OpenSSL 3 `genrsa -des3` (PBES2, PBKDF2-HMAC-SHA256, 2048 iterations, DES-EDE3-CBC),
// and a flow request WhatsApp encrypted for it.
const PYWA_KEY = `
-----BEGIN ENCRYPTED PRIVATE KEY-----
MIIFJDBWBgkqhkiG9w0BBQ0wSTAxBgkqhkiG9w0BBQwwJAQQkgClH0obPRRd3cmr
s0LvRAICCAAwDAYIKoZIhvcNAgkFADAUBggqhkiG9w0DBwQIWxsUnYjosHEEggTI
tIwws0TcJNJ+IoMfNfalxb8FpV8JzIXNPKoS2vBNhni3F6tk6tYSsBW7p5Wl/1jv
0fmf6iZhGgidFT5KvxRI7Z9FyD4FAKKxMsIsrxdqblupaB/2L1dHM2foBmKZTKVP
pMkiGYCRM+uPQWao/etBvTf1IKQw5phFJ6J/NVhlU6hSh3SjMp9CN4Xy6rA7wcfu
yYfrSUBHoCZZMvdWkCxo9sQ0N/nvU1FpBO0ZZQ+WDRKKg3g8BD8jWKRVM+uzZdVx
oWLoqkIWlNuCbObYsWvK07q9qryG0WeeZtPRti6Tp/TW2NMSqIN5Zx1jHLAYPU0V
3fgt3TmHPphy8etyXEg7PBJToCgTw6snnDqQDJm4nfJPg9UxxUvkkN8Tk+5P3o/0
E2Hf3RhYIqraKhuZAToA5Isniez/L/O5Fyjye0ShOFF9auhsmLDKbdG6wL+2CX1+
cQAash4HE2Xlj9v2iVC5mlnU9e7F1EyhJNAkmbr+i2z+93Wp/XytAx9xGV6lt7J8
gv454dCSQ5brByM/D12yyB5mcKX73MkaECa2iu/qH30H10S91IgiLUOQsS9A8ABi
S32U9SlYGfwlyV7izOXiS5vnk2XiihYFKPIdoNgcq3FPDXZoJr9u/ipZl/viTzWP
2V9DTODpTWuERIUCi8Lrg82HA62yNLO6Z5ib7+oHgpsTrhxWbqvxa8T4EL7V2Hx+
AqD2/M9easd2Atl6mI8uekjndL8sKNJ2kNlG54PMddgZzoIMYPnYp0ZPCtds+KIj
pwHK0nGL+kih0R9FLHLm0YKIYgD/i13N0vD+qSd0/PC66Bcnm5CqDlOYMyweBzvv
TrnUgTCUyMVGbKJ4mpBMHQOSoVfGuE18zkfvoUmqXNEUiOj3v61ODs50zrz9GzeL
r8mehVuSY82CDqPM7vbJS+UIgrPi9cqhxv1APcV+FW+nDux3hyvyG6mHxSOoaTz/
tmAXqxZ7IJKRJW+p2Qw9FjSrQOjjfCDWRKNd3m7WhHlceKWuh6fargYbs3A7jIf7
+BaGTOfx/EcbgWrrvQ6FgdNqiijUfxmk0nTtFAaAACs/V9wOiqZLCBP+Uqv5GL7T
X2+yrJtpe2A/Jc/0VC7utOK7HPHO9y+mqkFm2SzCUnN4PDCIm6L4yDdzdjsAxj6n
YcG2AYnZhPGstAXYeQThbbgnOa76hpr4FDFb7y5OMQvbb7uDAs6goHd8yrlGdMub
KqalC3IWh9RbnDbXQLFkTG9ijaswbKu0Q4DRIjVtN/RRlYrLqKE/P/uy99GQ+zxC
vUSUci1YVbkGaTC7OMeLWf2gPptcEOXRqZhluEFIxIeMD2ykv50nfZWl6wBQRyas
+MsEoHCZYtb8ZgA8adAh0bFo/zsh9nu/HeXN6Rk0DIzBv31t6bIubsZ8VAybVetG
vkivZ9yrc5R/lNYCmIIk0YqYr4IU8GMru7l11Ojui08RTESwZ5KcsH1s9CFWuUG4
D8SsbEVopM4IbnZi0X5WWyHreEjfBrcP6+/o+3vzi+sq76v17PXlalypi4kuUjAD
78w/o5vWmS+DWkrr0DqmQZ3nFX3fcrBbP1blr1Nlb5iv3Rwy7tVMF87tpgrnk/4Y
337xpCvNLXW0EwL6KdWqJ7Y6KLjLDmeT
-----END ENCRYPTED PRIVATE KEY-----
`;

const PYWA_REQUEST = {
  encrypted_flow_data:
    "sCTmBCqjs0GkkX6n/nyZDuyjpaijuelY3I/8rlr1ZIEymEzCMnDGQdxQ9OGaKw0CEaWSgc/GLhuixa8NTQNYXAyVfTaU9H2FWEabWUb8nbZYRdYy81XHUkDCodl4SvBhhufEag==",
  encrypted_aes_key:
    "gSTeWDqfKqo1eL73VstmrMm5k5lymwUwXCfuxauPFPoW7Ji9dgcG74Y6YRtoYOAch6Z/AgrR7EAlsRi/s8xT/Gx2WWz6zfcXPUQVpoIlp7EgC+HmmA2ZK64g/107yL+vKoUdL0mWJHQf1ml12HszBxOtNlW+7GAMPESNDqGpgy1R3Zgz/luStp2INtigps9w2j9+Ktp0smqxHqpUkBWp8xxoWVvzPK4H0jcFm7sjFMpiJ1e1EjApo7iDqldys0tMRC+KoOjJVD6aq1gY5s2yYL7iCXXgEAKJItTk/4/mbWWNkRtd9NoEGnMHilcjYOzlUCHehAO9fos+WCLE87JAXw==",
  initial_vector: "5eCmDjs+VAJwdo5caZtgbw==",
};
