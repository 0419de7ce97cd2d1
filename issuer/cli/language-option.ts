import { Option } from 'commander';
import { LANGUAGES } from '../../core/messages/index.ts';

/** `--lang`: a language of the message catalogue (English by default), for what the command has printed by the issuer. */
export const languageOption = (what: string) =>
  new Option('--lang <language>', what).choices(Object.keys(LANGUAGES)).default('en');
