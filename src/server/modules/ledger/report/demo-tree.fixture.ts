import type { ReportTreeNode } from '../../../../common/ledger.report.js';
import { beijingDistricts } from './districts.js';

/**
 * The part of the demo tree the seed pages touch, with the names the seed gives them (src/server/seed/beijing.ts,
 * generate.ts: `${district}总工会`, `${street}总工会`, `${employer}工会`), for the report tests and the bench.
 */
function build(): ReportTreeNode[] {
  const nodes: ReportTreeNode[] = [];
  const add = (name: string, kind: string, parent: ReportTreeNode | null, district: string | null): ReportTreeNode => {
    const id = String(nodes.length + 1);
    const node = { id, name, kind, district, path: parent ? `${parent.path}.${id}` : id };
    nodes.push(node);
    return node;
  };
  const city = add('北京市总工会', 'city_federation', null, null);
  const districts = new Map(beijingDistricts.map((d) => [d.code, add(`${d.name}总工会`, 'district_federation', city, d.code)]));
  const industry = new Map(
    ['北京市教育工会', '北京市建筑工会', '北京市交通运输工会', '北京市卫生健康工会', '北京市财贸工会', '北京市农林水利工会'].map(
      (n) => [n, add(n, 'industry_union', city, null)],
    ),
  );
  const streets: [string, string][] = [
    ['110102', '天桥街道'],
    ['110102', '陶然亭街道'],
    ['110105', '和平街街道'],
    ['110105', '南磨房地区'],
    ['110117', '金海湖地区'],
    ['110115', '北京经济技术开发区'],
    ['110101', '崇文门外街道'],
    ['110101', '东花市街道'],
    ['110101', '东直门街道'],
    ['110108', '苏家坨地区'],
    ['110112', '宋庄镇'],
    ['110114', '沙河地区'],
    ['110114', '回龙观街道'],
    ['110108', '上地街道'],
  ];
  const street = new Map(streets.map(([code, name]) => [name, add(`${name}总工会`, 'street_federation', districts.get(code) ?? city, code)]));
  add('房山区教育工会', 'industry_union', districts.get('110111') ?? city, '110111');
  const grassroots: [string, string, string][] = [
    ['北京大学肿瘤医院', '北京市卫生健康工会', '110108'],
    ['北京回龙观医院', '北京市卫生健康工会', '110114'],
    ['北京大学医学部', '北京市教育工会', '110108'],
    ['北京科技大学', '北京市教育工会', '110108'],
    ['中国人民大学', '北京市教育工会', '110108'],
    ['北京建工集团有限责任公司', '北京市建筑工会', '110102'],
    ['北京建工一建工程建设有限公司', '北京市建筑工会', '110102'],
    ['北京建工三建工程建设有限公司', '北京市建筑工会', '110105'],
    ['北京建工市政集团有限公司', '北京市建筑工会', '110105'],
    ['北京公共交通控股（集团）有限公司', '北京市交通运输工会', '110102'],
    ['北京公共交通控股（集团）有限公司客六分公司', '北京市交通运输工会', '110115'],
    ['北京公交集团鸿运承物业管理中心', '北京市交通运输工会', '110106'],
    ['北京市地铁运营有限公司', '北京市交通运输工会', '110102'],
    ['中国铁路北京局集团有限公司丰台机务段', '北京市交通运输工会', '110106'],
    ['北京北辰实业股份有限公司', '北京市财贸工会', '110105'],
    ['北京新发地农产品批发市场中心', '北京市财贸工会', '110106'],
    ['北京市自来水集团有限责任公司', '北京市农林水利工会', '110102'],
    ['北京京诚集团有限公司', '东直门街道', '110101'],
    ['三一重能股份有限公司', '沙河地区', '110114'],
    ['汉王科技股份有限公司', '上地街道', '110108'],
    ['北京首开天岳恒置业有限公司', '回龙观街道', '110114'],
    ['北京保安服务总公司经济技术开发区分公司', '北京经济技术开发区', '110115'],
  ];
  for (const [employer, parent, code] of grassroots) {
    add(`${employer}工会`, 'grassroots_union', industry.get(parent) ?? street.get(parent) ?? city, code);
  }
  return nodes;
}

export const demoReportTree: readonly ReportTreeNode[] = build();
