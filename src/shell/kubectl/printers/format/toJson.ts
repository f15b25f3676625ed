// Go's encoding/json lives in lib (the simulated API server writes it too).
export { jsonMarshal, toJson, toStructJson } from '../../../../lib/goJson';
