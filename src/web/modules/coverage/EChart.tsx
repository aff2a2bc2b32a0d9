import { BarChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
export type BarClick = { dataIndex: number };

/** A minimal ECharts host: one chart per div, resized with its box, option replaced on change; reports clicks by category. */
export function EChart({
  option,
  height,
  onBarClick,
  testId,
}: {
  option: ChartOption;
  height: number;
  onBarClick?: (e: BarClick) => void;
  testId: string;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onBarClick);
  clickRef.current = onBarClick;

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
