/**
 * The app's icon, drawn in code so it can be regenerated: a shield with a padlock, in NHS blue.
 * Shapes are described in a unit square (0..1, y down) and rasterised with 4×4 supersampling.
 */
import { PNG } from 'pngjs';

/** NHS blue, the app's accent colour. */
export const NHS_BLUE = { r: 0x00, g: 0x5e, b: 0xb8 } as const;

type Inside = (x: number, y: number) => boolean;

interface ShieldBox {
  readonly cx: number;
  readonly top: number;
  readonly bottom: number;
  readonly halfWidth: number;
}

/** A heater shield: a gently rounded top, straight sides, then curving in to a point. */
function shield(box: ShieldBox): Inside {
  const height = box.bottom - box.top;
  return (x, y) => {
    const u = (x - box.cx) / box.halfWidth;
    const v = (y - box.top) / height;
    if (v > 1 || Math.abs(u) > 1) return false;
    if (v < 0.06 * u * u) return false; // top edge dips towards the corners
    const shoulder = 0.42;
    if (v <= shoulder) return true;
    const t = (v - shoulder) / (1 - shoulder);
    return Math.abs(u) <= 1 - t * t;
  };
}

function inset(box: ShieldBox, by: number): ShieldBox {
  return { cx: box.cx, top: box.top + by, bottom: box.bottom - by * 1.9, halfWidth: box.halfWidth - by };
}

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Inside {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

interface Padlock {
  readonly body: Inside;
  readonly shackle: Inside;
  readonly keyhole: Inside;
}

/** A padlock centred on cx, its body's top at bodyTop; w = body width. */
function padlock(cx: number, bodyTop: number, w: number): Padlock {
  const h = w * 0.78;
  const body = roundedRect(cx - w / 2, bodyTop, cx + w / 2, bodyTop + h, w * 0.12);
  const outerR = w * 0.36;
  const thickness = w * 0.14;
  const legBottom = bodyTop + h * 0.2;
  const arcCy = bodyTop - w * 0.12;
  const shackle: Inside = (x, y) => {
    const dx = x - cx;
    if (y <= arcCy) {
      const d = Math.hypot(dx, y - arcCy);
      return d <= outerR && d >= outerR - thickness;
    }
    return y <= legBottom && Math.abs(dx) <= outerR && Math.abs(dx) >= outerR - thickness;
  };
  const holeR = w * 0.11;
  const holeCy = bodyTop + h * 0.42;
  const keyhole: Inside = (x, y) =>
    Math.hypot(x - cx, y - holeCy) <= holeR ||
    (Math.abs(x - cx) <= holeR * 0.5 && y >= holeCy && y <= holeCy + h * 0.3);
  return { body, shackle, keyhole };
}

interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** Rasterise: paint(x, y) gives the colour of a point; each pixel averages 4×4 samples. */
function rasterise(size: number, paint: (x: number, y: number) => Rgba): PNG {
  const png = new PNG({ width: size, height: size });
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          // premultiplied accumulation so transparent samples don't darken edges
          r += c.r * c.a;
          g += c.g * c.a;
          b += c.b * c.a;
          a += c.a;
        }
      }
      const i = (py * size + px) * 4;
      const alpha = a / (n * n);
      png.data[i] = a > 0 ? Math.round(r / a) : 255;
      png.data[i + 1] = a > 0 ? Math.round(g / a) : 255;
      png.data[i + 2] = a > 0 ? Math.round(b / a) : 255;
      png.data[i + 3] = Math.round(alpha * 255);
    }
  }
  return png;
}

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
const CLEAR: Rgba = { r: 255, g: 255, b: 255, a: 0 };
const BLUE: Rgba = { ...NHS_BLUE, a: 1 };

/** The full-colour icon (Teams asks for 192×192): a white shield and blue padlock on NHS blue. */
export function colorIcon(size = 192): Buffer {
  const box: ShieldBox = { cx: 0.5, top: 0.17, bottom: 0.85, halfWidth: 0.3 };
  const outer = shield(box);
  const lock = padlock(0.5, 0.43, 0.25);
  return PNG.sync.write(
    rasterise(size, (x, y) => {
      if (!outer(x, y)) return BLUE;
      if (lock.body(x, y)) return lock.keyhole(x, y) ? WHITE : BLUE;
      if (lock.shackle(x, y)) return BLUE;
      return WHITE;
    }),
  );
}

/** The outline icon (Teams asks for 32×32): white lines on a fully transparent background. */
export function outlineIcon(size = 32): Buffer {
  const box: ShieldBox = { cx: 0.5, top: 0.03, bottom: 0.97, halfWidth: 0.44 };
  const outer = shield(box);
  const inner = shield(inset(box, 0.085));
  const lock = padlock(0.5, 0.42, 0.36);
  return PNG.sync.write(
    rasterise(size, (x, y) => {
      if (outer(x, y) && !inner(x, y)) return WHITE;
      if (lock.body(x, y)) return lock.keyhole(x, y) ? CLEAR : WHITE;
      if (lock.shackle(x, y)) return WHITE;
      return CLEAR;
    }),
  );
}
