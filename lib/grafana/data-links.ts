/**
 * Ready-to-paste Grafana data-link URLs into Flashback (README "Grafana").
 * Grafana fills `${…}` when a user clicks a point; the templates use only
 * Flashback's public URL parameters, so these stay valid as the UI evolves.
 */

export interface DataLinkTemplate {
  id: 'time-range' | 'point' | 'label-filter' | 'compare-previous' | 'compare-day';
  title: string;
  /** Path and query after Flashback's base URL. */
  template: string;
}

/**
 * The templates for series carrying the label `labelKey` (whatever the
 * data calls it: `instance`, `job`, `exchange` …): the label-filter link
 * passes the clicked series' value of that label as a filter.
 */
export function grafanaDataLinks(labelKey: string): readonly DataLinkTemplate[] {
  return [
    {
      id: 'time-range',
      title: "Open the panel's time range in Flashback",
      template: '/?${__url_time_range}',
    },
    {
      id: 'point',
      title: 'Open ten minutes around the clicked point, playhead on it',
      template: '/?time=${__value.time}&time.window=600000',
    },
    {
      id: 'label-filter',
      title: `Open the clicked point with the series' ${labelKey} as a filter`,
      template: `/?time=\${__value.time}&time.window=600000&label=${encodeURIComponent(labelKey)}:\${__field.labels.${labelKey}:percentencode}`,
    },
    // Compare mode from Grafana: the same windows, with `compare=` (lib/url/compare.ts) naming the baseline.
    {
      id: 'compare-previous',
      title: "Compare the panel's time range with the same length just before it",
      template: '/?${__url_time_range}&compare=previous',
    },
    {
      id: 'compare-day',
      title: 'Compare ten minutes around the clicked point with the same minutes a day earlier',
      template: '/?time=${__value.time}&time.window=600000&compare=-1d',
    },
  ];
}
