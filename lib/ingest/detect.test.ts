import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';

const detect = (text: string, name = 'data') => detectFormat(Buffer.from(text), name);

describe('detectFormat', () => {
  it('tells every format from its first bytes', () => {
    expect(detect('{"resourceSpans":[{"resource":{}}]}\n')).toBe('otlp-json');
    expect(detect('{\n  "resourceSpans": [\n    {"resource": {"attributes": []}, "scopeSpans": []}')).toBe('otlp-json');
    expect(detect('{"data":[{"traceID":"a","spans":[],"processes":{}}],"total":0}')).toBe('jaeger');
    expect(detect('[\n  {\n    "traceId": "a",\n    "id": "b",\n    "name": "x"\n  },\n  {')).toBe('zipkin');
    expect(detect('{"timestamp":"2020-01-01T00:00:00Z","event_type":"flow"}\n')).toBe('suricata');
    expect(detect('[{"timestamp":"2019-01-02T03:50:11","event_type":"alert"}')).toBe('suricata');
    expect(detect('{"_path":"notice","ts":1.5,"uid":"C","note":"N"}\n')).toBe('zeek');
    expect(detect('{"ts":1.5,"uid":"C","name":"weird","peer":"zeek"}\n')).toBe('zeek');
    expect(detect('# HELP up Whether up.\n# TYPE up gauge\nup 1\n')).toBe('prometheus');
    expect(detect('up{job="x"} 1 1700000000000\n')).toBe('prometheus');
    expect(detect('timestamp,value\n2014-01-01 00:00:00,1\n')).toBe('csv');
    expect(detect('{"timestamp":1,"value":2}\n')).toBe('jsonl');
    expect(detectFormat(Buffer.from([0x0a, 0x05, 0x00, 0x01]), 'x')).toBe('otlp-proto');
    expect(detect('anything', 'spans.binpb')).toBe('otlp-proto');
  });

  it('gives up on what it cannot tell', () => {
    expect(detect('hello world')).toBeNull();
    expect(detectFormat(Buffer.from([0x00, 0xff]), 'x')).toBeNull();
  });
});
