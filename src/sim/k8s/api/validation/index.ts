/** API validation with the API server's field errors, by kind. */
export { validateCreate, validateUpdate, VALIDATORS, type KindValidator } from './validate';
export { isDNS1123Label, isDNS1123Subdomain, isDNS1035Label, isQualifiedName, isValidLabelValue, isValidPortName, isValidPortNum, regexError } from './names';
export { goLabelSelector } from './labelSelector';
