// The course: one MDX file per lesson under content/lessons/. A lesson whose
// status is `soon` is listed on the home page but has only a placeholder page.
// Korean translations live under content/ko/lessons/ with the same slugs.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const lessonSchema = z.object({
  title: z.string().min(1),
  /** URL segment: the lesson is served at /lessons/<slug>/. */
  slug: z.string().regex(/^[a-z0-9-]+$/, 'slug: lowercase letters, digits and dashes only'),
  /** Position in the course (1 = first). */
  order: z.number().int().positive(),
  summary: z.string().min(1),
  /** `ready`: written; `soon`: listed as coming soon. */
  status: z.enum(['ready', 'soon']).default('ready'),
  /** The practice terminal starts from this lab's start world (e.g. a cluster), without its checks; a bare host when absent. */
  practice: z.string().regex(/^[a-z0-9-]+$/).optional(),
});

/** A collection of lesson files under `base`, keyed by slug. */
function lessonsIn(base: string) {
  return defineCollection({
    loader: glob({
      pattern: '*.mdx',
      base,
      generateId: ({ data, entry }) => String(data.slug ?? entry.replace(/\.mdx$/, '')),
    }),
    schema: lessonSchema,
  });
}

const lessons = lessonsIn('./content/lessons');
/** The Korean lessons (served under /ko/lessons/<slug>/): same slug, order and labs as the English one. */
const lessonsKo = lessonsIn('./content/ko/lessons');

export const collections = { lessons, lessonsKo };
