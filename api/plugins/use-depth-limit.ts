import { type OperationDefinitionNode, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { apiError, CODES } from '../errors.ts';
import { isIntrospectionField } from './introspection.ts';
import { fold, fragmentsOf } from './walk.ts';

/**
 * Rejects operations nested deeper than `max` fields (fragments followed), before they run.
 * Introspection fields are not counted nor walked into (see introspection.ts).
 */
export function useDepthLimit(max: number): Plugin {
  const rule = (ctx: ValidationContext) => ({
    OperationDefinition(op: OperationDefinitionNode) {
      let deepest = 0;
      fold(undefined, op, fragmentsOf(ctx.getDocument()), (v) => ((deepest = Math.max(deepest, v.depth)), 0), { skip: isIntrospectionField });
      if (deepest > max) {
        ctx.reportError(apiError(`query depth ${deepest} exceeds the maximum depth ${max}: ask for less nesting`, CODES.DEPTH_LIMIT, { depth: deepest, max }));
      }
    },
  });
  return { onValidate: ({ addValidationRule }) => addValidationRule(rule) };
}
