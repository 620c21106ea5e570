// Which source each byte of a minified file came from, read from its source map (the way
// source-map-explorer does): scripts/size-parts.mjs adds them up per package and folder.
const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** One source-map segment's numbers (base64 VLQ). */
export function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = base64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Minified bytes per source file: from each mapped column to the next, on every line of the output. */
export function bytesPerSource(code, map) {
  const bytes = new Map();
  const lines = code.split('\n');
  let source = 0;
  map.mappings.split(';').forEach((line, index) => {
    let column = 0;
    const segments = line ? line.split(',').map(decodeSegment) : [];
    segments.forEach((segment, i) => {
      column += segment[0];
      if (segment.length > 1) source += segment[1];
      const end = i + 1 < segments.length ? column + segments[i + 1][0] : lines[index].length;
      if (segment.length > 1) bytes.set(source, (bytes.get(source) ?? 0) + Buffer.byteLength(lines[index].slice(column, end)));
    });
  });
  return bytes;
}
