import type { WalletSentenceKey } from '../../core/messages/index.ts';
import type { Command } from '../command.ts';

/**
 * Every command by name with its one-line summary (the main help lists them). A command's module,
 * and the libraries it needs, load only when that command runs: `--help` starts in a blink.
 */
export interface CommandEntry {
  name: string;
  /** Its one line in the catalogue (core/messages, `wallet`). */
  summary: WalletSentenceKey;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'init',
    summary: 'summary_init',
    load: async () => (await import('./init.ts')).initCommand,
  },
  { name: 'did', summary: 'summary_did', load: async () => (await import('./did.ts')).didCommand },
  {
    name: 'receive',
    summary: 'summary_receive',
    load: async () => (await import('./receive.ts')).receiveCommand,
  },
  {
    name: 'list',
    summary: 'summary_list',
    load: async () => (await import('./list.ts')).listCommand,
  },
  {
    name: 'show',
    summary: 'summary_show',
    load: async () => (await import('./show.ts')).showCommand,
  },
  {
    name: 'status',
    summary: 'summary_status',
    load: async () => (await import('./status.ts')).statusCommand,
  },
  {
    name: 'share',
    summary: 'summary_share',
    load: async () => (await import('./share.ts')).shareCommand,
  },
  {
    name: 'certificate',
    summary: 'summary_certificate',
    load: async () => (await import('./certificate.ts')).certificateCommand,
  },
  {
    name: 'present',
    summary: 'summary_present',
    load: async () => (await import('./present.ts')).presentCommand,
  },
  {
    name: 'qr',
    summary: 'summary_qr',
    load: async () => (await import('./qr.ts')).qrCommand,
  },
  {
    name: 'verify',
    summary: 'summary_verify',
    load: async () => (await import('./verify.ts')).verifyCommand,
  },
  {
    name: 'export',
    summary: 'summary_export',
    load: async () => (await import('./export.ts')).exportCommand,
  },
  {
    name: 'import',
    summary: 'summary_import',
    load: async () => (await import('./import.ts')).importCommand,
  },
  {
    name: 'remove',
    summary: 'summary_remove',
    load: async () => (await import('./remove.ts')).removeCommand,
  },
];
