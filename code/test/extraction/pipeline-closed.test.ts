import { pipelineSuite } from './pipeline-suite';

// "Import all conversations" off: closed conversations only.
pipelineSuite(false);
