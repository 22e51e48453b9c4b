/**
 * The ingest pipeline: named stages run in order over one Document (spaCy's `nlp.pipeline`).
 * A second stage of the same name is an error; a stage that returns nothing fails with its name.
 */
import type { Document } from './model.ts';
import type { Stage } from './stage.ts';
import { normalise } from './normalise.ts';
import { structure } from './structure.ts';
import { kind } from './kind.ts';
import { segment } from './segment.ts';
import { county } from './extract/county.ts';
import { industries } from './extract/industries.ts';
import { extractStages } from './extract/index.ts';
import { resolve } from './resolve.ts';

export class Pipeline {
  private stages: Stage[] = [];

  /** Registers a stage at the end. @throws when a stage of that name is already registered. */
  add(stage: Stage): this {
    if (this.stages.some((s) => s.name === stage.name)) {
      throw new Error(`pipeline: a stage named '${stage.name}' is already registered (stage names must be unique)`);
    }
    this.stages.push(stage);
    return this;
  }

  get names(): string[] {
    return this.stages.map((s) => s.name);
  }

  /** Runs every stage in order. @throws naming the stage that failed or returned nothing. */
  run(doc: Document): Document {
    let current = doc;
    for (const stage of this.stages) {
      let next: Document | undefined;
      try {
        next = stage.run(current);
      } catch (e) {
        const err = new Error(`stage '${stage.name}' failed${doc.path ? ` on ${doc.path}` : ''}: ${(e as Error).message}`);
        (err as Error & { cause?: unknown }).cause = e;
        throw err;
      }
      if (!next || typeof next !== 'object') {
        throw new Error(`stage '${stage.name}' returned nothing; a stage must return the document`);
      }
      current = next;
    }
    return current;
  }
}

/** The default pipeline: normalise → kind (kind, plan year, date) → structure → segment → county → industries → extractors → resolve. */
export function defaultPipeline(): Pipeline {
  const p = new Pipeline();
  for (const s of [normalise, kind, structure, segment, county, industries, ...extractStages, resolve]) p.add(s);
  return p;
}
