import { fragment } from '../fragment.ts';
import type { Check } from './check.ts';
import type { PresentationSubject } from './subjects.ts';

/** The holder signed the presentation; each credential must be about the holder. */
export const holderBinding: Check<PresentationSubject> = {
  name: 'holder_binding',
  // A presentation holding no credential at all has nothing to bind; it says so under its own name.
  skip: ({ presentation }) =>
    presentation.credentialTokens.length + presentation.unsupportedCredentials.length === 0
      ? fragment('credentials', 'skipped', 'no_credentials')
      : undefined,
  async verify({ presentation: { holder }, credentialSubjects }) {
    for (const subjects of await credentialSubjects) {
      if (subjects.length === 0) return fragment('holder_binding', 'invalid', 'subject_has_no_did');
      if (!subjects.includes(holder))
        return fragment('holder_binding', 'invalid', 'holder_is_not_subject', {
          holder: holder.slice(0, 200),
          subject: subjects[0]!.slice(0, 200),
        });
    }
    return fragment('holder_binding', 'valid', 'holder_is_subject', {}, { holder });
  },
};
