import type { Stage } from '../stage.ts';

export const extractStages: Stage[] = [];
