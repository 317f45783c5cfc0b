/** Budgets per 10-second window (Intercom divides its per-minute limits into six windows). */
export interface RateLimitSettings {
  /** Requests per window for one app (one token). Default 1667 (10,000/min). */
  appPer10s: number;
  /** Requests per window shared by every app of the workspace. Default 4167 (25,000/min). */
  workspacePer10s: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  appPer10s: Math.round(10_000 / 6),
  workspacePer10s: Math.round(25_000 / 6),
};

/** What one request got from the limiter; the three `X-RateLimit-*` headers derive from it. */
export interface RateLimitDecision {
  allowed: boolean;
  /** The app's budget per window (`X-RateLimit-Limit`). */
  limit: number;
  /** Requests left in this window for this app, never more than the workspace has left. */
  remaining: number;
  /** Unix seconds at which the window resets (`X-RateLimit-Reset`). */
  resetAt: number;
  /** Which budget refused the request. */
  exceeded?: 'app' | 'workspace';
}

interface WindowCount {
  windowStart: number;
  count: number;
}

/**
 * Fixed 10-second windows aligned to the wall clock (Intercom's headers reset on multiples of
 * ten seconds). Refused requests are not counted.
 */
export class RateLimiter {
  private settings: RateLimitSettings;
  private readonly apps = new Map<string, WindowCount>();
  private workspace: WindowCount = { windowStart: 0, count: 0 };

  constructor(
    settings: Partial<RateLimitSettings> = {},
    private readonly nowMs: () => number = Date.now,
    private readonly windowMs = 10_000,
  ) {
    this.settings = { ...DEFAULT_RATE_LIMITS, ...settings };
  }

  /** Changes the budgets; counts of the current window are kept. */
  configure(settings: Partial<RateLimitSettings>): void {
    this.settings = { ...this.settings, ...definedOnly(settings) };
  }

  current(): RateLimitSettings {
    return { ...this.settings };
  }

  /** Counts one request of `appKey` if both budgets allow it. */
  take(appKey: string): RateLimitDecision {
    const { windowStart, resetAt } = this.window();
    const app = this.apps.get(appKey) ?? { windowStart, count: 0 };
    if (app.windowStart !== windowStart) Object.assign(app, { windowStart, count: 0 });
    if (this.workspace.windowStart !== windowStart) this.workspace = { windowStart, count: 0 };
    this.apps.set(appKey, app);

    const { appPer10s, workspacePer10s } = this.settings;
    const exceeded = app.count >= appPer10s ? 'app' : this.workspace.count >= workspacePer10s ? 'workspace' : undefined;
    if (!exceeded) {
      app.count += 1;
      this.workspace.count += 1;
    }
    const remaining = Math.max(0, Math.min(appPer10s - app.count, workspacePer10s - this.workspace.count));
    return { allowed: !exceeded, limit: appPer10s, remaining, resetAt, exceeded };
  }

  /** The refusal of a request when other apps have spent the workspace's budget (not counted). */
  workspaceSpent(): RateLimitDecision {
    return { allowed: false, limit: this.settings.appPer10s, remaining: 0, resetAt: this.window().resetAt, exceeded: 'workspace' };
  }

  private window(): { windowStart: number; resetAt: number } {
    const windowStart = Math.floor(this.nowMs() / this.windowMs) * this.windowMs;
    return { windowStart, resetAt: Math.ceil((windowStart + this.windowMs) / 1000) };
  }
}

function definedOnly<T extends object>(o: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
