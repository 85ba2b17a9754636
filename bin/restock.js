#!/usr/bin/env node
// The `restock` command. Runs the TypeScript sources through tsx (a runtime dependency), so it works straight
// from a fresh `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
