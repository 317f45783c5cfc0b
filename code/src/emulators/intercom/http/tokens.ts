import { createHash, randomBytes } from 'node:crypto';

/**
 * The access tokens the emulated workspace accepts. Each token stands for one app, so each has
 * its own rate-limit budget. The main token is derived from the seed (same seed, same token).
 */
export class TokenRegistry {
  readonly mainToken: string;
  private readonly valid = new Set<string>();
  private readonly revoked = new Set<string>();

  constructor(seed: number) {
    const digest = createHash('sha256').update(`intercom-emulator-token:${seed}`).digest('hex');
    this.mainToken = Buffer.from(`tok:${digest.slice(0, 8)}_${digest.slice(8, 12)}_${digest.slice(12, 16)}_${digest.slice(16, 48)}`).toString('base64');
    this.valid.add(this.mainToken);
  }

  /** A new random token (an OAuth installation). */
  issue(): string {
    const token = Buffer.from(`tok:${randomBytes(24).toString('hex')}`).toString('base64');
    this.valid.add(token);
    return token;
  }

  isValid(token: string): boolean {
    return this.valid.has(token) && !this.revoked.has(token);
  }

  revoke(token: string = this.mainToken): void {
    this.revoked.add(token);
  }

  /** Accepts a revoked token again (the user restored the app's access). */
  restore(token: string = this.mainToken): void {
    this.revoked.delete(token);
  }
}

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
