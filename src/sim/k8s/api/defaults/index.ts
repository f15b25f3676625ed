/** API defaulting (SetDefaults_*), by kind. */
export { applyDefaults, DEFAULTERS } from './applyDefaults';
export { imageTag } from './podDefaults';
