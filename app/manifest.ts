import type { MetadataRoute } from 'next';

// /manifest.webmanifest (Next links it from every page): a phone can add the
// portal to its home screen. The icons are in public/icons (scripts/icons.sh);
// the colours are the header's (red-800 on white).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: '国企联村工作平台',
    short_name: '国企联村',
    lang: 'zh-CN',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#991b1b',
    background_color: '#ffffff',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}
