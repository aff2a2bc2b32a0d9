import type { Widen } from '../../i18n/messages.js';
import type { messages as zhCN } from './i18n.zh-CN.js';

/** English strings of employers. */
export const messages: Widen<typeof zhCN> = {
  employer: {
    field: {
      name: 'Employer name',
      uscc: 'Unified social credit code',
      headcount: 'Headcount',
      industry: 'Industry section',
      address: 'Address',
      street: 'Street / township / park',
      union: 'Covering union',
      covered: 'Unionised',
      minHeadcount: 'Minimum headcount',
    },
    create: 'Add employer',
    editTitle: 'Edit employer',
    createTitle: 'Add employer',
    notCovered: 'No union',
    covered: { yes: 'Unionised', no: 'Not unionised' },
    searchName: 'Search by name',
    pickStreet: 'Search a street, township or park federation',
    pickUnion: 'Search the union covering it (optional)',
    industry: {
      A: 'Agriculture, forestry, animal husbandry and fishery',
      B: 'Mining',
      C: 'Manufacturing',
      D: 'Electricity, heat, gas and water',
      E: 'Construction',
      F: 'Wholesale and retail trade',
      G: 'Transport, storage and post',
      H: 'Accommodation and catering',
      I: 'Information transmission, software and IT services',
      J: 'Finance',
      K: 'Real estate',
      L: 'Leasing and business services',
      M: 'Scientific research and technical services',
      N: 'Water conservancy, environment and public facilities',
      O: 'Household, repair and other services',
      P: 'Education',
      Q: 'Health and social work',
      R: 'Culture, sports and entertainment',
      S: 'Public administration, social security and social organisations',
      T: 'International organisations',
    },
  },
};
