// Just enough of a WebAssembly binary assembler to build chacha20-poly1305-wasm.ts's module
// from readable TypeScript at load time, so no opaque .wasm blob is checked in.
// Encoding reference: https://webassembly.github.io/spec/core/binary/ (SIMD: 0xFD prefix).

export type Code = readonly number[];
export const I32 = 0x7f;
export const I64 = 0x7e;
export const V128 = 0x7b;
export type ValueType = typeof I32 | typeof I64 | typeof V128;

function unsignedLeb(value: number): number[] {
  const out: number[] = [];
  let rest = value >>> 0;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    out.push(byte);
  } while (rest !== 0);
  return out;
}

function signedLeb(value: bigint): number[] {
  const out: number[] = [];
  let rest = value;
  for (;;) {
    const byte = Number(rest & 0x7fn);
    rest >>= 7n;
    if ((rest === 0n && (byte & 0x40) === 0) || (rest === -1n && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const vector = (items: Code[]): number[] => [...unsignedLeb(items.length), ...items.flat()];
const section = (id: number, content: Code): number[] => [id, ...unsignedLeb(content.length), ...content];
const name = (text: string): number[] => vector([...text].map((c) => [c.charCodeAt(0)]));
const memoryArgument = (offset: number, alignLog2: number): number[] => [alignLog2, ...unsignedLeb(offset)];
const simd = (opcode: number, ...immediates: number[]): number[] => [0xfd, ...unsignedLeb(opcode), ...immediates];

/** The instructions the module uses, each returning its encoding. */
export const op = {
  localGet: (index: number) => [0x20, ...unsignedLeb(index)],
  localSet: (index: number) => [0x21, ...unsignedLeb(index)],
  localTee: (index: number) => [0x22, ...unsignedLeb(index)],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...unsignedLeb(depth)],
  brIf: (depth: number) => [0x0d, ...unsignedLeb(depth)],
  i32Const: (value: number) => [0x41, ...signedLeb(BigInt(value | 0))],
  i32Load: (offset = 0) => [0x28, ...memoryArgument(offset, 0)],
  i32Eqz: [0x45],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i64Const: (value: bigint | number) => [0x42, ...signedLeb(BigInt(value))],
  i64Load32: (offset = 0) => [0x35, ...memoryArgument(offset, 0)],
  i64Store32: (offset = 0) => [0x3e, ...memoryArgument(offset, 0)],
  i64Add: [0x7c],
  i64Sub: [0x7d],
  i64Mul: [0x7e],
  i64And: [0x83],
  i64Or: [0x84],
  i64Xor: [0x85],
  i64Shl: [0x86],
  i64ShrS: [0x87],
  i64ShrU: [0x88],
  v128Load: (offset = 0) => simd(0x00, ...memoryArgument(offset, 0)),
  v128Store: (offset = 0) => simd(0x0b, ...memoryArgument(offset, 0)),
  v128Const: (bytes: readonly number[]) => simd(0x0c, ...bytes),
  i8x16Shuffle: (lanes: readonly number[]) => simd(0x0d, ...lanes),
  i32x4Splat: simd(0x11),
  v128Or: simd(0x50),
  v128Xor: simd(0x51),
  i32x4Shl: simd(0xab),
  i32x4ShrU: simd(0xad),
  i32x4Add: simd(0xae),
};

export type FunctionDefinition = {
  name: string;
  params: ValueType[];
  locals: ValueType[];
  body: Code;
};

/** A module with one exported, fixed-size memory ("memory") and the given exported functions (no results). */
export function assembleModule(memoryPages: number, functions: FunctionDefinition[]): Uint8Array {
  const types = functions.map((f) => [0x60, ...vector(f.params.map((t) => [t])), 0]);
  const code = functions.map((f) => {
    const locals = vector(f.locals.map((t) => [1, t]));
    const body = [...locals, ...f.body, ...op.end];
    return [...unsignedLeb(body.length), ...body];
  });
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector(types)),
    ...section(3, vector(functions.map((_, index) => unsignedLeb(index)))),
    ...section(5, vector([[0x01, ...unsignedLeb(memoryPages), ...unsignedLeb(memoryPages)]])),
    ...section(7, vector([[...name("memory"), 0x02, 0], ...functions.map((f, index) => [...name(f.name), 0x00, ...unsignedLeb(index)])])),
    ...section(10, vector(code)),
  ]);
}
