// For bench scripts that load the mutation cores in plain Node: `server-only` (which refuses any
// import outside a React server build) resolves to an empty module, as tests/helpers/server-only.ts does in Vitest.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === 'server-only') return { url: 'data:text/javascript,', shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
);
