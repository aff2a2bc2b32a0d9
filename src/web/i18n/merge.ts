import type { MessageTree } from './messages.js';

/** One module's strings in one language (`modules/<m>/i18n.<lang>.ts`). */
export type ModuleStrings = { messages: MessageTree };

/** The shared strings and each module's in one tree; a top-level key given twice is a mistake worth failing on. */
export function mergeMessages(shared: MessageTree, ofModules: Record<string, ModuleStrings>): MessageTree {
  const merged: Record<string, string | MessageTree> = { ...shared };
  for (const [file, { messages }] of Object.entries(ofModules)) {
    for (const [key, value] of Object.entries(messages)) {
      if (key in merged) throw new Error(`i18n: "${key}" of ${file} is already defined`);
      merged[key] = value;
    }
  }
  return merged;
}
