/**
 * The extraction stages, in the order the pipeline runs them (after structure, segment, county
 * and industries: projects read `doc.facts.industries`).
 */
import type { Stage } from '../stage.ts';
import { agencies } from './agencies.ts';
import { targets } from './targets.ts';
import { projects } from './projects.ts';
import { plans } from './plans.ts';
import { enterprises } from './enterprises.ts';

export const extractStages: Stage[] = [projects, targets, agencies, enterprises, plans];
