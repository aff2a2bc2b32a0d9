// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../common/imports.js';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import { UnknownEmployers } from './UnknownEmployers.js';

const union: OrgWithAncestors = {
  id: 30,
  parentId: 20,
  kind: 'joint_union',
  jointType: 'regional',
  name: '东华门街道联合工会',
  regionCode: null,
  zoneId: null,
  childCount: 0,
  depth: 3,
  version: 1,
  updatedAt: '2026-11-30T08:00:00Z',
  ancestors: [
    { id: 1, name: '北京市总工会', kind: 'city_federation' },
    { id: 10, name: '东城区总工会', kind: 'district_federation' },
    { id: 20, name: '东华门街道总工会', kind: 'street_federation' },
  ],
};

const job: ImportJob = {
  id: 5,
  orgId: 30,
  fileName: '名册.xlsx',
  status: 'done',
  rowsRead: 7,
  imported: 4,
  rejected: 0,
  duplicates: 0,
  elsewhere: 0,
  held: 3,
  attached: 0,
  unknownEmployers: [{ name: '首开天岳恒物业（东城）', rows: 3 }],
  hasErrorFile: true,
  errorFileExpiredAt: null,
  failure: null,
  createdAt: '2026-11-30T08:00:00Z',
  finishedAt: '2026-11-30T08:01:00Z',
};

/** The server's answer to a create: the body as saved. */
const createdEmployer = (body: unknown) => ({
  id: 99,
  uscc: null,
  address: null,
  streetName: '东华门街道总工会',
  unionName: union.name,
  unionisationStage: 'established',
  unionisationMeetingId: null,
  version: 1,
  ...(body as object),
});

describe('UnknownEmployers on the import result', () => {
  it('lists the unknown employers, and 新建企业 creates one under this union with the roster’s name prefilled', async () => {
    const calls = fakeApi(cadre(['member.write', 'employer.write']), (method, path, _url, body) =>
      method === 'POST' && path === '/api/employers' ? { status: 201, body: createdEmployer(body) } : undefined,
    );
    renderPage(<UnknownEmployers job={job} org={union} />);
    const table = await screen.findByTestId('unknown-employers');
    expect(within(table).getByText('首开天岳恒物业（东城）')).toBeTruthy();
    expect(document.body.textContent).toContain('3 行的所在单位不是本工会覆盖的企业');
    await userEvent.click(await screen.findByTestId('unknown-employer-create'));
    const modal = await screen.findByTestId('employer-form-modal');
    expect((within(modal).getByTestId('employer-name') as HTMLInputElement).value).toBe('首开天岳恒物业（东城）');
    const headcount = within(modal).getByTestId('employer-headcount');
    await userEvent.clear(headcount);
    await userEvent.type(headcount, '4');
    const industry = within(modal).getByTestId('employer-industry');
    fireEvent.mouseDown(industry.querySelector('.ant-select-selector') ?? industry);
    await userEvent.click(await screen.findByText(/^G /));
    await userEvent.click(screen.getByTestId('employer-form-submit'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      name: '首开天岳恒物业（东城）',
      headcount: 4,
      industry: 'G',
      streetOrgId: 20,
      unionOrgId: 30,
    });
    expect(await screen.findByText('已新建')).toBeTruthy();
    expect(screen.queryByTestId('unknown-employer-create')).toBeNull();
  });

  it('shows no 新建企业 to a cadre who may not write employers', async () => {
    fakeApi(cadre(['member.write']), () => undefined);
    renderPage(<UnknownEmployers job={job} org={union} />);
    await screen.findByTestId('session-ready');
    expect(await screen.findByTestId('unknown-employers')).toBeTruthy();
    expect(screen.queryByTestId('unknown-employer-create')).toBeNull();
  });
});
