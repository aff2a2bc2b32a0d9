/**
 * What the web build gives for `resize-observer-polyfill` (vite.config.ts), which antd's rc-resize-observer imports:
 * the browser's own ResizeObserver (Chrome 64, Safari 13.1). The build targets Vite's default, Chrome 111 and
 * Safari 16.4, and Ant Design 5's styles need `:where()` (Chrome 88, Safari 14): no browser that runs the console
 * lacks it, and the polyfill hands out the native one there anyway — its 13 kB were dead code on every page (#16).
 */
export default globalThis.ResizeObserver;
