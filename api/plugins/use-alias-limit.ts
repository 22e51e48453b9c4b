import type { FieldNode, FragmentDefinitionNode, ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { apiError, CODES } from '../errors.ts';
import { isIntrospectionField, isIntrospectionFragment } from './introspection.ts';

/**
 * Rejects documents with more than `max` aliases: aliases multiply the work of one field at no
 * cost to the client. Aliases inside introspection (`__schema`, `__type`, fragments on `__Type` …)
 * are not counted.
 */
export function useAliasLimit(max: number): Plugin {
  const rule = (ctx: ValidationContext) => {
    let count = 0;
    let inside = 0;
    return {
      FragmentDefinition: {
        enter: (f: FragmentDefinitionNode) => void (isIntrospectionFragment(f) && inside++),
        leave: (f: FragmentDefinitionNode) => void (isIntrospectionFragment(f) && inside--),
      },
      Field: {
        enter(f: FieldNode) {
          if (isIntrospectionField(f)) inside++;
          if (f.alias && !inside && ++count === max + 1) {
            ctx.reportError(apiError(`more than ${max} aliases in one document`, CODES.ALIAS_LIMIT, { max }));
          }
        },
        leave: (f: FieldNode) => void (isIntrospectionField(f) && inside--),
      },
    };
  };
  return { onValidate: ({ addValidationRule }) => addValidationRule(rule) };
}
