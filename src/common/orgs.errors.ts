import { defineErrors } from './errors.js';

/** Errors of the orgs module: the organisation tree and collaboration zones. */
export const orgErrors = defineErrors({
  ORG_KIND_NOT_ALLOWED: {
    status: 422,
    'zh-CN': '“{parentKind}”下不能设立“{kind}”',
    en: 'A {kind} cannot sit under a {parentKind}',
  },
  ORG_MOVE_INTO_ITSELF: {
    status: 422,
    'zh-CN': '不能把组织移动到它自己或它的下级之下',
    en: 'An organisation cannot move under itself or its own descendant',
  },
  ORG_ROOT_IMMUTABLE: { status: 422, 'zh-CN': '顶级组织不能移动或删除', en: 'The top organisation cannot be moved or deleted' },
  ORG_NAME_TAKEN: {
    status: 409,
    'zh-CN': '同一上级下已有名为“{name}”的组织',
    en: 'An organisation named "{name}" already exists under this parent',
  },
  ORG_HAS_CHILDREN: {
    status: 422,
    'zh-CN': '该组织还有下级组织，不能删除',
    en: 'This organisation still has children and cannot be deleted',
  },
  ORG_HAS_EMPLOYERS: {
    status: 422,
    'zh-CN': '该组织仍覆盖或管辖企业，不能删除',
    en: 'This organisation still covers employers and cannot be deleted',
  },
  ORG_HAS_USERS: {
    status: 422,
    'zh-CN': '仍有账号在该组织上授权，不能删除',
    en: 'Accounts still hold roles on this organisation; it cannot be deleted',
  },
  ZONE_NOT_CHILD: {
    status: 422,
    'zh-CN': '只能把直属下级组织划入协作区',
    en: 'Only direct children can be placed in a collaboration zone',
  },
  ZONE_NAME_TAKEN: { status: 409, 'zh-CN': '已有名为“{name}”的协作区', en: 'A collaboration zone named "{name}" already exists' },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    orgs: typeof orgErrors;
  }
}
