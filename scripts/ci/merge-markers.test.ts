import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// A merge resolved in a hurry can leave its conflict markers in a file no compiler reads (README.md did once).
const MARKER = /^(<{7}|>{7}) /m;

describe('the tracked files', () => {
  it('hold no merge conflict markers', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
    const marked = files.filter((file) => {
      if (file.endsWith('package-lock.json')) return false;
      try {
        return MARKER.test(readFileSync(file, 'utf8'));
      } catch {
        return false; // a file deleted in the working tree
      }
    });
    expect(files.length).toBeGreaterThan(100);
    expect(marked).toEqual([]);
  });
});
