/**
 * The browser APIs jsdom lacks and antd uses. testing/dom.tsx imports it with the console's strings and providers;
 * a test of what a phone page downloads imports it alone.
 */

// antd's responsive helpers ask for media queries and watch element sizes.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver = NoResizeObserver;
// jsdom implements getComputedStyle without pseudo-elements and says so on every call antd makes.
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);
