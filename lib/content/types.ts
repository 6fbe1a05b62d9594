import { z } from 'zod';
import { TIERS } from './tiers';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const FrontmatterSchema = z.object({
  id: z.string().regex(kebab),
  tier: z.enum(TIERS),
  order: z.number().int().min(1).max(50),
  title: z.string().min(3).max(120),
  summary: z.string().min(10).max(400),
  minutes: z.number().int().min(15).max(25),
  findings: z.array(z.string().min(3)).min(1),
});
export type Frontmatter = z.infer<typeof FrontmatterSchema>;

export const OptionSchema = z.object({ id: z.string().regex(kebab), text: z.string().min(1).max(400) });

export const QuestionSchema = z
  .object({
    id: z.string().regex(kebab),
    type: z.enum(['single', 'multiple', 'scenario']),
    // The lesson section the question tests; optional here so a bank without it still loads, required by the content check.
    section: z.string().regex(kebab).optional(),
    scenario: z.string().min(10).optional(),
    prompt: z.string().min(5).max(600),
    options: z.array(OptionSchema).min(3).max(5),
    correct: z.array(z.string()).min(1),
    explanation: z.string().min(10),
    findings: z.array(z.string()).min(1),
  })
  .strict();
export type Question = z.infer<typeof QuestionSchema>;

export const QuizBankSchema = z.object({ questions: z.array(QuestionSchema) }).strict();
export type QuizBank = z.infer<typeof QuizBankSchema>;

export type SectionSource = { id: string; title: string; body: string };

export type Lesson = { frontmatter: Frontmatter; sections: SectionSource[] };

export type Figure = {
  label: string;
  value: number | string;
  unit: string;
  base?: string;
  line: number;
  asWritten?: string;
};

export type Finding = {
  id: string;
  theme: string;
  statement: string;
  figures: Figure[];
  ageBreakdown?: { tier: string; measure: string; value: number; unit: string; line: number; reportedAs?: string }[];
  approximateFigures?: { asWritten: string; line: number }[];
  tiers: string[];
  source: { section: string; figure: string | null; line: number };
  sourceType: string;
  notes?: string;
};
