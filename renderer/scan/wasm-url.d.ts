// Vite's `?url` import: the emitted asset's URL, relative to the importing chunk (base './').
// Declared here alone because the renderer compiles without vite/client's ambient types.
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
