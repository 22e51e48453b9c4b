import type { ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { apiError, CODES } from '../errors.ts';

/** Rejects documents with more than `max` directives (repeated @include/@skip is a cheap way to load the parser and validator). */
export function useDirectiveLimit(max: number): Plugin {
  const rule = (ctx: ValidationContext) => {
    let count = 0;
    return {
      Directive() {
        if (++count === max + 1) ctx.reportError(apiError(`more than ${max} directives in one document`, CODES.DIRECTIVE_LIMIT, { max }));
      },
    };
  };
  return { onValidate: ({ addValidationRule }) => addValidationRule(rule) };
}
