/**
 * Where a popup opened from the console's header (the top menu's groups, the language and user menus) lives: inside
 * the header, which is sticky (styles.css, `.shell-header`), so the popup stays under its button while the page
 * scrolls. In document.body (antd's default) it is placed in the page and moved back under the button on each scroll:
 * a press and its release either side of a scroll then land on different elements, the menu item gets no click and
 * the menu stays open (#16: seen in the console journey under load, where the browser scrolled the item into view
 * between the two). Outside the header (the sign-in page) the popup stays in the body.
 */
export function headerPopupContainer(trigger: HTMLElement): HTMLElement {
  return trigger.closest<HTMLElement>('.shell-header') ?? document.body;
}
