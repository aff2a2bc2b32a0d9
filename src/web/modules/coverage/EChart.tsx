import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
export type BarClick = { dataIndex: number };
/** The ECharts core, for a lazily loaded chart (the map) to register its own components. */
export { echarts };

/** A minimal ECharts host: one chart per div, resized with its box, option replaced on change; reports clicks by category. */
export function EChart({
  option,
  height,
  onBarClick,
  onItemClick,
  testId,
}: {
  option: ChartOption;
  height: number;
  onBarClick?: (e: BarClick) => void;
  /** A click on a series item (a map region): its data item. */
  onItemClick?: (data: unknown) => void;
  testId: string;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onBarClick);
  clickRef.current = onBarClick;
  const itemClickRef = useRef(onItemClick);
  itemClickRef.current = onItemClick;

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const chart = echarts.init(box, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    // A click anywhere in a category's column counts, so a child with tiny (or zero) bars can still be opened.
    chart.getZr().on('click', (event: { offsetX: number; offsetY: number }) => {
      const point = [event.offsetX, event.offsetY];
      if (!clickRef.current || !chart.containPixel('grid', point)) return;
      const value = chart.convertFromPixel({ gridIndex: 0 }, point);
      const index = Array.isArray(value) ? value[0] : value;
      if (typeof index === 'number' && index >= 0) clickRef.current({ dataIndex: Math.round(index) });
    });
    chart.on('click', (event: { data?: unknown }) => itemClickRef.current?.(event.data));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={boxRef} style={{ width: '100%', height }} data-testid={testId} />;
}
