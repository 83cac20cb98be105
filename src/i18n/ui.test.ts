// The two languages stay in step: every English lesson has a Korean one with
// the same slug, order, status, snippets (commands unchanged, same order) and
// labs; the dictionary has every key in both languages; paths map both ways.

import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS, langOfPath, lessonHref, parts, pathIn, switchHref, t } from './ui.ts';
import { localizeLab } from './labs.ts';
import { labInfo, listLabs } from '../labs/index.ts';

const EN = new URL('../../content/lessons/', import.meta.url);
const KO = new URL('../../content/ko/lessons/', import.meta.url);

function front(src: string): Record<string, string> {
  const m = /^---\n([\s\S]*?)\n---/.exec(src);
  const out: Record<string, string> = {};
  for (const line of (m?.[1] ?? '').split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim().replace(/^"|"$/g, '');
  }
  return out;
}

/** The components a lesson uses, in order, with their props as written (snippets, labs, editors, diagrams). */
function components(src: string): string[] {
  return [...src.matchAll(/<(Cmd|Lab|Terminal|Editor|TwoNetworks|VethPair|BridgeNet)\b([^>]*?)\/>/g)].map((m) => `${m[1]} ${m[2]!.trim()}`);
}

describe('Korean lessons', () => {
  const english = readdirSync(EN).filter((f) => f.endsWith('.mdx'));
  for (const file of english) {
    it(`${file} has a Korean counterpart with the same snippets and labs`, () => {
      const en = readFileSync(new URL(file, EN), 'utf8');
      let ko: string;
      try {
        ko = readFileSync(new URL(file, KO), 'utf8');
      } catch {
        throw new Error(`content/ko/lessons/${file} is missing: every lesson needs a Korean version`);
      }
      const fe = front(en);
      const fk = front(ko);
      expect(fk.slug).toBe(fe.slug);
      expect(fk.order).toBe(fe.order);
      expect(fk.status ?? 'ready').toBe(fe.status ?? 'ready');
      expect(fk.title).not.toBe('');
      expect(components(ko)).toEqual(components(en));
      // Written in Korean, not left in English: most of the prose is Hangul.
      if ((fe.status ?? 'ready') === 'ready') expect((ko.match(/[가-힣]/g) ?? []).length).toBeGreaterThan(800);
    });
  }
});

describe('interface dictionary', () => {
  it('fills placeholders and maps pages to their counterparts', () => {
    expect(t('en', 'lesson.eyebrow', { n: 3 })).toBe('Lesson 3');
    expect(t('ko', 'lesson.eyebrow', { n: 3 })).toBe('3강');
    expect(langOfPath('/ko/lessons/dns/')).toBe('ko');
    expect(langOfPath('/lessons/dns/')).toBe('en');
    expect(langOfPath('/kobold/')).toBe('en');
    expect(pathIn('ko', '/lessons/dns/')).toBe('/ko/lessons/dns/');
    expect(pathIn('en', '/ko/lessons/dns/')).toBe('/lessons/dns/');
    expect(pathIn('ko', '/')).toBe('/ko/');
    expect(pathIn('en', '/ko/')).toBe('/');
    expect(pathIn('en', '/ko')).toBe('/');
    expect(lessonHref('ko', 'nat')).toBe('/ko/lessons/nat/');
    expect(LANGS).toEqual(['en', 'ko']);
    expect(switchHref('ko', '/lessons/nat/')).toBe('/ko/lessons/nat/');
    expect(switchHref('en', '/ko/instructor/')).toBe('/instructor/');
    for (const page of ['/reference/', '/progress/', '/search/']) {
      expect(switchHref('ko', page)).toBe(`/ko${page}`);
      expect(switchHref('en', `/ko${page}`)).toBe(page);
    }
    // A page with no counterpart sends the reader to the other language's home.
    expect(switchHref('ko', '/pagefind/')).toBe('/ko/');
    expect(parts(t('en', 'ref.options'))).toEqual([{ text: 'Options of ' }, { slot: 'cmd' }]);
    expect(parts(t('ko', 'ref.options'))).toEqual([{ slot: 'cmd' }, { text: ' 옵션' }]);
  });
});

describe('lab texts in Korean', () => {
  it('every lab has a Korean title and goal; task ids are kept', () => {
    for (const info of listLabs()) {
      const ko = localizeLab(info, 'ko');
      expect(ko.title, info.id).toMatch(/[가-힣]/);
      expect(ko.goal, info.id).toMatch(/[가-힣]/);
      expect(ko.tasks.map((x) => x.id)).toEqual(info.tasks.map((x) => x.id));
      expect(ko.solution).toEqual(info.solution);
    }
  });

  it('every lab has Korean check titles and as many Korean hints as the English lab', () => {
    for (const info of listLabs()) {
      const ko = localizeLab(info, 'ko');
      for (const task of ko.tasks) expect(task.title, `${info.id}/${task.id}`).toMatch(/[가-힣]/);
      expect(ko.hints.length, info.id).toBe(info.hints.length);
      for (const h of ko.hints) expect(h, info.id).toMatch(/[가-힣]/);
    }
  });

  it("parametric labs show the learner's own values in Korean too", () => {
    for (const id of ['namespaces-veth-random', 'routing-two-subnets-random']) {
      const info = labInfo(id, 4242)!;
      const ko = localizeLab(info, 'ko');
      for (const v of Object.values(info.params)) if (!v.includes('/')) expect(ko.goal + ko.tasks.map((x) => x.title).join(' ')).toContain(v);
      for (const task of ko.tasks) expect(task.title, `${id}/${task.id}`).toMatch(/[가-힣]/);
    }
  });
});
