// Korean text keeps one spelling per term and no English dashes as sentence
// breaks: "bridge" is 브리지 everywhere (never 브릿지), and Korean lesson prose
// has no em dash (—) and no en dash (–) except inside a number range
// (30000–32767). Code (fenced blocks, `inline`, <Cmd …/> and other component
// attributes that hold commands) is not prose and is skipped.

import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const koDir = new URL('content/ko/lessons/', root);
const koLessons = readdirSync(koDir).filter((f) => f.endsWith('.mdx'));

/** Lesson prose: the file without fenced code, inline code and `run=`/`out=` command attributes. */
export function prose(mdx: string): string {
  return mdx
    .replace(/^```[\s\S]*?^```/gm, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/\b(run|out)=\{\[[\s\S]*?\]\}/g, '')
    .replace(/\b(run|out)=\{`[\s\S]*?`\}/g, '')
    .replace(/\b(run|out)="[^"]*"/g, '');
}

/** Dashes used as sentence breaks: every em dash, and an en dash not between two digits. */
export function dashBreaks(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/[—–]/g)) {
      const at = m.index;
      if (m[0] === '–' && /\d/.test(line[at - 1] ?? '') && /\d/.test(line[at + 1] ?? '')) continue;
      found.push(`line ${i + 1}: ${line.trim()}`);
    }
  });
  return found;
}

describe('Korean style', () => {
  it('the checker itself: finds a sentence dash, allows a number range and code', () => {
    expect(dashBreaks('요청을 보냅니다 — 그리고')).toHaveLength(1);
    expect(dashBreaks('주소 – 그리고')).toHaveLength(1);
    expect(dashBreaks('포트(30000–32767)')).toHaveLength(0);
    expect(dashBreaks(prose('명령 `a — b` 과 <Cmd run="echo —" />'))).toHaveLength(0);
  });

  it('no Korean lesson uses 브릿지 (the course spells it 브리지)', () => {
    expect(koLessons.length).toBeGreaterThan(5);
    for (const f of koLessons) {
      const s = readFileSync(new URL(f, koDir), 'utf8');
      expect(s.includes('브릿지'), `${f} spells bridge 브릿지; use 브리지`).toBe(false);
    }
  });

  it('no Korean interface or lab text uses 브릿지', () => {
    const files = ['src/i18n/ui.ts', 'src/i18n/ui-page.ts', 'src/i18n/labs.ts', 'src/labs/check-texts.ts'];
    for (const f of files) {
      const s = readFileSync(new URL(f, root), 'utf8');
      expect(s.includes('브릿지'), `${f} spells bridge 브릿지; use 브리지`).toBe(false);
    }
  });

  it('Korean lesson prose has no em or en dash as a sentence break', () => {
    for (const f of koLessons) {
      const s = readFileSync(new URL(f, koDir), 'utf8');
      expect(dashBreaks(prose(s)), `${f}: rewrite these without an English dash`).toEqual([]);
    }
  });
});

describe('teaching components in every lesson, the same in both languages', () => {
  const enDir = new URL('content/lessons/', root);
  // The lessons written before the teaching components; a new lesson joins this list once it has them.
  const enLessons = ['switching-routing', 'namespaces', 'nat', 'dns', 'docker-networking', 'cni', 'kube-proxy', 'overlays', 'services', 'networkpolicy', 'ingress'].map((s) => `${s}.mdx`);
  /** The answers of a lesson's predictions and self-check, and its diagrams, in page order. */
  const shape = (mdx: string) => ({
    predict: [...mdx.matchAll(/<Predict\b[\s\S]*?\banswer=\{([^}]*)\}/g)].map((m) => m[1]),
    selfcheck: [...mdx.matchAll(/"answer": (\d+)/g)].map((m) => Number(m[1])),
    diagrams: [...mdx.matchAll(/<(NetfilterHooks|DockerBridge|ServiceChains|OverlayNodes|IngressPath|TwoNetworks|VethPair|BridgeNet)\b/g)].map((m) => m[1]),
  });
  for (const f of enLessons) {
    it(`${f}: at least two predictions, a recap then a self-check at the end, mirrored in Korean`, () => {
      const en = readFileSync(new URL(f, enDir), 'utf8');
      const ko = readFileSync(new URL(f, koDir), 'utf8');
      for (const s of [en, ko]) {
        expect((s.match(/<Predict\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
        expect(s.trimEnd()).toMatch(/<\/Recap>\s*<SelfCheck questions=\{[\s\S]*\} \/>$/);
      }
      expect(shape(ko)).toEqual(shape(en));
    });
  }
});
