// The course: one MDX file per lesson under content/lessons/. A lesson whose
// status is `soon` is listed on the home page but has only a placeholder page.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const lessons = defineCollection({
  loader: glob({
    pattern: '*.mdx',
    base: './content/lessons',
    generateId: ({ data, entry }) => String(data.slug ?? entry.replace(/\.mdx$/, '')),
  }),
  schema: z.object({
    title: z.string().min(1),
    /** URL segment: the lesson is served at /lessons/<slug>/. */
    slug: z.string().regex(/^[a-z0-9-]+$/, 'slug: lowercase letters, digits and dashes only'),
    /** Position in the course (1 = first). */
    order: z.number().int().positive(),
    summary: z.string().min(1),
    /** `ready`: written; `soon`: listed as coming soon. */
    status: z.enum(['ready', 'soon']).default('ready'),
  }),
});

export const collections = { lessons };
