import type { TFunction } from 'i18next';
import { createContext, useContext, type ReactNode } from 'react';
import type { Action, Me } from '../../common/auth.js';
import type { OrgWithAncestors } from '../../common/orgs.js';

/** Who sees a route, menu entry or tab: holders of a permission, or signed-in users passing a test. */
export type Access = Action | ((me: Me) => boolean);

/** A page of the signed-in console, under the shell; a caller without access gets "not found". */
export type ConsoleRoute = { path: string; element: ReactNode; access?: Access };

/**
 * A page outside the console (no session probe): the workers' phone pages. A module lists its own in
 * `modules/<m>/public.tsx` (`export const publicRoutes`), apart from `module.tsx`, so a phone loads none of the console.
 */
export type PublicRoute = { path: string; element: ReactNode };

/** An entry of the console's menu. */
export type MenuEntry = {
  /** The path section it marks as selected (`/dashboard`). */
  key: string;
  /** Place in the menu, lowest first. */
  order: number;
  icon: ReactNode;
  label: (t: TFunction) => string;
  testId: string;
  access?: Access;
  /** Where a click leads; `orgId` is the organisation in view (or the last one viewed, or the caller's top node). */
  to: (orgId: number | undefined) => string;
  /** Also marked selected on an organisation page showing this tab. */
  orgTab?: string;
  /** A to-do key (`applications.pending`): its count shows as a badge on the entry. */
  badge?: string;
  /** The submenu it shows under, so the header keeps its width as modules add entries. */
  group?: MenuGroup;
};

/**
 * The header's submenus: `entry` 会员录入 (名册导入, 快速录入), `activities` 活动与福利 (积分项目, 积分商户, 慰问活动),
 * `admin` 系统管理. The shell gives each its label and places it where its first entry (lowest `order`) would stand.
 */
export type MenuGroup = 'entry' | 'activities' | 'admin';

/** A tab of the organisation page. */
export type OrgTab = {
  key: string;
  order: number;
  label: (t: TFunction) => string;
  access?: Access;
  render: (org: OrgWithAncestors) => ReactNode;
  /** A to-do key: its count inside the organisation shows as a badge on the tab. */
  badge?: string;
};

/**
 * One kind of to-do on the 工作台: the label and the filtered list of a key the server counts (a `TodoSource` the
 * module registers in its route module). Without an entry here a counted key is not shown.
 */
export type TodoLink = {
  key: string;
  order: number;
  label: (t: TFunction) => string;
  /** The list, filtered to what waits, inside one of the caller's nodes. */
  to: (orgId: number) => string;
};

/**
 * A card of another module on the coverage dashboard (数据看板), below its own figures: rendered for the node in view.
 * The dashboard knows no module by name; a module adds its figures here (events' reach, for one).
 */
export type DashboardCard = {
  key: string;
  order: number;
  access?: Access;
  render: (orgId: number) => ReactNode;
};

/** What a web module contributes; `src/web/modules/<m>/module.tsx` exports one as `webModule`. */
export type WebModule = {
  routes?: ConsoleRoute[];
  menu?: MenuEntry[];
  orgTabs?: OrgTab[];
  todos?: TodoLink[];
  dashboardCards?: DashboardCard[];
  /** Cards on the 工作台, beside the recent activity, for the caller's first node (the ledger's year). */
  workbenchCards?: DashboardCard[];
};

export function defineWebModule(webModule: WebModule): WebModule {
  return webModule;
}

/** Whether the signed-in user passes an access rule (none = everyone signed in). */
export function hasAccess(access: Access | undefined, me: Me, can: (action: Action) => boolean): boolean {
  if (access === undefined) return true;
  return typeof access === 'function' ? access(me) : can(access);
}

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;

/** Everything the modules contribute, in display order. */
export type Registry = {
  routes: ConsoleRoute[];
  menu: MenuEntry[];
  orgTabs: OrgTab[];
  todos: TodoLink[];
  dashboardCards: DashboardCard[];
  workbenchCards: DashboardCard[];
};

export function collect(webModules: WebModule[]): Registry {
  return {
    routes: webModules.flatMap((m) => m.routes ?? []),
    menu: webModules.flatMap((m) => m.menu ?? []).sort(byOrder),
    orgTabs: webModules.flatMap((m) => m.orgTabs ?? []).sort(byOrder),
    todos: webModules.flatMap((m) => m.todos ?? []).sort(byOrder),
    dashboardCards: webModules.flatMap((m) => m.dashboardCards ?? []).sort(byOrder),
    workbenchCards: webModules.flatMap((m) => m.workbenchCards ?? []).sort(byOrder),
  };
}

const RegistryContext = createContext<Registry>(collect([]));

/** The app provides what the modules registered; the shell and the organisation page read it. */
export const RegistryProvider = RegistryContext.Provider;

export function useRegistry(): Registry {
  return useContext(RegistryContext);
}
