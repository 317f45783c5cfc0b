import { backoffCapMs, deadlineOf, requestTimeoutMs } from '../../src/extraction/deadline';

const adapter = (timeout?: number) => ({ options: timeout === undefined ? {} : { timeout } });

describe('invocation deadline', () => {
  it('stops at half of a short soft timeout, leaving room before the hard timeout', () => {
    expect(deadlineOf(adapter(8000), 0)).toBe(4000);
    expect(deadlineOf(adapter(2000), 0)).toBe(1000);
  });
  it('uses 9 of DevRev\'s 10 minutes', () => {
    expect(deadlineOf(adapter(), 0)).toBe(9 * 60_000);
    expect(deadlineOf(adapter(60 * 60_000), 0)).toBe(9 * 60_000); // options can only lower the platform's limit
  });
  it('keeps one request and one back-off well inside the invocation', () => {
    expect(requestTimeoutMs(adapter(8000))).toBe(2000);
    expect(requestTimeoutMs(adapter())).toBe(30_000);
    expect(backoffCapMs(adapter(8000))).toBe(1000);
    expect(backoffCapMs(adapter())).toBe(60_000);
  });
});
