#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the repository needs no build step (the
// installable package runs the compiled JavaScript instead: wallet-cli/package).
import { register } from 'tsx/esm/api';

register();
await import('../cli.ts');
