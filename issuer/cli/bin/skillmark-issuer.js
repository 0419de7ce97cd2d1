#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, as the issuer itself runs.
import { register } from 'tsx/esm/api';

register();
await import('../cli.ts');
