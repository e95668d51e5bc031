'use client';

import { useEffect, useRef } from 'react';
import type { EChartsCoreOption, EChartsType } from './echarts';

/**
 * The ECharts wrapper: owns init, option updates, resize (ResizeObserver) and
 * dispose. Charts draw only; pointer interaction (crosshair, playhead, brush)
 * lives in HTML overlays that share the charts' grid, so the wrapper keeps
 * ECharts' own tooltip and events off.
 *
 * After each draw it sets `data-rendered` on its element and a Performance API
 * mark `chart-drawn:<name>` (read by the UI benchmark).
 *
 * ECharts is most of the client's code: it loads as a chunk of its own,
 * asked for as soon as this module runs in the browser, so the timeline's
 * frame and skeletons render while it downloads and compiles, and each
 * chart is created once it is there.
 */

let loading: Promise<typeof import('./echarts').echarts> | null = null;
const loadECharts = () => (loading ??= import('./echarts').then((m) => m.echarts));
if (typeof window !== 'undefined') void loadECharts();

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
    let chart: EChartsType | null = null;
    let observer: ResizeObserver | null = null;
    let disposed = false;
    const drawn = () => {
      element.dataset.rendered = String(Number(element.dataset.rendered ?? '0') + 1);
      performance.mark(`chart-drawn:${name}`);
    };
    void loadECharts().then((echarts) => {
      if (disposed) return;
      // Sized from the observer's entries, which come after layout: left to measure the element itself,
      // ECharts reads its size (init, resize) and forces a layout of the page per chart while it is built.
      observer = new ResizeObserver((entries) => {
        const box = entries[entries.length - 1]?.contentRect;
        if (!box) return;
        const size = { width: box.width, height: box.height };
        if (chart) return chart.resize(size);
        chart = echarts.init(element, null, { renderer: 'canvas', ...size });
        chartRef.current = chart;
        chart.on('finished', drawn);
        chart.setOption(optionRef.current, { notMerge: true });
        drawnRef.current = optionRef.current;
        onReadyRef.current?.(chart);
      });
      observer.observe(element);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      if (!chart) return;
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
