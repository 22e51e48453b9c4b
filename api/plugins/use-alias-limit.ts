import type { FieldNode, ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { apiError, CODES } from '../errors.ts';

/** Rejects documents with more than `max` aliases: aliases multiply the work of one field at no cost to the client. */
export function useAliasLimit(max: number): Plugin {
  const rule = (ctx: ValidationContext) => {
    let count = 0;
    return {
      Field(f: FieldNode) {
        if (f.alias && ++count === max + 1) {
          ctx.reportError(apiError(`more than ${max} aliases in one document`, CODES.ALIAS_LIMIT, { max }));
        }
      },
    };
  };
  return { onValidate: ({ addValidationRule }) => addValidationRule(rule) };
}
