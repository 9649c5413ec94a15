// Lark's long-connection frame (`pbbp2.Frame` in the SDK), encoded and decoded by hand: the
// stand-in must speak the wire format itself rather than borrow the SDK's codec it is testing.
//   1 SeqID uint64 · 2 LogID uint64 · 3 service int32 · 4 method int32 (0 control, 1 data)
//   5 headers repeated { 1 key string, 2 value string } · 6 payloadEncoding · 7 payloadType
//   8 payload bytes · 9 LogIDNew

export type Frame = {
  SeqID: number;
  LogID: number;
  service: number;
  method: 0 | 1;
  headers: Record<string, string>;
  payload?: Uint8Array;
};

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

function bytesField(field: number, data: Uint8Array): number[] {
  return [...varint((field << 3) | 2), ...varint(data.length), ...data];
}

const utf8 = (s: string) => new TextEncoder().encode(s);

export function encodeFrame(frame: Frame): Uint8Array {
  const out = [
    ...varint(1 << 3),
    ...varint(frame.SeqID),
    ...varint(2 << 3),
    ...varint(frame.LogID),
    ...varint(3 << 3),
    ...varint(frame.service),
    ...varint(4 << 3),
    ...varint(frame.method),
  ];
  for (const [key, value] of Object.entries(frame.headers))
    out.push(...bytesField(5, new Uint8Array([...bytesField(1, utf8(key)), ...bytesField(2, utf8(value))])));
  if (frame.payload) out.push(...bytesField(8, frame.payload));
  return new Uint8Array(out);
}

/** Fields by number: varints as numbers, length-delimited ones as bytes (repeated ones in order). */
function fields(buf: Uint8Array): [number, number | Uint8Array][] {
  const out: [number, number | Uint8Array][] = [];
  let pos = 0;
  const read = () => {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = buf[pos++] as number;
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
  };
  while (pos < buf.length) {
    const tag = read();
    if ((tag & 7) === 0) out.push([tag >>> 3, read()]);
    else {
      const len = read();
      out.push([tag >>> 3, buf.subarray(pos, pos + len)]);
      pos += len;
    }
  }
  return out;
}

export function decodeFrame(buf: Uint8Array): Frame {
  const frame: Frame = { SeqID: 0, LogID: 0, service: 0, method: 0, headers: {} };
  const text = (b: number | Uint8Array) => new TextDecoder().decode(b as Uint8Array);
  for (const [field, value] of fields(buf)) {
    if (field === 1) frame.SeqID = value as number;
    else if (field === 2) frame.LogID = value as number;
    else if (field === 3) frame.service = value as number;
    else if (field === 4) frame.method = value as 0 | 1;
    else if (field === 5) {
      const pair = Object.fromEntries(fields(value as Uint8Array));
      frame.headers[text(pair[1] ?? new Uint8Array())] = text(pair[2] ?? new Uint8Array());
    } else if (field === 8) frame.payload = value as Uint8Array;
  }
  return frame;
}
