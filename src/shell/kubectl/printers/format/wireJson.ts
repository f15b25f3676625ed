// The API server's wire JSON lives in lib (the simulated API server writes it too).
export { indentJson, wireJson, wireWatchEvent } from '../../../../lib/goJson';
