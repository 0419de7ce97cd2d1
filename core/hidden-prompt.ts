/** Ctrl-C at a hidden prompt: the person chose to stop. */
export class PromptCancelled extends Error {}

/**
 * Asks on the terminal for a secret that is not echoed (a passphrase): the question on stderr, the
 * answer up to Enter, Backspace taken back, Ctrl-C rejecting with PromptCancelled. Needs a TTY.
 */
export function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { stdin, stderr } = process;
    // Echo goes off before the question shows, so nothing typed after it can appear on screen.
    stdin.setRawMode(true);
    stdin.resume();
    stderr.write(`${question} `);
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(typed);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new PromptCancelled());
          return;
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}
