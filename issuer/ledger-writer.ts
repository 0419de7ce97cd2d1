import { setTimeout as sleep } from 'node:timers/promises';
import { keccak256, type Provider, type TransactionReceipt, type Wallet } from 'ethers';
import { isLedgerUnreachable } from '../contracts/provider.ts';
import { describeContractError, Registry } from '../contracts/registry.ts';
import { HttpProblem } from '../core/http-problem.ts';

/** No transaction of ours needs more; a larger estimate means something is wrong. */
const GAS_CAP = 2_000_000n;

export class LedgerWriteError extends Error {}

type RegistryWrite =
  | 'anchor'
  | 'revoke'
  | 'revokeMany'
  | 'publishStatusLists'
  | 'publishStatusListsBitsOnly'
  | 'addSigner'
  | 'removeSigner'
  | 'addDid'
  | 'reportDidCompromised';

/** Codes of ethers errors for a ledger that answered but refused or failed the request. */
const LEDGER_ANSWERED = new Set([
  'CALL_EXCEPTION',
  'INSUFFICIENT_FUNDS',
  'NONCE_EXPIRED',
  'REPLACEMENT_UNDERPRICED',
  'TRANSACTION_REPLACED',
  'BAD_DATA',
  'UNKNOWN_ERROR',
]);

/**
 * The answer to a request that failed at the ledger: 503 when it could not be reached (worth
 * retrying; every ledger operation of the issuer is safe to repeat), 502 when it answered with an
 * error. Undefined for any other error.
 */
export function ledgerProblem(error: unknown): HttpProblem | undefined {
  if (isLedgerUnreachable(error)) {
    return new HttpProblem(
      503,
      'Ledger unavailable',
      'The ledger did not answer. Try again in a moment; repeating this request is safe.',
    );
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  if (error instanceof LedgerWriteError || (typeof code === 'string' && LEDGER_ANSWERED.has(code))) {
    return new HttpProblem(
      502,
      'Ledger error',
      `The ledger refused or did not confirm the operation: ${describeContractError(error)}`,
    );
  }
  return undefined;
}

/** Runs `work` while no other process sends from the same ledger account (issuer/process-locks.ts). */
export type AccountLock = <T>(work: () => Promise<T>) => Promise<T>;

const unlocked: AccountLock = (work) => work();

/**
 * Writes to the registry with the institution's ledger key. A transaction is signed and broadcast
 * in one turn of one queue, and, where several issuer processes share the account, while holding
 * the account's lock: its nonce is taken by the node before the next transaction asks for one, so
 * nonces never collide between anchoring and revocation, nor between processes.
 */
export class LedgerWriter {
  readonly registry: Registry;
  #wallet: Wallet;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly provider: Provider,
    wallet: Wallet,
    registryAddress: string,
    private readonly accountLock: AccountLock = unlocked,
  ) {
    this.registry = new Registry(registryAddress, provider);
    this.#wallet = wallet;
  }

  /** The ledger address transactions are sent from. */
  get address(): string {
    return this.#wallet.address;
  }

  /** Switches to another key (rotation) once every transaction signed with the old one is out. */
  useWallet(wallet: Wallet): Promise<void> {
    return this.holdingNonce(async () => {
      this.#wallet = wallet;
    });
  }

  /**
   * Runs `fn` while no other transaction from the account is signed or sent, by this process or
   * another (e.g. to look at the account's next nonce and send again a transaction that has it).
   */
  holdingNonce<T>(fn: () => Promise<T>): Promise<T> {
    const locked = () => this.accountLock(fn);
    const run = this.#queue.then(locked, locked);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #call(method: RegistryWrite, args: unknown[]): { to: string; data: string } {
    return { to: this.registry.address, data: this.registry.contract.interface.encodeFunctionData(method, args) };
  }

  /** Signs (does not send) a transaction calling `method`. */
  sign(method: RegistryWrite, args: unknown[]): Promise<{ signedTx: string; txHash: string }> {
    return this.holdingNonce(() => this.#signTx(method, this.#call(method, args)));
  }

  /**
   * Signs a transaction calling `method`, lets `record` store it (so that it can be sent again
   * after a crash), and broadcasts it, all before any other transaction of the account is signed.
   */
  signAndBroadcast(
    method: RegistryWrite,
    args: unknown[],
    record: (signed: { signedTx: string; txHash: string }) => Promise<void> = async () => undefined,
  ): Promise<{ signedTx: string; txHash: string }> {
    return this.holdingNonce(async () => {
      const signed = await this.#signTx(method, this.#call(method, args));
      await record(signed);
      await this.broadcast(signed.signedTx);
      return signed;
    });
  }

  /** Signs, sends and waits for a registry call; throws when it does not succeed. */
  async send(
    method:
      | 'revoke'
      | 'addSigner'
      | 'removeSigner'
      | 'addDid'
      | 'reportDidCompromised'
      | 'publishStatusLists'
      | 'publishStatusListsBitsOnly',
    args: unknown[],
  ): Promise<TransactionReceipt> {
    return this.#mined((await this.signAndBroadcast(method, args)).txHash);
  }

  /** Sends `value` wei to `to` and waits for it. */
  async transfer(to: string, value: bigint): Promise<TransactionReceipt> {
    const { txHash } = await this.holdingNonce(async () => {
      const signed = await this.#signTx('transfer', { to, value });
      await this.broadcast(signed.signedTx);
      return signed;
    });
    return this.#mined(txHash);
  }

  async #mined(txHash: string): Promise<TransactionReceipt> {
    // Asks for the receipt until it is there. Not provider.waitForTransaction: it waits for a block
    // after the first look, and a node that mines on demand makes none once ours is mined, so a
    // transaction mined between the look and the first block poll was waited for in vain (60 s).
    const deadline = Date.now() + 60_000;
    let mined = await this.receipt(txHash);
    while (!mined && Date.now() < deadline) {
      await sleep(100);
      mined = await this.receipt(txHash);
    }
    if (mined?.status !== 1) throw new LedgerWriteError(`transaction ${txHash} did not succeed`);
    return mined;
  }

  /** Signs a transaction with the account's next nonce; only inside holdingNonce. */
  async #signTx(
    what: string,
    request: { to: string; data?: string; value?: bigint },
  ): Promise<{ signedTx: string; txHash: string }> {
    // Asked at once rather than the estimate first: one round trip to the ledger a transaction, not two.
    const [gas, nonce, fees, network] = await Promise.all([
      this.provider.estimateGas({ from: this.address, ...request }).catch((error: unknown) => {
        if (isLedgerUnreachable(error)) throw error;
        throw new LedgerWriteError(`the registry refuses ${what}: ${describeContractError(error)}`);
      }),
      this.provider.getTransactionCount(this.address, 'pending'),
      this.provider.getFeeData(),
      this.provider.getNetwork(),
    ]);
    if (gas > GAS_CAP) throw new LedgerWriteError(`${what} would use ${gas} gas, above the cap of ${GAS_CAP}`);
    const signedTx = await this.#wallet.signTransaction({
      ...request,
      nonce,
      chainId: network.chainId,
      gasLimit: (gas * 12n) / 10n,
      ...(fees.maxFeePerGas !== null
        ? { type: 2, maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas ?? 0n }
        : { type: 0, gasPrice: fees.gasPrice ?? 0n }),
    });
    return { signedTx, txHash: keccak256(signedTx) };
  }

  /** Sends a signed transaction; sending the same one twice is harmless. */
  async broadcast(signedTx: string): Promise<void> {
    try {
      await this.provider.broadcastTransaction(signedTx);
    } catch (error) {
      const message = String((error as Error).message ?? error);
      if (/already known|known transaction|already imported|nonce too low/i.test(message)) return;
      throw error;
    }
  }

  /** The mined receipt of a transaction, or null while it is not mined. */
  receipt(txHash: string): Promise<TransactionReceipt | null> {
    return this.provider.getTransactionReceipt(txHash);
  }

  async blockTime(blockNumber: number): Promise<Date> {
    const block = await this.provider.getBlock(blockNumber);
    if (!block) throw new LedgerWriteError(`block ${blockNumber} not found`);
    return new Date(block.timestamp * 1000);
  }
}
