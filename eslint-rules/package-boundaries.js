/**
 * A local ESLint rule that keeps npm packages on the side of the app that can run them: every
 * package the app imports is classified as Node-only, DOM-only or portable (one list, in
 * eslint.config.js), and each layer names the kinds it may not import — electron/shared and the
 * renderer no Node-only package, core/platform/db/cli no DOM-only one. An import of a package
 * that is in no list fails too, so a new dependency is classified when it is first used rather
 * than found out when the renderer bundle breaks (or, worse, quietly ships a Node shim).
 * Node's built-in modules (`node:fs`, `fs`) are Node-only without being listed.
 */
import { builtinModules } from 'node:module';

const builtins = new Set(builtinModules);

/** The package an import names (`@scope/name` or `name`), or null for a path or an alias of this repository. */
export function packageOf(specifier) {
  if (/^[./]/.test(specifier) || specifier.startsWith('@shared/')) return null;
  if (specifier.startsWith('node:')) return specifier;
  const bare = specifier.split('?')[0];
  const parts = bare.split('/');
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** 'node', 'dom', 'portable', or null when the package is in no list. A pattern `@scope/*` covers the scope. */
export function kindOf(pkg, kinds) {
  if (pkg.startsWith('node:') || builtins.has(pkg)) return 'node';
  for (const [kind, patterns] of Object.entries(kinds)) {
    if (patterns.some((p) => p === pkg || (p.endsWith('/*') && pkg.startsWith(p.slice(0, -1))))) return kind;
  }
  return null;
}

const KIND_NAMES = { node: 'Node-only', dom: 'DOM-only', portable: 'portable' };

export default {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Classify imported npm packages as Node-only, DOM-only or portable, and keep each kind out of the layers that cannot run it',
    },
    schema: [
      {
        type: 'object',
        properties: {
          kinds: {
            type: 'object',
            properties: {
              node: { type: 'array', items: { type: 'string' } },
              dom: { type: 'array', items: { type: 'string' } },
              portable: { type: 'array', items: { type: 'string' } },
            },
            additionalProperties: false,
          },
          forbidden: { type: 'array', items: { enum: ['node', 'dom'] } },
          layer: { type: 'string' },
        },
        required: ['kinds'],
        additionalProperties: false,
      },
    ],
    messages: {
      unclassified: "'{{pkg}}' is in no package list: add it to the Node-only, DOM-only or portable list in eslint.config.js.",
      forbidden: "'{{pkg}}' is {{kind}}: {{layer}} cannot import it.",
    },
  },
  create(context) {
    const { kinds, forbidden = [], layer = 'this layer' } = context.options[0];
    const check = (source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const pkg = packageOf(source.value);
      if (pkg === null) return;
      const kind = kindOf(pkg, kinds);
      if (kind === null) context.report({ node: source, messageId: 'unclassified', data: { pkg } });
      else if (forbidden.includes(kind))
        context.report({ node: source, messageId: 'forbidden', data: { pkg, kind: KIND_NAMES[kind], layer } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node.moduleReference.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) check(node.arguments[0]);
      },
    };
  },
};
