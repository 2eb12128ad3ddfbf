/**
 * What is actually painted: a screenshot of the viewport, decoded here (8-bit RGB/RGBA PNG, as
 * both browsers write them), and the share of "coloured" pixels inside some boxes. Black text
 * on a white or cream page is grey; a Termlight highlight tints the text's background.
 */
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { TestPage } from './types';

export interface Image {
  width: number;
  height: number;
  /** RGBA, row by row. */
  rgba: Uint8Array;
}

export function decodePng(png: Buffer): Image {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('Not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      colourType = body[9]!;
      if (depth !== 8 || (colourType !== 2 && colourType !== 6) || body[12] !== 0) {
        throw new Error(`Unsupported PNG (depth ${depth}, colour type ${colourType}, interlace ${body[12]})`);
      }
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const channels = colourType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const current = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? current[i - channels]! : 0;
      const b = previous[i]!;
      const c = i >= channels ? previous[i - channels]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      current[i] = (line[i]! + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const from = x * channels;
      const to = (y * width + x) * 4;
      out[to] = current[from]!;
      out[to + 1] = current[from + 1]!;
      out[to + 2] = current[from + 2]!;
      out[to + 3] = channels === 4 ? current[from + 3]! : 255;
    }
    previous = current;
  }
  return { width, height, rgba: out };
}

/** The viewport as painted now. */
export async function viewportImage(page: TestPage): Promise<Image> {
  const file = path.join(os.tmpdir(), `termlight-shot-${process.pid}-${Date.now()}.png`);
  try {
    await page.screenshot(file);
    return decodePng(readFileSync(file));
  } finally {
    rmSync(file, { force: true });
  }
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The share (0…1) of pixels inside `rects` (viewport CSS pixels; the harness viewport has a
 * device pixel ratio of 1) whose channels differ by more than `spread`: tinted, not grey.
 */
export function colouredShare(image: Image, rects: readonly Rect[], spread = 24): number {
  let total = 0;
  let coloured = 0;
  for (const r of rects) {
    for (let y = Math.max(0, Math.ceil(r.top)); y < Math.min(image.height, Math.floor(r.bottom)); y++) {
      for (let x = Math.max(0, Math.ceil(r.left)); x < Math.min(image.width, Math.floor(r.right)); x++) {
        const i = (y * image.width + x) * 4;
        const red = image.rgba[i]!;
        const green = image.rgba[i + 1]!;
        const blue = image.rgba[i + 2]!;
        total++;
        if (Math.max(red, green, blue) - Math.min(red, green, blue) > spread) coloured++;
      }
    }
  }
  return total === 0 ? 0 : coloured / total;
}
