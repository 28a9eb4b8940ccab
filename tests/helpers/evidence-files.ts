import sharp from 'sharp';

// Real files for the evidence tests: photos with and without EXIF, a PDF, and hostile look-alikes.

/** A JPEG photo as a phone writes it: capture time and GPS (Wuhan) in its EXIF. */
export const photoWithExif = (width = 1600, height = 1200, colour = { r: 200, g: 120, b: 40 }) =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .withExif({
      IFD0: { Make: 'TestPhone' },
      IFD2: { DateTimeOriginal: '2025:03:01 10:20:30' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 35/1 2400/100', GPSLongitudeRef: 'E', GPSLongitude: '114/1 18/1 0/1' },
    })
    .jpeg({ quality: 85 })
    .toBuffer();

export const plainPng = (width = 640, height = 480) => sharp({ create: { width, height, channels: 4, background: { r: 20, g: 160, b: 90, alpha: 1 } } }).png().toBuffer();

/** A one-page PDF (a signed statement). */
export function smallPdf(text = 'Signed statement') {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R >>',
    `<< /Length ${text.length + 20} >>\nstream\nBT /F1 12 Tf 20 100 Td (${text}) Tj ET\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A web page that would run script on the portal's origin, renamed to look like a photo. */
export const htmlAsJpeg = () => Buffer.from('<!doctype html><html><body><script>fetch("/api/exports/projects").then(r=>r.text()).then(alert)</script></body></html>');
/** An SVG drawing carrying script. */
export const scriptedSvg = () => Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>');
