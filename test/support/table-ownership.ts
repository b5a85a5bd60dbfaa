/**
 * The check behind "each feature owns its tables" (issue 18): finds, in the string literals of
 * TypeScript sources, SQL that names a table, and reports every table named outside the modules
 * `electron/db/table-owners.ts` gives it. Only literals are read — a comment or a channel name
 * such as 'certificates.list' is not SQL — and only a literal with an SQL keyword counts, so an
 * import path '../certificates/…' or a log message is never a finding. Pure: it takes the files'
 * text, so a test can run it over a small source it made up and show that it does find one.
 */
import ts from 'typescript';
import type { TableOwner } from '../../electron/db/table-owners';

export interface SourceFile {
  /** From the repository root, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

export interface OwnershipFinding {
  readonly path: string;
  readonly line: number;
  readonly table: string;
}

const SQL_KEYWORD = /\b(SELECT|INSERT|UPDATE|DELETE|FROM|JOIN|INTO|CREATE|DROP|ALTER|PRAGMA|REPLACE)\b/;

/** The text of every string and template literal in a source, with its line; a template's parts are joined around its substitutions. */
function literalsOf(file: SourceFile): { text: string; line: number }[] {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ? ');
    if (text !== undefined) found.push({ text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The tables a source's SQL names, each with the line of the literal that names it. */
export function tablesNamedInSql(file: SourceFile, tables: readonly string[]): { table: string; line: number }[] {
  // Most sources hold no SQL at all: they are not parsed.
  if (!SQL_KEYWORD.test(file.text)) return [];
  const patterns = tables.map((table) => ({ table, pattern: new RegExp(`(?<![\\w.-])${table}(?![\\w-])`) }));
  return literalsOf(file)
    .filter((literal) => SQL_KEYWORD.test(literal.text))
    .flatMap((literal) => patterns.filter(({ pattern }) => pattern.test(literal.text)).map(({ table }) => ({ table, line: literal.line })));
}

/** Every place a table is named outside its owner's modules (and outside the schema layer). */
export function ownershipFindings(
  files: readonly SourceFile[],
  owners: Readonly<Record<string, TableOwner>>,
  schemaLayer: string,
): OwnershipFinding[] {
  const tables = Object.keys(owners);
  return files
    .filter((file) => !file.path.startsWith(schemaLayer))
    .flatMap((file) =>
      tablesNamedInSql(file, tables)
        .filter(({ table }) => {
          const owner = owners[table];
          return owner !== undefined && owner.store !== file.path && !(owner.alsoIn ?? []).includes(file.path);
        })
        .map(({ table, line }) => ({ path: file.path, line, table })),
    );
}
