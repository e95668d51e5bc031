/** Test helper: Grafana's interpolation of data-link variables, for the templates in lib/grafana/data-links.ts. */

/**
 * Fills a template the way Grafana does for a click: `${__url_time_range}` →
 * `from=…&to=…` (raw dashboard values, possibly relative), `${__from}`/`${__to}`
 * → epoch ms, `${__value.time}` → the point's epoch ms, `${__field.labels.x}`
 * → the label value, percent-encoded with `:percentencode`. Used by the tests
 * to prove each template opens the view it promises.
 */
export function fillGrafanaTemplate(
  template: string,
  values: { from: string; to: string; valueTime?: number; labels?: Record<string, string> },
): string {
  return template.replace(/\$\{([^}]+)\}/g, (_whole, expression: string) => {
    const [name = '', format] = expression.split(':');
    let value: string;
    if (name === '__url_time_range') return `from=${encodeURIComponent(values.from)}&to=${encodeURIComponent(values.to)}`;
    else if (name === '__from') value = values.from;
    else if (name === '__to') value = values.to;
    else if (name === '__value.time') value = String(values.valueTime ?? '');
    else if (name.startsWith('__field.labels.')) value = values.labels?.[name.slice('__field.labels.'.length)] ?? '';
    else throw new Error(`unknown Grafana variable ${name}`);
    return format === 'percentencode' ? encodeURIComponent(value) : value;
  });
}
