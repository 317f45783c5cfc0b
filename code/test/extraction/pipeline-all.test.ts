import { pipelineSuite } from './pipeline-suite';

// "Import all conversations" on.
pipelineSuite(true);
