'use client';

import { useEffect, useRef } from 'react';
import { echarts, type EChartsCoreOption, type EChartsType } from './echarts';

/**
 * The ECharts wrapper: owns init, option updates, resize (ResizeObserver) and
 * dispose. Charts draw only; pointer interaction (crosshair, playhead, brush)
 * lives in HTML overlays that share the charts' grid, so the wrapper keeps
 * ECharts' own tooltip and events off.
 *
 * After each draw it sets `data-rendered` on its element and a Performance API
 * mark `chart-drawn:<name>` (read by the UI benchmark).
 */

interface EChartProps {
  option: EChartsCoreOption;
  name: string;
  className?: string;
  onReady?: (chart: EChartsType | null) => void;
}

export function EChart({ option, name, className, onReady }: EChartProps) {
  const elementRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const onReadyRef = useRef(onReady);
  const optionRef = useRef(option);
  // The option last handed to ECharts: the mount draws it once, not again in the update effect.
  const drawnRef = useRef<EChartsCoreOption | null>(null);
  useEffect(() => {
    onReadyRef.current = onReady;
    optionRef.current = option;
  }, [onReady, option]);

  useEffect(() => {
    const element = elementRef.current;
    if (!element) return;
    const chart = echarts.init(element, null, { renderer: 'canvas' });
    chartRef.current = chart;
    const drawn = () => {
      element.dataset.rendered = String(Number(element.dataset.rendered ?? '0') + 1);
      performance.mark(`chart-drawn:${name}`);
    };
    chart.on('finished', drawn);
    chart.setOption(optionRef.current, { notMerge: true });
    drawnRef.current = optionRef.current;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    onReadyRef.current?.(chart);
    return () => {
      observer.disconnect();
      chart.off('finished', drawn);
      chart.dispose();
      chartRef.current = null;
      onReadyRef.current?.(null);
    };
  }, [name]);

  useEffect(() => {
    if (!chartRef.current || drawnRef.current === option) return;
    chartRef.current.setOption(option, { notMerge: true, lazyUpdate: false });
    drawnRef.current = option;
  }, [option]);

  return <div ref={elementRef} className={className} data-chart={name} />;
}
