/**
 * The built-in templates, each in its own file. A template is a complete, checked
 * framework; getTemplate returns a fresh copy so callers may change it freely.
 */
import { UserError } from '../../errors';
import type { Template, TemplateSummary } from '../model';
import { blank } from './blank';
import { content } from './content';
import { ecommerce } from './ecommerce';
import { leadGeneration } from './lead-generation';
import { saas } from './saas';
import { smallBusiness } from './small-business';

/** In the order the sidebar offers them; blank last. */
const TEMPLATES: readonly Template[] = [ecommerce, leadGeneration, saas, content, smallBusiness, blank];

export function listTemplates(): TemplateSummary[] {
  return TEMPLATES.map(({ id, name, description }) => ({ id, name, description }));
}

/** The template with this id (case and surrounding spaces ignored), as a deep copy. */
export function getTemplate(id: string): Template {
  const key = String(id).trim().toLowerCase();
  const template = TEMPLATES.find((candidate) => candidate.id === key);
  if (template === undefined) {
    const ids = TEMPLATES.map((candidate) => `"${candidate.id}"`).join(', ');
    throw new UserError(`There is no template "${String(id).trim()}". Pick one of ${ids}.`);
  }
  return JSON.parse(JSON.stringify(template)) as Template;
}
