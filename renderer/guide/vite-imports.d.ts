// Vite's build-time imports the guide uses: a text file's content (`?raw`), and the URLs of
// a folder of pictures (import.meta.glob). The renderer's tsconfig has no vite/client types.
declare module '*.md?raw' {
  const text: string;
  export default text;
}

interface ImportMeta {
  glob(pattern: string, options: { eager: true; query: '?url'; import: 'default' }): Record<string, string>;
}
