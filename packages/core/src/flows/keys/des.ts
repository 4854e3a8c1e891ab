// DES-EDE3-CBC (Triple-DES) decryption. Web Crypto has no DES, yet it is what
// `openssl genrsa -des3` writes (in encrypted PKCS#8 with OpenSSL 3, in the legacy
// PEM format before) and what many existing Flows keys use. Decryption only: we
// never encrypt keys. The tables are FIPS 46-3's, as printed (bits numbered from 1
// at the most significant end); on first use they are compiled into lookup tables
// so a block costs a few dozen array reads (a 1.2 KB key is ~150 blocks).

// Initial permutation IP (FIPS 46-3, p. 10).
const IP = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4,
  62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
  57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3,
  61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
];

// Inverse initial permutation IP⁻¹ (p. 10).
const FP = [
  40, 8, 48, 16, 56, 24, 64, 32, 39, 7, 47, 15, 55, 23, 63, 31,
  38, 6, 46, 14, 54, 22, 62, 30, 37, 5, 45, 13, 53, 21, 61, 29,
  36, 4, 44, 12, 52, 20, 60, 28, 35, 3, 43, 11, 51, 19, 59, 27,
  34, 2, 42, 10, 50, 18, 58, 26, 33, 1, 41, 9, 49, 17, 57, 25,
];

// E bit-selection table (p. 11): eight overlapping 6-bit windows over R.
const E = [
  32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17,
  16, 17, 18, 19, 20, 21, 20, 21, 22, 23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1,
];

// Permutation P (p. 15).
const P = [16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25];

// Selection functions S1…S8 (p. 13–14): 4 rows of 16 each.
const S = [
  [
    14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
    4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13,
  ],
  [
    15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
    0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9,
  ],
  [
    10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
    13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12,
  ],
  [
    7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
    10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14,
  ],
  [
    2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
    4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3,
  ],
  [
    12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
    9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13,
  ],
  [
    4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
    1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12,
  ],
  [
    13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
    7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11,
  ],
];

// Permuted choice 1 (p. 19): 64 key bits → C₀ (first 28) and D₀ (last 28); parity bits dropped.
const PC1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
  63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];

// Permuted choice 2 (p. 21): 56 bits of CₙDₙ → the 48-bit round key Kₙ.
const PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
  41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];

// Left shifts of C and D before each round (p. 20).
const SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];

interface Compiled {
  /** IP by input byte: [byte position · 256 + value] → bits of L (hi) / R (lo). */
  readonly ipHi: Uint32Array;
  readonly ipLo: Uint32Array;
  /** IP⁻¹ the same way, over the pre-output R₁₆L₁₆. */
  readonly fpHi: Uint32Array;
  readonly fpLo: Uint32Array;
  /** S-box then P, per box: [box · 64 + 6-bit input] → 32-bit contribution to f. */
  readonly sp: Uint32Array;
  /** Left-rotation of R that brings E's window i to the top 6 bits. */
  readonly eRot: Uint8Array;
}

let compiled: Compiled | undefined;

/** 64-bit permutation `table` as byte lookup tables (bit k of output = bit table[k] of input). */
function byteTables(table: readonly number[]): [Uint32Array, Uint32Array] {
  const hi = new Uint32Array(8 * 256);
  const lo = new Uint32Array(8 * 256);
  for (let k = 0; k < 64; k++) {
    const src = (table[k] ?? 0) - 1;
    const pos = src >> 3;
    const mask = 0x80 >> (src & 7);
    for (let v = 0; v < 256; v++) {
      if (!(v & mask)) continue;
      const idx = pos * 256 + v;
      if (k < 32) hi[idx] = ((hi[idx] ?? 0) | (1 << (31 - k))) >>> 0;
      else lo[idx] = ((lo[idx] ?? 0) | (1 << (63 - k))) >>> 0;
    }
  }
  return [hi, lo];
}

function compile(): Compiled {
  const [ipHi, ipLo] = byteTables(IP);
  const [fpHi, fpLo] = byteTables(FP);
  const sp = new Uint32Array(8 * 64);
  for (let box = 0; box < 8; box++) {
    for (let v = 0; v < 64; v++) {
      // Row from the outer bits (1 and 6), column from the inner four.
      const row = ((v >> 4) & 2) | (v & 1);
      const col = (v >> 1) & 15;
      const s = S[box]?.[row * 16 + col] ?? 0;
      const pre = s << (28 - 4 * box); // bits 4·box+1 … 4·box+4 of the S output
      let out = 0;
      for (let k = 0; k < 32; k++) {
        const src = (P[k] ?? 0) - 1;
        if ((pre >>> (31 - src)) & 1) out |= 1 << (31 - k);
      }
      sp[box * 64 + v] = out >>> 0;
    }
  }
  // E's windows are six consecutive bits of R (cyclically); check that rather than
  // assume it, then each window is a rotation and a shift.
  const eRot = new Uint8Array(8);
  for (let w = 0; w < 8; w++) {
    const start = E[w * 6] ?? 0;
    for (let j = 1; j < 6; j++) {
      if (E[w * 6 + j] !== ((start - 1 + j) % 32) + 1) throw new Error("DES: unexpected E table");
    }
    eRot[w] = (start - 1) % 32;
  }
  return { ipHi, ipLo, fpHi, fpLo, sp, eRot };
}

/** The 16 round keys of `key` (8 bytes), each as eight 6-bit values: 128 bytes. */
function keySchedule(key: Uint8Array): Uint8Array {
  const bit = (table: readonly number[], k: number, bits: Uint8Array): number => bits[(table[k] ?? 0) - 1] ?? 0;
  const keyBits = new Uint8Array(64);
  for (let i = 0; i < 64; i++) keyBits[i] = ((key[i >> 3] ?? 0) >> (7 - (i & 7))) & 1;
  const cd = new Uint8Array(56);
  for (let k = 0; k < 56; k++) cd[k] = bit(PC1, k, keyBits);
  const out = new Uint8Array(16 * 8);
  const rotated = new Uint8Array(56);
  for (let round = 0; round < 16; round++) {
    const n = SHIFTS[round] ?? 0;
    // C and D rotate separately, each 28 bits.
    for (let half = 0; half < 56; half += 28) {
      for (let i = 0; i < 28; i++) rotated[half + i] = cd[half + ((i + n) % 28)] ?? 0;
    }
    cd.set(rotated);
    for (let w = 0; w < 8; w++) {
      let v = 0;
      for (let j = 0; j < 6; j++) v = (v << 1) | bit(PC2, w * 6 + j, cd);
      out[round * 8 + w] = v;
    }
  }
  return out;
}

/** One DES block on `state` = [hi, lo] in place: encrypt, or decrypt (round keys reversed). */
function desBlock(t: Compiled, roundKeys: Uint8Array, decrypt: boolean, state: Uint32Array): void {
  const hi = state[0] ?? 0;
  const lo = state[1] ?? 0;
  let l = 0;
  let r = 0;
  for (let p = 0; p < 8; p++) {
    const byte = (p < 4 ? hi >>> (24 - 8 * p) : lo >>> (56 - 8 * p)) & 0xff;
    l |= t.ipHi[p * 256 + byte] ?? 0;
    r |= t.ipLo[p * 256 + byte] ?? 0;
  }
  for (let round = 0; round < 16; round++) {
    const k = (decrypt ? 15 - round : round) * 8;
    let f = 0;
    for (let w = 0; w < 8; w++) {
      const rot = t.eRot[w] ?? 0;
      const window = (((r << rot) | (r >>> (32 - rot))) >>> 26) ^ (roundKeys[k + w] ?? 0);
      f |= t.sp[w * 64 + window] ?? 0;
    }
    const next = l ^ f;
    l = r;
    r = next;
  }
  // Pre-output is R₁₆L₁₆ (the halves are not swapped back after the last round).
  let outHi = 0;
  let outLo = 0;
  for (let p = 0; p < 8; p++) {
    const byte = (p < 4 ? r >>> (24 - 8 * p) : l >>> (56 - 8 * p)) & 0xff;
    outHi |= t.fpHi[p * 256 + byte] ?? 0;
    outLo |= t.fpLo[p * 256 + byte] ?? 0;
  }
  state[0] = outHi;
  state[1] = outLo;
}

/**
 * DES-EDE3-CBC decryption of `data` (a multiple of 8 bytes) with a 24-byte key
 * K1‖K2‖K3 and an 8-byte IV: P = D_K1(E_K2(D_K3(C))) ⊕ previous block. Padding is
 * left in place (see `stripPkcs7`). Single DES-CBC is the same call with K1 = K2 = K3.
 */
export function desEde3CbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array<ArrayBuffer> {
  if (key.length !== 24) throw new RangeError("DES-EDE3 needs a 24-byte key");
  if (iv.length !== 8) throw new RangeError("DES-EDE3-CBC needs an 8-byte IV");
  if (data.length % 8 !== 0) throw new RangeError("DES-EDE3-CBC data must be a multiple of 8 bytes");
  compiled ??= compile();
  const t = compiled;
  const k1 = keySchedule(key.subarray(0, 8));
  const k2 = keySchedule(key.subarray(8, 16));
  const k3 = keySchedule(key.subarray(16, 24));
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out = new Uint8Array(data.length);
  const outView = new DataView(out.buffer);
  const ivView = new DataView(iv.buffer, iv.byteOffset, 8);
  let prevHi = ivView.getUint32(0);
  let prevLo = ivView.getUint32(4);
  const state = new Uint32Array(2);
  for (let off = 0; off < data.length; off += 8) {
    const cHi = view.getUint32(off);
    const cLo = view.getUint32(off + 4);
    state[0] = cHi;
    state[1] = cLo;
    desBlock(t, k3, true, state);
    desBlock(t, k2, false, state);
    desBlock(t, k1, true, state);
    outView.setUint32(off, ((state[0] ?? 0) ^ prevHi) >>> 0);
    outView.setUint32(off + 4, ((state[1] ?? 0) ^ prevLo) >>> 0);
    prevHi = cHi;
    prevLo = cLo;
  }
  return out;
}
