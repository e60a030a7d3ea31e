// typescript-eslint, resolved from this folder so that it parses with the TypeScript
// beside it (see package.json).
export { default } from 'typescript-eslint';
