import type { appZhCN } from './zh-CN.js';

/**
 * Each web module's zh-CN strings, keyed by module name. Empty here: every `src/web/modules/<m>/i18n.zh-CN.ts`
 * adds its entry by declaration merging, so a module's keys are type-checked without this file naming it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the modules' declaration merging
export interface ModuleMessages {}

/** The shape another language must have: the zh-CN tree with each text widened to string. */
export type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every string of the console: the shared ones and each module's (their top-level keys must not overlap). */
export type Messages = Widen<typeof appZhCN & UnionToIntersection<ModuleMessages[keyof ModuleMessages]>>;

/** A tree of strings, as a module's i18n file exports it. */
export type MessageTree = { readonly [key: string]: string | MessageTree };
