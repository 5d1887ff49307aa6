// Moved to the engine (pipeline/load-model.ts); re-exported here for the callers written against this path (the
// language server's adapter, src/lsp/engine-adapter.ts), until they import 'heapscope' or src/pipeline.
export { loadModel, joinRun, focusModel, measuredFigures, type FocusSetup } from '../pipeline/load-model.js';
