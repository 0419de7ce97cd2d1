import type { Command } from '../command.ts';

/**
 * Every command by name with its one-line summary (the main help lists them). A command's module,
 * and the libraries it needs, load only when that command runs: `--help` starts in a blink.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'init',
    summary: 'Create your wallet and your personal identifier (DID)',
    load: async () => (await import('./init.ts')).initCommand,
  },
  { name: 'did', summary: 'Show your DID', load: async () => (await import('./did.ts')).didCommand },
  {
    name: 'receive',
    summary: 'Collect a credential with a claim link, claim code or file',
    load: async () => (await import('./receive.ts')).receiveCommand,
  },
  {
    name: 'list',
    summary: 'List the credentials in your wallet',
    load: async () => (await import('./list.ts')).listCommand,
  },
  {
    name: 'show',
    summary: 'Show one credential in plain words',
    load: async () => (await import('./show.ts')).showCommand,
  },
  {
    name: 'status',
    summary: 'Check every credential against the ledger: valid, revoked or expired',
    load: async () => (await import('./status.ts')).statusCommand,
  },
  {
    name: 'share',
    summary: 'Write a credential to a file an employer can check without you',
    load: async () => (await import('./share.ts')).shareCommand,
  },
  {
    name: 'certificate',
    summary: "Download a credential's printed certificate (PDF) from the institution",
    load: async () => (await import('./certificate.ts')).certificateCommand,
  },
  {
    name: 'present',
    summary: 'Show credentials to an employer or office (a signed presentation)',
    load: async () => (await import('./present.ts')).presentCommand,
  },
  {
    name: 'qr',
    summary: 'Show a credential as one QR code an employer can scan',
    load: async () => (await import('./qr.ts')).qrCommand,
  },
  {
    name: 'verify',
    summary: 'Check one of your credentials with a verifier',
    load: async () => (await import('./verify.ts')).verifyCommand,
  },
  {
    name: 'export',
    summary: 'Write an encrypted backup of your wallet to a file',
    load: async () => (await import('./export.ts')).exportCommand,
  },
  {
    name: 'import',
    summary: 'Bring back a backup, on this or another computer (nothing is doubled)',
    load: async () => (await import('./import.ts')).importCommand,
  },
  {
    name: 'remove',
    summary: 'Delete a credential (or a damaged item) from your wallet',
    load: async () => (await import('./remove.ts')).removeCommand,
  },
];
